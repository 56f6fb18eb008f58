using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Cli.Sweeps;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision merge</c>: one line (or row) per point of a finished sweep, sorted by point number.</summary>
internal static class MergeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var folder = new Argument<string>("DIR") { Description = "The sweep folder (spec.json and points-*.jsonl)." };
        var output = CliOptions.Path("--output", "Write to FILE instead of standard output (atomically). Needed for parquet.", null);
        var format = CliOptions.Choice("--format", "jsonl: the point lines; csv: one row per point; parquet: the same table as Parquet.",
            MergeFormat.Jsonl, ("jsonl", MergeFormat.Jsonl), ("csv", MergeFormat.Csv), ("parquet", MergeFormat.Parquet));

        var command = new Command("merge",
            "Merges a sweep folder: refuses duplicates, missing points and a changed spec; the same bytes whatever the shard count.");
        command.Arguments.Add(folder);
        command.Options.Add(output);
        command.Options.Add(format.Option);

        command.SetAction(parse =>
        {
            string? path = parse.GetValue(output);
            var kind = format.Read(parse);
            ResultOutput.ValidateTarget(path);
            if (kind == MergeFormat.Parquet && path is null) throw new CliInputException("--format parquet: give --output FILE (Parquet is binary).");
            var lines = SweepMerger.Merge(parse.GetValue(folder) ?? "");
            if (kind == MergeFormat.Parquet)
            {
                var writeParquet = environment.Services.ParquetWriter
                    ?? throw new InvalidOperationException("internal error: --format parquet is not part of this build (the native library leaves Parquet.Net out); run the collision tool.");
                var table = SweepTable.From(lines);
                AtomicFile.Write(path!, temp =>
                {
                    using var stream = File.Create(temp);
                    writeParquet(table, stream);
                });
                return App.Success;
            }
            string text = kind == MergeFormat.Csv ? SweepTable.From(lines).ToCsv() : SweepMerger.ToJsonl(lines);
            if (path is null) environment.Out.Write(text);
            else AtomicFile.WriteAllText(path, text);
            return App.Success;
        });
        return command;
    }
}
