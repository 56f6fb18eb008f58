namespace CollisionModel.Thermodynamics;

/// <summary>
/// The record field names of the ledger's running totals (<see cref="LedgerTotals"/>), written after the entropy
/// fields by every exporter of a run that keeps a ledger: <c>energy_S</c>, <c>heat</c> (an array, one entry per bath),
/// <c>work</c>, <c>entropy_flow</c>. The per-collision entropy production's running sum is the existing
/// <c>entropy_production_total</c>. CSV carries the scalar ones only.
/// </summary>
public static class LedgerRecordFields
{
    /// <summary>tr ρ_S H_S (null without H_S).</summary>
    public const string EnergySystem = "energy_S";

    /// <summary>Per-bath heat Q_j given up by the ancillas since step 0 (array; null entries without H_E).</summary>
    public const string Heat = "heat";

    /// <summary>Work of switching the couplings since step 0 (null without H_S or some H_E).</summary>
    public const string Work = "work";

    /// <summary>Σ_j β_j Q_j since step 0, nats (null unless every ancilla is thermal).</summary>
    public const string EntropyFlow = "entropy_flow";

    /// <summary>The fields in record order.</summary>
    public static IReadOnlyList<string> All { get; } = [EnergySystem, Heat, Work, EntropyFlow];

    /// <summary>The scalar fields (CSV columns), in record order.</summary>
    public static IReadOnlyList<string> Scalars { get; } = [EnergySystem, Work, EntropyFlow];

    /// <summary>The scalar values of <paramref name="totals"/> in <see cref="Scalars"/> order (null = absent).</summary>
    public static double?[] ScalarValues(LedgerTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return [totals.EnergySystem, totals.Work, totals.EntropyFlow];
    }
}
