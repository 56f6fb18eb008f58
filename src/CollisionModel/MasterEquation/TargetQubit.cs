namespace CollisionModel.MasterEquation;

/// <summary>Which qubit of the two-qubit system (A ⊗ B, A most significant) the eq. (5) dynamics acts on.</summary>
public enum TargetQubit
{
    /// <summary>Qubit A (subsystem 0).</summary>
    A,

    /// <summary>Qubit B (subsystem 1), the paper's case.</summary>
    B,

    /// <summary>Both qubits, each with its own independent copy of the dynamics.</summary>
    Both,
}
