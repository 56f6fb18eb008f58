using System.CommandLine;
using CollisionModel.Cli.Parsing;
using CollisionModel.Cli.Sweeps;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision sweep</c>: runs (one shard of) a parameter sweep into a folder of JSON-lines files.</summary>
internal static class SweepCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var spec = CliOptions.Path("--spec", "JSON sweep spec: command, fixed, grid, random {count, seed, uniform, log_uniform}, keep.", null);
        spec.Required = true;
        var output = CliOptions.Path("--out", "Sweep folder: spec.json and points-I-of-N.jsonl (created if missing; rerun to resume).", null, "DIR");
        output.Required = true;
        var shard = new Option<string>("--shard") { Description = "Run only shard I of N (0-based): the points p with p mod N = I.", HelpName = "I/N" };
        var shards = CliOptions.Integer("--shards", $"Run shard I of N with I from {ShardId.ArrayTaskVariable} (Slurm job arrays).", 1, 1, int.MaxValue);

        var command = new Command("sweep",
            "Runs a command over a grid and seeded random points of its options, in parallel; one JSON line per point, resumable.");
        command.Options.Add(spec);
        command.Options.Add(output);
        command.Options.Add(shard);
        command.Options.Add(shards);

        command.SetAction(parse =>
        {
            bool hasShard = parse.GetResult(shard) is not null, hasShards = parse.GetResult(shards) is { Implicit: false };
            if (hasShard && hasShards) throw new CliInputException("--shard and --shards exclude each other: give one.");
            var id = hasShard ? ShardId.Parse(parse.GetValue(shard) ?? "")
                : hasShards ? ShardId.FromArrayTask(checked((int)parse.GetValue(shards)), environment.Services.ReadVariable(ShardId.ArrayTaskVariable))
                : ShardId.All;
            string specPath = CliOptions.ValueOrEmpty(parse, spec);
            if (!File.Exists(specPath)) throw new CliInputException($"--spec: file '{specPath}' does not exist.");
            var sweep = SweepSpec.Parse(File.ReadAllText(specPath)).Validate(App.CreateRoot(environment));
            var summary = SweepRunner.Run(sweep, CliOptions.ValueOrEmpty(parse, output), id, environment.Services);
            environment.Error.Write(summary + "\n");
            return App.Success;
        });
        return command;
    }
}
