using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Commands;

/// <summary>The options every command shares.</summary>
/// <param name="Format">table, csv or json.</param>
/// <param name="OutputPath">The file to write, or null for standard output.</param>
/// <param name="Quiet">Suppresses the progress bar.</param>
public sealed record CommonOptions(OutputFormat Format, string? OutputPath, bool Quiet)
{
    /// <summary>The common options as document parameters.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("format", Format.ToString().ToLowerInvariant());
        yield return ("output", OutputPath);
        yield return ("quiet", Quiet);
    }
}

/// <summary>The System.CommandLine options behind <see cref="CommonOptions"/> (one set per command).</summary>
internal sealed class CommonOptionSet
{
    public ChoiceOption<OutputFormat> Format { get; } = CliOptions.Choice("--format",
        "Output format. Without it, an --output file ending in .csv or .json gets that format; otherwise a table.", OutputFormat.Table,
        ("table", OutputFormat.Table), ("csv", OutputFormat.Csv), ("json", OutputFormat.Json));

    public Option<string> Output { get; } = CliOptions.Path("--output",
        "Write to FILE instead of standard output (written to a temporary file in the same folder, then renamed).", null);

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "No progress bar on standard error." };

    public void AddTo(Command command)
    {
        command.Options.Add(Format.Option);
        command.Options.Add(Output);
        command.Options.Add(Quiet);
    }

    /// <summary>
    /// Reads the values and checks that the output file can be created (before any work is done). An explicit
    /// <c>--format</c> wins; without one the <c>--output</c> file's extension (.csv, .json) picks the format.
    /// </summary>
    public CommonOptions Read(ParseResult parse)
    {
        string? path = parse.GetValue(Output);
        var format = parse.GetResult(Format.Option) is null ? FormatFromExtension(path) ?? Format.Default : Format.Read(parse);
        var options = new CommonOptions(format, path, parse.GetValue(Quiet));
        ResultOutput.ValidateTarget(options.OutputPath);
        return options;
    }

    /// <summary>CSV for *.csv, JSON for *.json (any case), null for anything else.</summary>
    internal static OutputFormat? FormatFromExtension(string? path) => Path.GetExtension(path ?? "").ToLowerInvariant() switch
    {
        ".csv" => OutputFormat.Csv,
        ".json" => OutputFormat.Json,
        _ => null,
    };
}
