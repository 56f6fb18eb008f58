using CollisionModel.States;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// A non-equilibrium steady state and its currents (immutable; energy per unit time with ħ = k_B = 1, entropy in
/// nats per unit time). Sign convention: <see cref="HeatCurrents"/> J_j &gt; 0 when bath j puts energy into the
/// system. In the steady state the system's energy and entropy are constant, so the entropy production rate is
/// Σ̇ = −Σ_j β_j J_j ≥ 0 and the power the couplings put in is −Σ_j J_j (zero for energy-conserving collisions and
/// for the local master equation). Absent quantities are null, never NaN.
/// </summary>
/// <param name="State">The steady state ρ_ss on the system.</param>
/// <param name="HeatCurrents">J_j per bath; an entry is null when it cannot be defined (no H_E for the collision model, no H_S for the limit).</param>
/// <param name="EntropyProductionRate">−Σ_j β_j J_j; null unless every bath is thermal and every J_j exists.</param>
/// <param name="Power">The work per unit time put in by switching the couplings; null when undefined.</param>
public sealed record SteadyStateCurrents(DensityMatrix State, IReadOnlyList<double?> HeatCurrents, double? EntropyProductionRate, double? Power)
{
    /// <summary>
    /// A few-digit summary (the record's default would print the list's type name): the state's size and purity, the
    /// currents per bath, Σ̇ and the power, e.g.
    /// <c>SteadyStateCurrents: ρ_ss 2×2 (tr ρ² = 0.5556), heat currents [0.0012, -0.0012], entropy production rate 0.0003, power 0</c>.
    /// </summary>
    public override string ToString() =>
        $"SteadyStateCurrents: ρ_ss {State.Dimension}×{State.Dimension} (tr ρ² = {ReadableText.Number(State.Purity)}), heat currents "
        + $"{ReadableText.List(HeatCurrents, ReadableText.Number)}, entropy production rate {ReadableText.Number(EntropyProductionRate)}, "
        + $"power {ReadableText.Number(Power)}";
}
