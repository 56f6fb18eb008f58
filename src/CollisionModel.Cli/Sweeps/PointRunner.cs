using System.Text.Json.Nodes;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// Runs one sweep point in-process through <see cref="App.Run(string[], TextWriter, TextWriter, CliServices, bool)"/> (the same parsing, validation and engines as the
/// command line, with <c>--format=json --quiet</c>) and turns the outcome into its shard line. Thread-safe.
/// </summary>
/// <param name="spec">The sweep.</param>
/// <param name="services">The engines the points run on.</param>
public sealed class PointRunner(SweepSpec spec, CliServices services)
{
    private const string ErrorPrefix = "collision: error: ";

    /// <summary>
    /// The line of point <paramref name="point"/>: the (kept part of the) document, or "error" when the command rejects
    /// the point's input (exit code 2). An internal failure (exit 1) or a kept field missing from the document throws:
    /// those are not properties of the point, and the shard must stop rather than record them.
    /// </summary>
    public (string Line, bool IsError) Run(SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = App.Run(point.ToArguments(spec.Command), stdout, stderr, services);
        if (code == App.BadInput) return (PointLine.ForError(point, ErrorText(stderr.ToString())), true);
        if (code != App.Success)
            throw new InvalidOperationException($"internal error at point {point.Number}: {ErrorText(stderr.ToString())}");
        if (SweepJson.TryParse(stdout.ToString(), out string? why) is not JsonObject document)
            throw new InvalidOperationException($"internal error at point {point.Number}: '{spec.Command}' printed no JSON document ({why}).");
        return (PointLine.ForResult(point, Keep(document)), false);
    }

    private JsonNode Keep(JsonObject document)
    {
        if (spec.Keep is null) return document;
        var kept = new JsonObject();
        foreach (string field in spec.Keep)
        {
            if (!document.TryGetPropertyValue(field, out var value))
                throw new CliInputException($"--spec: keep: '{field}' is not a top-level field of the '{spec.Command}' document " +
                    $"(fields: {string.Join(", ", document.Select(f => f.Key))}).");
            kept[field] = value?.DeepClone();
        }
        return kept;
    }

    private static string ErrorText(string stderr) => string.Join(" ", stderr
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.StartsWith(ErrorPrefix, StringComparison.Ordinal) ? l[ErrorPrefix.Length..] : l));
}
