namespace CollisionModel.Cli.Commands;

/// <summary><c>--model</c>: the collision between qubit B and an ancilla.</summary>
public enum CollisionKind
{
    /// <summary>The paper's controlled rotation of the ancilla conditioned on B (pure dephasing).</summary>
    Dephasing,

    /// <summary>Partial swap exp(−iθ(σ⁺_B σ⁻_E + σ⁻_B σ⁺_E)) (amplitude damping / thermalisation).</summary>
    Decay,
}

/// <summary><c>--environment</c>: the state every fresh ancilla starts in.</summary>
public enum EnvironmentKind
{
    /// <summary>Every ancilla starts in |0>.</summary>
    Pure,

    /// <summary>Maximally mixed (dephasing) or thermal diag(γ, κ)/(γ+κ) (decay).</summary>
    Mixed,
}

/// <summary><c>--representation</c>: how much of the environment is kept.</summary>
public enum RepresentationKind
{
    /// <summary>The global state of A, B and every ancilla so far (mixed ancillas purified).</summary>
    Explicit,

    /// <summary>A, B and the ancilla of the current collision only.</summary>
    Streaming,

    /// <summary>A, B and every ancilla so far as a matrix-product state (any number of collisions).</summary>
    Mps,
}

/// <summary><c>--angle</c>: how the collision angle depends on δt.</summary>
public enum AngleConvention
{
    /// <summary>Dephasing cos θ = 1 − η δt; decay θ = √((γ+κ)δt).</summary>
    Paper,

    /// <summary>Dephasing cos θ = e^{−η δt}; decay cos²θ = e^{−(γ+κ)δt}.</summary>
    Exact,
}

/// <summary><c>--qubit</c>: which qubit(s) eq. (5) acts on.</summary>
public enum DrivenQubit
{
    /// <summary>Qubit A only.</summary>
    A,

    /// <summary>Qubit B only (the paper's case).</summary>
    B,

    /// <summary>The same local generator on A and on B.</summary>
    Both,
}
