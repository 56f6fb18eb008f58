using CollisionModel.Thermodynamics;

namespace CollisionModel.Cli.Output;

/// <summary>
/// The one place the thermodynamic ledger's running totals become record fields (contract section "Thermodynamic
/// ledger"): <c>energy_S</c>, <c>heat</c> (a list, one entry per bath), <c>work</c>, <c>drive_work</c> (when H_S is driven), <c>entropy_flow</c>; none when
/// the run keeps no ledger (no ancilla Hamiltonian). Every command that prints collision records appends these.
/// </summary>
public static class LedgerFields
{
    /// <summary>The ledger fields of one record, in contract order; empty when <paramref name="totals"/> is null.</summary>
    public static IEnumerable<ResultField> Of(LedgerTotals? totals)
    {
        if (totals is null) yield break;
        yield return new ResultField(LedgerRecordFields.EnergySystem, totals.EnergySystem);
        yield return new ResultField(LedgerRecordFields.Heat, new ListValue(totals.Heat.Select(q => (ResultValue)q).ToArray()));
        yield return new ResultField(LedgerRecordFields.Work, totals.Work);
        // Only a driven H_S does work through its drive: undriven runs keep their fields.
        if (totals.DriveWork is { } driveWork) yield return new ResultField(LedgerRecordFields.DriveWork, driveWork);
        yield return new ResultField(LedgerRecordFields.EntropyFlow, totals.EntropyFlow);
    }
}
