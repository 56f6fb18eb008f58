using System.CommandLine;
using System.Text.RegularExpressions;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Cli.Plotting;
using CollisionModel.Cli.Progress;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>collision paper</c>: reproduces the seed paper claim by claim. Standard output gets one table per claim (or one
/// JSON document holding every claim); <c>--out DIR</c> gets <c>{id}.json</c>, <c>{id}.csv</c> and the plots (PNG, SVG or both); the table ends with a summary of
/// the verdicts (held, corrected, refuted), which CSV and JSON carry per claim as <c>verdict</c>.
/// </summary>
internal static partial class PaperCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var outDir = CliOptions.Path("--out", "Folder for the per-claim CSV, JSON and plot files (created if missing).", "out/paper", "DIR");
        var reduced = new Option<bool>("--reduced") { Description = "Smaller sizes for a quick check (fewer points, collisions and samples)." };
        var seed = CliOptions.Integer("--seed", "Seed of the random generators of the conjecture search.", 20260101, 0, int.MaxValue, "SEED");
        var samples = CliOptions.Integer("--samples", "Random undriven generators tried in the conjecture search.", 200, 1, 1_000_000);
        var plotFormat = CliOptions.Choice("--plot-format", "Image files per plot: png, svg (vector, for print) or both.", PlotFormat.Png,
            ("png", PlotFormat.Png), ("svg", PlotFormat.Svg), ("both", PlotFormat.Both));
        var common = new CommonOptionSet();

        var command = new Command("paper", "Reproduce every claim of Vedral's paper (with the errata of docs/errata.md): tables, data and plots, then a summary of the verdicts.");
        command.Options.Add(outDir);
        command.Options.Add(reduced);
        command.Options.Add(seed);
        command.Options.Add(samples);
        command.Options.Add(plotFormat.Option);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var options = new PaperOptions(CliOptions.ValueOrEmpty(parse, outDir), parse.GetValue(reduced),
                checked((int)parse.GetValue(seed)), checked((int)parse.GetValue(samples)), plotFormat.Read(parse));
            var commonOptions = common.Read(parse);
            PrepareDirectory(options.OutputDirectory);
            var runner = environment.Services.Paper ?? throw new EngineUnavailableException("paper");
            var claims = ProgressDisplay.Run(environment, commonOptions.Quiet, "paper", p => runner.Run(options, p));

            var summaries = new List<ResultRecord>();
            foreach (var claim in claims)
            {
                if (!FileSafeId().IsMatch(claim.Id))
                    throw new InvalidOperationException($"internal error: claim id '{claim.Id}' is not file-safe.");
                var files = WriteClaimFiles(claim, options.OutputDirectory, options.PlotFormat);
                summaries.Add(ResultRecord.Of(("claim", claim.Id), ("title", claim.Title), ("verdict", Verdict(claim)),
                    ("files", new ListValue(files.Select(f => (ResultValue)f).ToList()))));
            }
            var parameters = ResultRecord.Of([.. options.ToParameters(), .. commonOptions.ToParameters()]);
            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            if (commonOptions.Format == OutputFormat.Table)
            {
                // One table per claim, as the contract asks, each from the claim's own document.
                var table = new TableResultWriter(commonOptions.OutputPath is null ? environment.TableWidth : TableResultWriter.DefaultWidth);
                foreach (var claim in claims)
                {
                    table.Write(claim.ToDocument(), text);
                    text.Write('\n');
                }
                table.Write(SummaryDocument(claims, options, parameters), text);
            }
            else
            {
                var document = new ResultDocument("paper", Conventions.Text, parameters, summaries,
                    ResultRecord.Of(("claims", new ListValue(claims.Select(c => (ResultValue)ClaimObject(c)).ToList()))));
                ResultOutput.WriterFor(commonOptions.Format).Write(document, text);
            }
            if (commonOptions.OutputPath is null) environment.Out.Write(text.ToString());
            else AtomicFile.WriteAllText(commonOptions.OutputPath, text.ToString());
            return 0;
        });
        return command;
    }

    /// <summary>Creates the output folder; a path that cannot be a folder is bad input (exit 2).</summary>
    private static void PrepareDirectory(string path)
    {
        try
        {
            if (File.Exists(path)) throw new CliInputException($"--out: '{path}' is a file; give a folder.");
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--out: cannot create folder '{path}': {e.Message.Split('\n')[0].Trim()}");
        }
    }

    /// <summary>A claim's verdict (held, corrected, refuted) from its summary; "unknown" if an engine gave none.</summary>
    private static string Verdict(PaperClaim claim) => claim.Summary["verdict"] is TextValue t ? t.Value
        : claim.Summary["holds"] is BooleanValue b ? (b.Value ? "held" : "refuted") : "unknown";

    /// <summary>The closing table: one row per claim with its verdict and where its files are.</summary>
    private static ResultDocument SummaryDocument(IReadOnlyList<PaperClaim> claims, PaperOptions options, ResultRecord parameters)
    {
        var rows = claims.Select((c, i) => ResultRecord.Of(
            ("claim", c.Id),
            ("verdict", Verdict(c)),
            ("files", Path.Combine(options.OutputDirectory, c.Id) + ".{json,csv}"
                + (c.Plots.Count > 0 ? $" + {c.Plots.Count} plot{(c.Plots.Count > 1 ? "s" : "")}" : "")))).ToList();
        int held = rows.Count(r => r["verdict"] is TextValue { Value: "held" });
        int corrected = rows.Count(r => r["verdict"] is TextValue { Value: "corrected" });
        int refuted = rows.Count(r => r["verdict"] is TextValue { Value: "refuted" });
        return new ResultDocument("paper", Conventions.Text, parameters, rows, ResultRecord.Of())
        {
            Title = $"Summary: {held} held as stated, {corrected} held once corrected (docs/errata.md), {refuted} refuted.",
            Notes = ["held: the paper's statement checks out; corrected: it holds only with the corrections of docs/errata.md; "
                + "refuted: it fails at the evaluated parameters (the claim's table shows the counterexample)."],
        };
    }

    /// <summary>Writes {id}.json, {id}.csv and {id}_{plot}.png/.svg; returns the file names written.</summary>
    private static List<string> WriteClaimFiles(PaperClaim claim, string folder, PlotFormat plotFormat)
    {
        var document = claim.ToDocument();
        var files = new List<string>();
        foreach (var (format, extension) in new[] { (OutputFormat.Json, "json"), (OutputFormat.Csv, "csv") })
        {
            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            ResultOutput.WriterFor(format).Write(document, text);
            string name = $"{claim.Id}.{extension}";
            AtomicFile.WriteAllText(Path.Combine(folder, name), text.ToString());
            files.Add(name);
        }
        foreach (var plot in claim.Plots)
        {
            if (!FileSafeId().IsMatch(plot.Name))
                throw new InvalidOperationException($"internal error: plot name '{plot.Name}' of claim '{claim.Id}' is not file-safe.");
            if (plotFormat != PlotFormat.Svg)
            {
                string name = $"{claim.Id}_{plot.Name}.png";
                LinePlot.SavePng(plot, Path.Combine(folder, name));
                files.Add(name);
            }
            if (plotFormat != PlotFormat.Png)
            {
                string name = $"{claim.Id}_{plot.Name}.svg";
                LinePlot.SaveSvg(plot, Path.Combine(folder, name));
                files.Add(name);
            }
        }
        return files;
    }

    private static ResultRecord ClaimObject(PaperClaim claim) => ResultRecord.Of(
    [
        ("id", claim.Id),
        ("title", claim.Title),
        ("parameters", claim.Parameters),
        ("records", new ListValue(claim.Records.Select(r => (ResultValue)r).ToList())),
        .. claim.Summary.Fields.Select(f => (f.Name, f.Value)),
    ]);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex FileSafeId();
}
