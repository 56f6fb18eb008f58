using CollisionModel.Cli.Output;
using CollisionModel.Engines;
using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision simulate</c>: runs the collision model of the given options and returns the
/// emitted steps. Report the fraction done (0…1) through the progress sink; throw the library's
/// <c>QuantumInputException</c>s for inputs the engine cannot handle (they become exit code 2).
/// </summary>
public interface ISimulateRunner
{
    /// <summary>Runs the simulation.</summary>
    SimulateResult Run(SimulateOptions options, IProgress<double> progress);
}

/// <summary>The emitted steps of a collision-model run.</summary>
/// <param name="Steps">Step 0, every N-th step, and step K, in order.</param>
public sealed record SimulateResult(IReadOnlyList<SimulateStep> Steps);

/// <summary>One emitted step (entropies in nats). Field names in the output are the contract's (see <see cref="ToRecord"/>).</summary>
/// <param name="Step">Collision index j (0 = before the first collision).</param>
/// <param name="Time">j·δt.</param>
/// <param name="EntropyA">S_A.</param>
/// <param name="EntropyB">S_B.</param>
/// <param name="EntropyAB">S_AB.</param>
/// <param name="EntropyE">S_E (E = every ancilla so far, explicit; the latest ancilla, streaming).</param>
/// <param name="EntropyAE">S_AE.</param>
/// <param name="EntropyBE">S_BE.</param>
/// <param name="EntropyABE">S_ABE.</param>
/// <param name="MutualInformationAE">I(A:E).</param>
/// <param name="MutualInformationBE">I(B:E).</param>
/// <param name="MutualInformationABE">I(AB:E).</param>
/// <param name="SsaSlack">S_AB + S_BE − S_ABE − S_B.</param>
/// <param name="RelativeEntropyE">D_E: relative entropy of E's state to its initial state (may be +∞).</param>
/// <param name="RelativeEntropyOfEntanglement">E_R of ρ_AB; null with <c>--no-ree</c> or unless the system is two qubits.</param>
/// <param name="Concurrence">Concurrence of ρ_AB; null unless the system is two qubits (model files).</param>
/// <param name="RhoAB">ρ_AB: the whole system state (d_S × d_S, subsystems in their listed order).</param>
/// <param name="EntropyProductionTotal">Σ_j I(AB′:E_j′) + D(η_j′‖η_j) over collisions so far.</param>
/// <param name="MinSsaSlack">The smallest SSA slack over the collisions so far; null at step 0.</param>
/// <param name="Thermodynamics">The ledger's running totals (models whose ancillas have a Hamiltonian), else null.</param>
public sealed record SimulateStep(
    long Step,
    double Time,
    double EntropyA,
    double EntropyB,
    double EntropyAB,
    double EntropyE,
    double EntropyAE,
    double EntropyBE,
    double EntropyABE,
    double MutualInformationAE,
    double MutualInformationBE,
    double MutualInformationABE,
    double SsaSlack,
    double RelativeEntropyE,
    double? RelativeEntropyOfEntanglement,
    double? Concurrence,
    DensityMatrix RhoAB,
    double EntropyProductionTotal,
    double? MinSsaSlack,
    Thermodynamics.LedgerTotals? Thermodynamics = null)
{
    /// <summary>
    /// The emitted step of an engine run (concurrence and E_R as the engine reported them: null beyond two qubits), with
    /// the thermodynamic ledger's totals when the run keeps one (every runner that prints collision records maps them
    /// here, so the ledger fields appear wherever an ancilla has a Hamiltonian).
    /// </summary>
    public static SimulateStep From(StepRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var b = record.Bookkeeping;
        return new SimulateStep(b.Step, b.Time, b.EntropyA, b.EntropyB, b.EntropyAB, b.EntropyE, b.EntropyAE, b.EntropyBE,
            b.EntropyABE, b.MutualInformationAE, b.MutualInformationBE, b.MutualInformationABE, b.SsaSlack,
            b.RelativeEntropyE, record.RelativeEntropyOfEntanglement, record.Concurrence, record.RhoAB, b.EntropyProductionTotal,
            b.MinSsaSlack, record.Thermodynamics)
        {
            WholeEnvironment = record.WholeEnvironment is { } w
                ? new SimulateWholeEnvironment(w.MaxBond, w.TruncationError, w.Fragments?.Oldest, w.Fragments?.Newest)
                : null,
        };
    }

    /// <summary>
    /// The record with the field names of <see cref="CollisionRecordFields"/> (the library's, shared with
    /// <see cref="CollisionTrajectory"/>'s exporters), in their order: the scalars with ρ_AB before the running totals,
    /// then the ledger's fields, then the mps extras.
    /// </summary>
    public ResultRecord ToRecord()
    {
        // The values in CollisionRecordFields.Scalars order; the step stays an integer in the output.
        ResultValue[] scalars =
        [
            Step, Time, EntropyA, EntropyB, EntropyAB, Known(EntropyE), Known(EntropyAE), Known(EntropyBE), Known(EntropyABE),
            Known(MutualInformationAE), Known(MutualInformationBE), Known(MutualInformationABE), Known(SsaSlack),
            Known(RelativeEntropyE), RelativeEntropyOfEntanglement, Concurrence, EntropyProductionTotal, MinSsaSlack,
        ];
        var names = CollisionRecordFields.Scalars;
        var fields = new List<ResultField>(names.Count + 9);
        for (int i = 0; i < names.Count; i++)
        {
            if (i == CollisionRecordFields.ScalarsBeforeState) fields.Add(new ResultField(CollisionRecordFields.State, RhoAB));
            fields.Add(new ResultField(names[i], scalars[i]));
        }
        fields.AddRange(LedgerFields.Of(Thermodynamics));
        if (WholeEnvironment is { } w)
        {
            fields.Add(new ResultField(CollisionRecordFields.MaxBond, w.MaxBond));
            fields.Add(new ResultField(CollisionRecordFields.TruncationError, w.TruncationError));
            if (w.Oldest is not null && w.Newest is not null)
            {
                fields.Add(new ResultField(CollisionRecordFields.FragmentsOldest, new ListValue(w.Oldest.Select(x => (ResultValue)x).ToArray())));
                fields.Add(new ResultField(CollisionRecordFields.FragmentsNewest, new ListValue(w.Newest.Select(x => (ResultValue)x).ToArray())));
            }
        }
        return new ResultRecord(fields);
    }

    /// <summary>The mps extras (bond, truncation, fragments); null for the other representations.</summary>
    public SimulateWholeEnvironment? WholeEnvironment { get; init; }

    // The whole-E fields are NaN where the mps engine does not compute them (many mixed ancillas): null.
    private static double? Known(double v) => double.IsNaN(v) ? null : v;
}

/// <summary>What <c>--representation mps</c> adds to a record.</summary>
/// <param name="MaxBond">max_bond: the largest bond dimension so far.</param>
/// <param name="TruncationError">truncation_error: the discarded weight summed over all splits (0 when nothing was truncated).</param>
/// <param name="Oldest">I_AB_F_oldest (with --fragments), indexed by m.</param>
/// <param name="Newest">I_AB_F_newest (with --fragments), indexed by m.</param>
public sealed record SimulateWholeEnvironment(int MaxBond, double TruncationError, double[]? Oldest, double[]? Newest);
