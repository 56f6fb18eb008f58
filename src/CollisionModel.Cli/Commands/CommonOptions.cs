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
    public ChoiceOption<OutputFormat> Format { get; } = CliOptions.Choice("--format", "Output format.", OutputFormat.Table,
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

    /// <summary>Reads the values and checks that the output file can be created (before any work is done).</summary>
    public CommonOptions Read(ParseResult parse)
    {
        var options = new CommonOptions(Format.Read(parse), parse.GetValue(Output), parse.GetValue(Quiet));
        ResultOutput.ValidateTarget(options.OutputPath);
        return options;
    }
}
