using CollisionModel.Protocols;
using CollisionModel.Validation;

namespace CollisionModel.Convergence;

/// <summary>Which collision a convergence study repeats.</summary>
public enum CollisionModelKind
{
    /// <summary>The paper's controlled rotation of a fresh ancilla conditioned on qubit B (rate η; γ, κ unused).</summary>
    Dephasing,

    /// <summary>The partial swap of qubit B with a thermal ancilla diag(γ, κ)/(γ+κ) (rates γ, κ; η unused).</summary>
    Decay,
}

/// <summary>How a system Hamiltonian step is interleaved with each collision.</summary>
public enum StepOrdering
{
    /// <summary>U_H(δt), then the collision: first order.</summary>
    Lie,

    /// <summary>U_H(δt/2), the collision, U_H(δt/2): second order when the collision itself is exact.</summary>
    Strang,
}

/// <summary>
/// A collision model on two qubits A, B (A idle) that converges to the paper's eq. (5) on B as k → ∞.
/// Rates in physics.md §1 conventions (η = coherence decay rate). The model uses only its own rates:
/// dephasing uses η, decay uses γ and κ, and the master-equation reference it is compared with uses the same.
/// </summary>
/// <param name="Model">The collision.</param>
/// <param name="A">Initial state A|00⟩ + √(1 − A²)|11⟩, 0 ≤ A ≤ 1.</param>
/// <param name="Gamma">Decay rate γ ≥ 0 (decay model).</param>
/// <param name="Kappa">Pumping rate κ ≥ 0 (decay model).</param>
/// <param name="Eta">Dephasing rate η ≥ 0 (dephasing model).</param>
/// <param name="Omega">Level splitting ω of H_B = (ω/2)σz.</param>
/// <param name="Time">Total time T &gt; 0.</param>
/// <param name="Angle">Paper or exact collision angle.</param>
/// <param name="Drive">Rabi frequency Ω of an extra drive (Ω/2)σx on B, which does not commute with the collision (0: none).</param>
/// <param name="Ordering">Lie or Strang interleaving of the Hamiltonian step.</param>
public sealed record ConvergenceSetup(
    CollisionModelKind Model = CollisionModelKind.Dephasing,
    double A = 0.7071067811865476,
    double Gamma = 1,
    double Kappa = 0,
    double Eta = 1,
    double Omega = 0,
    double Time = 1,
    AngleConvention Angle = AngleConvention.Paper,
    double Drive = 0,
    StepOrdering Ordering = StepOrdering.Lie)
{
    /// <summary>Throws a named exception for any out-of-range parameter.</summary>
    public void Validate()
    {
        Guard.InRange(A, 0, 1, nameof(A));
        Guard.NonNegative(Gamma, nameof(Gamma));
        Guard.NonNegative(Kappa, nameof(Kappa));
        Guard.NonNegative(Eta, nameof(Eta));
        Guard.NonNegative(Omega, nameof(Omega));
        Guard.Finite(Drive, nameof(Drive));
        Guard.Positive(Time, nameof(Time));
        if (Model == CollisionModelKind.Decay && Gamma + Kappa <= 0)
            throw new ParameterOutOfRangeException("The decay model needs γ + κ > 0.", nameof(Gamma));
    }
}
