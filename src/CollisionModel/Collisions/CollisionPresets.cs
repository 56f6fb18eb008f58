using System.Numerics;
using CollisionModel.Protocols;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Collisions;

/// <summary>
/// The paper's collisions with their angles set from rates (docs/conventions.md §1, §5; rates in inverse time units,
/// δt in time units). The single source of the collision angles, couplings and ancillas: the collision engines and
/// the convergence study's channel powers (<c>Convergence.CollisionStepChannel</c>) both build from here, so a
/// streamed run and a channel power use the same θ to the last bit.
/// </summary>
public static class CollisionPresets
{
    /// <summary>
    /// The dephasing angle θ for coherence decay rate η ≥ 0 and step δt &gt; 0: <see cref="AngleConvention.Paper"/>
    /// 1 − cos θ = η δt, <see cref="AngleConvention.Exact"/> 1 − cos θ = 1 − e^{−η δt}. Computed from
    /// 1 − cos θ = 2 sin²(θ/2) without ever forming 1 − η δt, so η δt = 1e-12 keeps full relative precision.
    /// The paper's choice needs η δt ≤ 2 (an overlap ≥ −1). O(1).
    /// </summary>
    public static double DephasingAngle(double eta, double timeStep, AngleConvention convention)
    {
        Guard.NonNegative(eta, nameof(eta));
        Guard.Positive(timeStep, nameof(timeStep));
        double oneMinusCos = convention == AngleConvention.Paper ? eta * timeStep : -ScalarExpm1.Compute(-eta * timeStep);
        if (oneMinusCos > 2)
            throw new ParameterOutOfRangeException(
                $"η δt = {eta * timeStep:G6} > 2: the paper's overlap 1 − η δt leaves [−1, 1]; use more steps.", nameof(timeStep));
        return 2 * Math.Asin(Math.Sqrt(oneMinusCos / 2));
    }

    /// <summary>
    /// The overlap ⟨a|b⟩ = cos θ of the dephasing collision: paper 1 − η δt, exact e^{−η δt} (θ from
    /// <see cref="DephasingAngle"/>). Near 1 it carries only absolute precision; use the angle for tiny steps.
    /// </summary>
    public static double DephasingOverlap(double eta, double timeStep, AngleConvention convention) =>
        Math.Cos(DephasingAngle(eta, timeStep, convention));

    /// <summary>
    /// The partial-swap angle θ for total rate γ + κ and step δt: <see cref="AngleConvention.Paper"/>
    /// θ = √((γ+κ) δt), <see cref="AngleConvention.Exact"/> sin²θ = 1 − e^{−(γ+κ) δt} (expm1, no cancellation). O(1).
    /// </summary>
    public static double PartialSwapAngle(double gamma, double kappa, double timeStep, AngleConvention convention)
    {
        Guard.NonNegative(gamma, nameof(gamma));
        Guard.NonNegative(kappa, nameof(kappa));
        Guard.Positive(timeStep, nameof(timeStep));
        double g = (gamma + kappa) * timeStep;
        return convention == AngleConvention.Exact ? Math.Asin(Math.Sqrt(-ScalarExpm1.Compute(-g))) : Math.Sqrt(g);
    }

    /// <summary>
    /// The dephasing coupling V = |1⟩⟨1|_B ⊗ σy_E on (B, ancilla): exp(−iθV) rotates the ancilla |0⟩ to
    /// cos θ|0⟩ + sin θ|1⟩ when B is |1⟩ (<see cref="Collision.ControlledRotation"/> is its closed form). A fresh 4×4 matrix.
    /// </summary>
    public static Matrix<Complex> DephasingCoupling() => Tensor.Kron(Pauli.Projector1, Pauli.Y);

    /// <summary>
    /// The partial-swap coupling V = σ⁺_B σ⁻_E + σ⁻_B σ⁺_E on (B, ancilla): exp(−iθV) swaps an excitation with amplitude
    /// sin θ (<see cref="Collision.PartialSwap"/> is its closed form). A fresh 4×4 matrix.
    /// </summary>
    public static Matrix<Complex> PartialSwapCoupling() =>
        Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    /// <summary>The paper's dephasing collision on qubit B (system qubit 1 of A, B), θ from <see cref="DephasingAngle"/>.</summary>
    public static Collision Dephasing(double eta, double timeStep, AngleConvention convention, int qubit = 1) =>
        Collision.ControlledRotation(DephasingAngle(eta, timeStep, convention), qubit);

    /// <summary>The partial swap of qubit B with the ancilla for rates γ (decay), κ (pumping), θ from <see cref="PartialSwapAngle"/>.</summary>
    public static Collision Decay(double gamma, double kappa, double timeStep, AngleConvention convention, int qubit = 1) =>
        Collision.PartialSwap(PartialSwapAngle(gamma, kappa, timeStep, convention), qubit);

    /// <summary>
    /// The thermal ancilla of the decay model, diag(γ, κ)/(γ+κ) — B's stationary state, so the limit rates are γ and κ.
    /// Needs γ + κ &gt; 0.
    /// </summary>
    public static AncillaState ThermalAncilla(double gamma, double kappa)
    {
        Guard.NonNegative(gamma, nameof(gamma));
        Guard.NonNegative(kappa, nameof(kappa));
        double g = gamma + kappa;
        if (g <= 0) throw new ParameterOutOfRangeException("A thermal ancilla needs γ + κ > 0.", nameof(gamma));
        return AncillaState.Thermal(gamma / g, kappa / g);
    }

    /// <summary>
    /// The dephasing model's ancilla: pure |0⟩, or maximally mixed (the paper's closing remark: the coherence factor is
    /// the same and S_E does not change).
    /// </summary>
    public static AncillaState DephasingAncilla(bool mixed) => mixed ? AncillaState.MaximallyMixed : AncillaState.Ground;

    /// <summary>
    /// The decay model's ancilla: thermal diag(γ, κ)/(γ+κ) when <paramref name="mixed"/>, else pure |0⟩ — which only
    /// describes pumping-free decay, so it requires κ = 0 (throws <see cref="ParameterOutOfRangeException"/> otherwise).
    /// </summary>
    public static AncillaState DecayAncilla(double gamma, double kappa, bool mixed)
    {
        Guard.NonNegative(gamma, nameof(gamma));
        Guard.NonNegative(kappa, nameof(kappa));
        if (mixed) return ThermalAncilla(gamma, kappa);
        if (kappa != 0)
            throw new ParameterOutOfRangeException($"A pure |0⟩ ancilla cannot pump (κ = {kappa}); the decay model with a pure environment requires κ = 0.", nameof(kappa));
        return AncillaState.Ground;
    }
}
