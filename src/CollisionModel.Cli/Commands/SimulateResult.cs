using CollisionModel.Cli.Output;
using CollisionModel.Engines;

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

/// <summary>
/// The emitted steps of a collision-model run: the library's own <see cref="CollisionTrajectory"/> (its
/// <see cref="StepRecord"/>s, entropies in nats), written with the library's field names
/// (<see cref="CollisionRecordFields"/>, <see cref="Thermodynamics.LedgerRecordFields"/>) and values
/// (<see cref="CollisionTrajectory.ScalarValues"/>): the CLI mirrors no field of a step.
/// </summary>
/// <param name="Trajectory">Step 0, every N-th step, and step K, in order.</param>
public sealed record SimulateResult(CollisionTrajectory Trajectory)
{
    /// <summary>One output record per emitted step, in step order.</summary>
    public IReadOnlyList<ResultRecord> ToRecords() => Trajectory.Records.Select(ToRecord).ToList();

    /// <summary>
    /// One emitted step as an output record, in the library's order: the scalars of
    /// <see cref="CollisionTrajectory.ScalarValues"/> under <see cref="CollisionRecordFields.Scalars"/> with ρ_AB before
    /// the running totals, then the ledger's fields (when the run keeps a ledger), then the mps extras (bond,
    /// truncation, fragments). Every runner that prints collision records writes them through here.
    /// </summary>
    public static ResultRecord ToRecord(StepRecord step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var names = CollisionRecordFields.Scalars;
        var values = CollisionTrajectory.ScalarValues(step);
        var fields = new List<ResultField>(names.Count + 9);
        for (int i = 0; i < names.Count; i++)
        {
            if (i == CollisionRecordFields.ScalarsBeforeState) fields.Add(new ResultField(CollisionRecordFields.State, step.RhoAB));
            // The step stays an integer in the output (the library's JSON writes it so too).
            fields.Add(new ResultField(names[i], i == 0 ? (ResultValue)step.Step : values[i]));
        }
        fields.AddRange(LedgerFields.Of(step.Thermodynamics));
        if (step.WholeEnvironment is { } w)
        {
            fields.Add(new ResultField(CollisionRecordFields.MaxBond, w.MaxBond));
            fields.Add(new ResultField(CollisionRecordFields.TruncationError, w.TruncationError));
            if (w.Fragments is { } f)
            {
                fields.Add(new ResultField(CollisionRecordFields.FragmentsOldest, new ListValue(f.Oldest.Select(x => (ResultValue)x).ToArray())));
                fields.Add(new ResultField(CollisionRecordFields.FragmentsNewest, new ListValue(f.Newest.Select(x => (ResultValue)x).ToArray())));
            }
        }
        return new ResultRecord(fields);
    }
}
