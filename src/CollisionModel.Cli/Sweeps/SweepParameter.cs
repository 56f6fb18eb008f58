using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollisionModel.Cli.Sweeps;

/// <summary>One option value of a sweep point: the option name without dashes and a JSON scalar.</summary>
/// <param name="Name">Option name as on the command line without the leading dashes (<c>gamma</c>).</param>
/// <param name="Value">A JSON number, string or boolean.</param>
/// <param name="IsDefault">
/// True for the command's default of an option other points of the sweep vary: recorded in the point's parameters (so
/// a merged table has no blank cells) but not passed to the command, which applies it itself.
/// </param>
public sealed record SweepParameter(string Name, JsonNode Value, bool IsDefault = false)
{
    /// <summary>The command-line token <c>--name=value</c> (the '=' form keeps negative numbers values, not options).</summary>
    public string ToArgument() => $"--{Name}={ArgumentText(Value)}";

    /// <summary>The text the option parser receives: a number's JSON spelling, a string's content, true/false.</summary>
    public static string ArgumentText(JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => SweepJson.ToCompact(value),
        };
    }

    /// <summary>True for the JSON values an option can take (number, string, boolean).</summary>
    public static bool IsScalar(JsonNode? value) => value is not null &&
        value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False;
}
