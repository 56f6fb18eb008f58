using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.NonMarkovianity;
using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>collision nonmarkovianity</c>: how much the system's reduced dynamics remembers — the BLP trace-distance backflow
/// (basis pairs, and basis plus seeded random pairs) and the RHP departure of the intermediate maps from complete
/// positivity, from the d² tomography runs of the model. The physics is in CollisionModel.NonMarkovianity.
/// </summary>
internal static class NonMarkovianityCommand
{
    /// <summary>An upper bound on <c>--pairs</c> (every pair's trace distance is kept per emitted record).</summary>
    public const int MaxPairs = 1_000_000;

    public static Command Create(CliEnvironment environment)
    {
        var modelFile = ModelFileInput.RequiredOption($"The JSON model file (docs/model-files.md); its system has dimension ≤ {DynamicalMaps.MaxDimension}.");
        var time = CliOptions.EndTime("Total time T > 0.");
        var steps = CliOptions.PerformedSteps();
        var pairs = CliOptions.Integer("--pairs", $"Seeded random orthogonal pure pairs N, 0 ≤ N ≤ {MaxPairs}, followed besides the basis pairs (blp).", 64, 0, MaxPairs);
        var seed = CliOptions.Integer("--seed", "Seed S: random pair i is drawn from a stream fixed by (S, i) alone.", 1, long.MinValue, long.MaxValue, "S");
        var recordEvery = CliOptions.Integer("--record-every", "Emit every M-th step (steps 0 and K always); the measures use every step.", 1, 1, long.MaxValue);
        var representation = CliOptions.Choice("--representation",
            "How each of the d² tomography runs keeps the environment: streaming (the system and each memory bath's next ancilla; exact for ρ_S), explicit or mps (every ancilla).",
            Representation.Streaming, ("streaming", Representation.Streaming), ("explicit", Representation.Explicit), ("mps", Representation.Mps));
        var mps = new MpsOptionSet(fragments: false);
        var common = new CommonOptionSet();

        var command = new Command("nonmarkovianity",
            "Memory in the system's reduced dynamics: BLP (trace-distance backflow over basis and seeded random pairs) and " +
            "RHP (the intermediate maps' departure from complete positivity), from the dynamical maps of d² runs.");
        foreach (var option in new Option[] { modelFile, time, steps, pairs, seed, recordEvery, representation.Option }) command.Options.Add(option);
        mps.AddTo(command);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var input = ModelFileInput.Read(CliOptions.ValueOrEmpty(parse, modelFile));
            var model = input.Model;
            var space = model.Protocol.SystemSpace;
            if (space.Dimension > DynamicalMaps.MaxDimension)
                throw new CliInputException(
                    $"{ModelFileInput.OptionName} {input.Path}: system.dims: collision nonmarkovianity takes a system of dimension ≤ {DynamicalMaps.MaxDimension}, this one ({space}) has {space.Dimension}.");
            var chosen = representation.Read(parse);
            var mpsSettings = mps.Read(parse);
            mpsSettings.Check(chosen);
            var grid = TimeGrid.Over(parse.GetValue(time), parse.GetValue(steps));
            var options = new NonMarkovianityOptions
            {
                Pairs = (int)parse.GetValue(pairs),
                Seed = parse.GetValue(seed),
                RecordEvery = (int)Math.Min(parse.GetValue(recordEvery), int.MaxValue),
            };
            var run = new CollisionRunOptions
            {
                Protocol = model.Protocol,
                InitialSystem = model.InitialState,
                Grid = grid,
                Truncation = mpsSettings.Truncation,
            };
            var parameters = new List<(string, ResultValue)>([.. input.ToParameters(),
                ("time", parse.GetValue(time)), ("steps", grid.Steps), ("pairs", options.Pairs), ("seed", options.Seed),
                ("record_every", parse.GetValue(recordEvery)), ("representation", chosen.ToString().ToLowerInvariant()),
                .. mpsSettings.ToParameters(chosen).Where(p => p.Name != "fragments")]);
            var commonOptions = common.Read(parse);
            return EngineCommand.Execute(environment, commonOptions, "nonmarkovianity", parameters, progress =>
            {
                var result = NonMarkovianityMeasures.Measure(run, chosen, options, progress);
                var records = result.Records.Select(r => ResultRecord.Of(
                    ("step", r.Step), ("time", r.Time), ("trace_distance", r.TraceDistance), ("rhp_increment", r.RhpIncrement))).ToList();
                var extras = ResultRecord.Of(
                    ("blp_basis", result.BlpBasis), ("blp", result.Blp),
                    ("blp_pair", new ListValue([Ket(result.BlpPair.First), Ket(result.BlpPair.Second)])),
                    ("rhp", result.Rhp), ("rhp_singular_steps", result.RhpSingularSteps));
                return (records, extras);
            });
        });
        return command;
    }

    // A ket as the contract writes it: an array of [re, im] pairs.
    private static ListValue Ket(Ket ket) =>
        new(ket.Amplitudes.ToArray().Select(a => (ResultValue)new ListValue([a.Real, a.Imaginary])).ToArray());
}
