namespace CollisionModel.Measures.Entanglement;

/// <summary>Which path computed a relative entropy of entanglement.</summary>
public enum ReeMethod
{
    /// <summary>ρ is PPT, hence separable for two qubits: E_R = 0 and σ* = ρ.</summary>
    Separable,

    /// <summary>Pure ρ: E_R is the entropy of entanglement, σ* = Σ|c_i|²|ii⟩⟨ii| in the Schmidt basis (Vedral–Plenio).</summary>
    Pure,

    /// <summary>Support on |00⟩, |11⟩ only: E_R = S(diag ρ) − S(ρ), σ* = ρ with its coherences deleted (Rains).</summary>
    MaximallyCorrelated,

    /// <summary>Bell-diagonal ρ with largest weight λ &gt; ½: E_R = ln 2 − h(λ) (Vedral–Plenio).</summary>
    BellDiagonal,

    /// <summary>X state: the solver restricted to X-shaped σ (σz⊗σz symmetry of ρ, inherited by σ*).</summary>
    XState,

    /// <summary>The general solver over all two-qubit separable states.</summary>
    General,
}
