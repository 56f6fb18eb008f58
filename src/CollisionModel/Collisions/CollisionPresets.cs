using CollisionModel.Validation;

namespace CollisionModel.Collisions;

/// <summary>
/// The paper's collisions with their angles set from rates (shared/physics.md §1, §5; rates in inverse time units,
/// δt in time units).
/// </summary>
public static class CollisionPresets
{
    /// <summary>
    /// The overlap ⟨a|b⟩ = cos θ of the dephasing collision for coherence decay rate η ≥ 0 and step δt &gt; 0:
    /// <see cref="AngleConvention.Paper"/> 1 − η δt (must stay ≥ −1), <see cref="AngleConvention.Exact"/> e^{−η δt}.
    /// </summary>
    public static double DephasingOverlap(double eta, double timeStep, AngleConvention convention)
    {
        Guard.NonNegative(eta, nameof(eta));
        Guard.Positive(timeStep, nameof(timeStep));
        double c = convention == AngleConvention.Exact ? Math.Exp(-eta * timeStep) : 1 - eta * timeStep;
        if (c < -1)
            throw new ParameterOutOfRangeException($"η δt = {eta * timeStep:G6} > 2: the paper's overlap 1 − η δt leaves [−1, 1]; use more steps.", nameof(timeStep));
        return c;
    }

    /// <summary>
    /// The partial-swap angle θ for total rate γ + κ and step δt: <see cref="AngleConvention.Paper"/>
    /// θ = √((γ+κ) δt), <see cref="AngleConvention.Exact"/> cos²θ = e^{−(γ+κ) δt}.
    /// </summary>
    public static double PartialSwapAngle(double gamma, double kappa, double timeStep, AngleConvention convention)
    {
        Guard.NonNegative(gamma, nameof(gamma));
        Guard.NonNegative(kappa, nameof(kappa));
        Guard.Positive(timeStep, nameof(timeStep));
        double g = (gamma + kappa) * timeStep;
        return convention == AngleConvention.Exact ? Math.Acos(Math.Exp(-0.5 * g)) : Math.Sqrt(g);
    }

    /// <summary>The paper's dephasing collision on qubit B (system qubit 1 of A, B).</summary>
    public static Collision Dephasing(double eta, double timeStep, AngleConvention convention, int qubit = 1) =>
        Collision.Dephasing(DephasingOverlap(eta, timeStep, convention), qubit);

    /// <summary>The partial swap of qubit B with the ancilla for rates γ (decay), κ (pumping).</summary>
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
