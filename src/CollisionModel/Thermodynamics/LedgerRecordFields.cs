namespace CollisionModel.Thermodynamics;

/// <summary>
/// The record field names of the ledger's running totals (<see cref="LedgerTotals"/>), written after the entropy
/// fields by every exporter of a run that keeps a ledger: <c>energy_S</c>, <c>heat</c> (an array, one entry per bath),
/// <c>work</c>, <c>drive_work</c> (only when H_S is driven), <c>entropy_flow</c>. The per-collision entropy production's running sum is the existing
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

    /// <summary>Work of the drive of H_S since step 0, Σ_n tr ρ_S[H_S(t_{n+1}) − H_S(t_n)] (a field only when H_S is driven).</summary>
    public const string DriveWork = "drive_work";

    /// <summary>Σ_j β_j Q_j since step 0, nats (null unless every ancilla is thermal).</summary>
    public const string EntropyFlow = "entropy_flow";

    /// <summary>The fields in record order.</summary>
    public static IReadOnlyList<string> All { get; } = [EnergySystem, Heat, Work, EntropyFlow];

    /// <summary>The scalar fields (CSV columns), in record order.</summary>
    public static IReadOnlyList<string> Scalars { get; } = [EnergySystem, Work, EntropyFlow];

    /// <summary>The scalar fields of a run whose H_S is driven (CSV columns), in record order.</summary>
    public static IReadOnlyList<string> DrivenScalars { get; } = [EnergySystem, Work, DriveWork, EntropyFlow];

    /// <summary>The scalar values of <paramref name="totals"/> in <see cref="Scalars"/> order (null = absent), or <see cref="DrivenScalars"/> order when <paramref name="driven"/>.</summary>
    public static double?[] ScalarValues(LedgerTotals totals, bool driven = false)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return driven ? [totals.EnergySystem, totals.Work, totals.DriveWork, totals.EntropyFlow] : [totals.EnergySystem, totals.Work, totals.EntropyFlow];
    }
}
