using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>collision counting</c>: the exact distribution of a measured bath's cumulative count (or an integer-weighted sum of
/// several), its cumulants, the scaled cumulant generating function per step and, for energy-measured thermal baths,
/// the stochastic entropy production and the integral fluctuation theorem. The physics is in CollisionModel.Monitoring.
/// </summary>
internal static class CountingCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var modelFile = ModelFileInput.RequiredOption("The JSON model file (docs/model-files.md); the counted bath(s) need a \"measure\" key.");
        var time = CliOptions.EndTime("Total time T > 0.");
        var steps = CliOptions.PerformedSteps();
        var bath = CliOptions.IntegerList("--bath", "The counted bath(s), 0-based; default the first measured bath.", [], 0, int.MaxValue);
        var weights = CliOptions.IntegerList("--weights", "Integer weights w_j of the counted baths (N = Σ w_j N_j), one per --bath.", [], int.MinValue, int.MaxValue);
        var s = RealListOption.Create("--s", "Values of s at which θ(s) (per step) is evaluated, e.g. -0.5,0,0.5.");
        var recordEvery = CliOptions.Integer("--record-every", "Emit every N-th step (steps 0 and K always).", 1, 1, long.MaxValue);
        var common = new CommonOptionSet();

        var command = new Command("counting",
            "Exact full counting statistics of a measured bath's quanta (no sampling): P(n), cumulants, θ(s), and the " +
            "integral fluctuation theorem for energy-measured thermal baths.");
        command.Options.Add(modelFile);
        command.Options.Add(time);
        command.Options.Add(steps);
        command.Options.Add(bath);
        command.Options.Add(weights);
        command.Options.Add(s);
        command.Options.Add(recordEvery);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var input = ModelFileInput.Read(CliOptions.ValueOrEmpty(parse, modelFile));
            MonitoredModel.Check(input, "counting");
            var model = input.Model;
            var selection = Selection(parse.GetValue(bath), parse.GetValue(weights), model.Measurements);
            var sValues = parse.GetValue(s) ?? [];
            var grid = TimeGrid.Over(parse.GetValue(time), parse.GetValue(steps));
            int k = checked((int)grid.Steps);
            int every = (int)Math.Min(parse.GetValue(recordEvery), int.MaxValue);
            var parameters = new List<(string, ResultValue)>([.. input.ToParameters(),
                ("time", parse.GetValue(time)), ("steps", grid.Steps),
                ("bath", new ListValue(selection.Baths.Select(j => (ResultValue)j).ToArray())),
                ("weights", new ListValue(selection.Weights.Select(w => (ResultValue)w).ToArray())),
                ("s", new ListValue(sValues.Select(x => (ResultValue)x).ToArray())),
                ("record_every", parse.GetValue(recordEvery))]);
            // θ(s) and the rates are per period with a drive (per step without): the period must be a whole number of steps.
            if (model.Protocol.HasDrive) CheckPeriod(model.Protocol, grid.TimeStep, input.Path);
            var commonOptions = common.Read(parse);
            return EngineCommand.Execute(environment, commonOptions, "counting", parameters, progress =>
            {
                var protocol = model.Protocol;
                var distribution = FullCountingStatistics.Compute(protocol, model.Measurements, model.InitialState, grid.TimeStep, k, selection, every, progress);
                // θ(s) per step, or per period of the drives (the product of the period's step maps).
                bool periodic = !protocol.IsTimeDependent || protocol.HasDrive;
                var rates = periodic ? ScaledCumulantGeneratingFunction.Rates(protocol, model.Measurements, grid.TimeStep, selection) : null;
                EntropyProductionStatistics? entropy = StochasticEntropyProduction.WhyUndefined(protocol, model.Measurements) is null
                    ? StochasticEntropyProduction.Compute(protocol, model.Measurements, model.InitialState, grid.TimeStep, k) : null;
                var records = distribution.Records.Select(r => ResultRecord.Of(("step", r.Step), ("time", r.Time), ("mean", r.Mean), ("variance", r.Variance))).ToList();
                var extras = ResultRecord.Of(
                    ("values", new ListValue(distribution.Values.Select(n => (ResultValue)n).ToArray())),
                    ("probabilities", new ListValue(distribution.Probabilities.Select(p => (ResultValue)p).ToArray())),
                    ("cumulants", new ListValue(distribution.Cumulants.Select(c => (ResultValue)c).ToArray())),
                    ("scgf", !periodic ? ResultValue.Null
                        : new ListValue(ScaledCumulantGeneratingFunction.Theta(protocol, model.Measurements, grid.TimeStep, selection, sValues).Select(x => (ResultValue)x).ToArray())),
                    ("mean_rate", rates?.Mean),
                    ("variance_rate", rates?.Variance),
                    ("entropy_production_mean", entropy?.Mean),
                    ("ift", entropy?.ExponentialAverage));
                return (records, extras);
            });
        });
        return command;
    }

    private static CountSelection Selection(IReadOnlyList<long>? baths, IReadOnlyList<long>? weights, IReadOnlyList<AncillaMeasurement?> measurements)
    {
        if (baths is null)
        {
            if (weights is not null) throw new CliInputException("--weights: give the counted baths with --bath J1,J2 (one weight per bath).");
            int first = Enumerable.Range(0, measurements.Count).First(j => measurements[j] is not null);
            return CountSelection.Single(first);
        }
        if (weights is not null && weights.Count != baths.Count)
            throw new CliInputException($"--weights: expected one weight per --bath ({baths.Count}), got {weights.Count}.");
        if (baths.Distinct().Count() != baths.Count) throw new CliInputException($"--bath: a bath is listed twice in {string.Join(",", baths)}.");
        foreach (long j in baths)
        {
            if (j >= measurements.Count)
                throw new CliInputException($"--bath: {j} is out of range; the model has {measurements.Count} bath(s), numbered 0 … {measurements.Count - 1}.");
            if (measurements[(int)j] is null) throw new CliInputException($"--bath: bath {j} has no \"measure\" key, so it has no count.");
        }
        var selection = new CountSelection(baths.Select(j => (int)j).ToArray(), weights?.Select(w => checked((int)w)).ToArray());
        try
        {
            selection.CheckAgainst(measurements);
        }
        catch (QuantumInputException e) when (e.ParamName == "weights")
        {
            throw new CliInputException($"--weights: {WithoutParameter(e)}");
        }
        return selection;
    }

    // θ(s) per period needs every drive to repeat after a whole number of steps: each drive is checked on its own so
    // the message names its key (system.drive.period, baths[j].drive.period), then their common period.
    private static void CheckPeriod(CollisionProtocol protocol, double timeStep, string path)
    {
        var drives = new List<(string Key, Drive Drive)>();
        if (protocol.SystemDrive is { } system) drives.Add(("system.drive", system));
        for (int j = 0; j < protocol.Baths.Count; j++)
            if (protocol.Baths[j].Drive is { } drive) drives.Add(($"baths[{j}].drive", drive));
        const string Why = "collision counting gives θ(s) per period";
        foreach (var (key, drive) in drives)
        {
            try
            {
                drive.StepsPerPeriod(timeStep);
            }
            catch (QuantumInputException e)
            {
                string hint = drive.Period is null ? $"give it a \"period\": {Why}" : $"{Why}: choose --time and --steps so that δt = T/K divides it";
                throw new CliInputException($"{ModelFileInput.OptionName} {path}: {key}.{e.ParamName}: {WithoutParameter(e)}\n({hint}).");
            }
        }
        try
        {
            protocol.StepsPerPeriod(timeStep);
        }
        catch (QuantumInputException e)
        {
            throw new CliInputException($"{ModelFileInput.OptionName} {path}: drive.{e.ParamName}: {WithoutParameter(e)} ({Why}).");
        }
    }

    private static string WithoutParameter(QuantumInputException e) =>
        e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
