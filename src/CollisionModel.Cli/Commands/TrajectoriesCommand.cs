using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Models;
using CollisionModel.Monitoring;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>collision trajectories</c>: N sampled quantum trajectories of a model whose baths have a <c>measure</c> key — the
/// average conditional state, the counts' mean, variance and standard error, the average conditional entropy. The
/// output is the same bytes for every <c>--threads</c> (which is why <c>parameters</c> leaves it out).
/// </summary>
internal static class TrajectoriesCommand
{
    /// <summary>An upper bound on <c>--trajectories</c> (the final counts are kept per trajectory).</summary>
    public const int MaxTrajectories = 100_000_000;

    public static Command Create(CliEnvironment environment)
    {
        var modelFile = ModelFileInput.RequiredOption("The JSON model file (docs/model-files.md); at least one bath needs a \"measure\" key.");
        var time = CliOptions.EndTime("Total time T > 0.");
        var steps = CliOptions.PerformedSteps();
        var trajectories = CliOptions.Integer("--trajectories", $"Number of trajectories N, 1 ≤ N ≤ {MaxTrajectories}.", 100, 1, MaxTrajectories);
        var seed = CliOptions.Integer("--seed", "Seed S: trajectory i draws from a random stream fixed by (S, i) alone.", 1, long.MinValue, long.MaxValue, "S");
        var recordEvery = CliOptions.Integer("--record-every", "Emit every M-th step (steps 0 and K always).", 1, 1, long.MaxValue);
        var threads = CliOptions.Integer("--threads", "Worker threads (default: every core); the output does not depend on it.", 0, 1, 1024, "P");
        var common = new CommonOptionSet();

        var command = new Command("trajectories",
            "Monitored runs: every measured bath's outgoing ancillas read out at every collision, N sampled trajectories " +
            "averaged (conditional state, counts, conditional entropy).");
        foreach (var option in new Option[] { modelFile, time, steps, trajectories, seed, recordEvery, threads }) command.Options.Add(option);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var input = ModelFileInput.Read(CliOptions.ValueOrEmpty(parse, modelFile));
            MonitoredModel.Check(input, "trajectories");
            var model = input.Model;
            var grid = TimeGrid.Over(parse.GetValue(time), parse.GetValue(steps));
            int n = (int)parse.GetValue(trajectories);
            long s = parse.GetValue(seed);
            int every = (int)Math.Min(parse.GetValue(recordEvery), int.MaxValue);
            int? workers = parse.GetResult(threads) is { Implicit: false } ? (int)parse.GetValue(threads) : null;
            var parameters = new List<(string, ResultValue)>([.. input.ToParameters(),
                ("time", parse.GetValue(time)), ("steps", grid.Steps), ("trajectories", n), ("seed", s),
                ("record_every", parse.GetValue(recordEvery))]);
            var commonOptions = common.Read(parse);
            return EngineCommand.Execute(environment, commonOptions, "trajectories", parameters, progress =>
            {
                var result = MonitoredTrajectories.Run(model.Protocol, model.Measurements, model.InitialState, grid.TimeStep,
                    checked((int)grid.Steps), n, s, every, workers, progress);
                var records = result.Records.Select(r => ResultRecord.Of(
                    ("step", r.Step), ("time", r.Time), ("mean_rho", r.MeanState),
                    ("counts_mean", List(r.CountsMean.Select(x => (ResultValue)x))),
                    ("counts_variance", List(r.CountsVariance.Select(x => (ResultValue)x))),
                    ("counts_stderr", List(r.CountsStandardError.Select(x => (ResultValue)x))),
                    ("mean_conditional_entropy", r.MeanConditionalEntropy))).ToList();
                var extras = ResultRecord.Of(("trajectories", result.Trajectories), ("seed", result.Seed),
                    ("measured_baths", List(result.MeasuredBaths.Select(j => (ResultValue)j))));
                return (records, extras);
            }, MeasuredLabels(model.Protocol.Baths.Select(b => b.Name).ToArray(), model.Measurements));
        });
        return command;
    }

    /// <summary>The measured baths' column labels: each bath's label among all baths (name, else index), in measured order.</summary>
    private static string?[] MeasuredLabels(IReadOnlyList<string?> names, IReadOnlyList<AncillaMeasurement?> measurements)
    {
        var labels = PerBathColumns.Labels(names, names.Count);
        return Enumerable.Range(0, names.Count).Where(j => measurements[j] is not null).Select(j => (string?)labels[j]).ToArray();
    }

    private static ListValue List(IEnumerable<ResultValue> items) => new(items.ToArray());
}
