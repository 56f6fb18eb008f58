using CollisionModel.States;

namespace CollisionModel.Engines;

/// <summary>
/// One emitted step of a collision-model run (immutable): the scalar bookkeeping of <see cref="StepBookkeeping"/>,
/// ρ_AB, its concurrence (two-qubit systems only, else null), the optional entanglement measure E_R (null when none
/// is configured) and the user observables. Entropies in nats.
/// </summary>
public sealed record StepRecord
{
    /// <summary>The scalar bookkeeping (entropies, mutual informations, SSA slack, D_E, running totals).</summary>
    public required StepBookkeeping Bookkeeping { get; init; }

    /// <summary>The system state ρ_AB after the step.</summary>
    public required DensityMatrix RhoAB { get; init; }

    /// <summary>Wootters concurrence of ρ_AB for a two-qubit system; null otherwise.</summary>
    public double? Concurrence { get; init; }

    /// <summary>E_R(ρ_AB) from the configured measure; null when none is configured.</summary>
    public double? RelativeEntropyOfEntanglement { get; init; }

    /// <summary>The closest separable state returned with E_R (the next emitted step's warm start); null without E_R.</summary>
    public DensityMatrix? ClosestSeparable { get; init; }

    /// <summary>The thermodynamic ledger's running totals (energy_S, heat, work, entropy_flow); null when the run keeps none.</summary>
    public Thermodynamics.LedgerTotals? Thermodynamics { get; init; }

    /// <summary>User observables by name.</summary>
    public IReadOnlyDictionary<string, double> Observables { get; init; } = new Dictionary<string, double>();

    /// <summary>The matrix-product representation's extras (bond, truncation, fragments); null for the other representations.</summary>
    public WholeEnvironmentRecord? WholeEnvironment { get; init; }

    /// <summary>Collisions done.</summary>
    public int Step => Bookkeeping.Step;

    /// <summary>Step · δt.</summary>
    public double Time => Bookkeeping.Time;

    /// <summary>
    /// A few-digit summary of the step (entropies in nats): step, time, S_AB, I(AB:E), the SSA slack, the running
    /// entropy production, E_R and the size of ρ_AB, e.g.
    /// <c>StepRecord step 100, t = 1: S_AB = 0.5623, I(AB:E) = 0.01, ssa_slack = 0, entropy_production_total = 0.31, E_R = 0.1308, ρ_AB 4×4</c>.
    /// </summary>
    public override string ToString()
    {
        var b = Bookkeeping;
        return $"StepRecord step {b.Step}, t = {ReadableText.Number(b.Time)}: S_AB = {ReadableText.Number(b.EntropyAB)}, "
            + $"I(AB:E) = {ReadableText.Number(b.MutualInformationABE)}, ssa_slack = {ReadableText.Number(b.SsaSlack)}, "
            + $"entropy_production_total = {ReadableText.Number(b.EntropyProductionTotal)}, "
            + $"E_R = {ReadableText.Number(RelativeEntropyOfEntanglement)}, ρ_AB {RhoAB.Dimension}×{RhoAB.Dimension}";
    }
}
