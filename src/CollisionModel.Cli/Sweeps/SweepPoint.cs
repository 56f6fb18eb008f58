using System.Text.Json;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// One point of a sweep: its number and every option it sets (fixed, grid, then random, in spec order), with the
/// command's defaults for the grid or random options this point does not set.
/// </summary>
/// <param name="Number">0 … P−1: the grid in order (last axis fastest), then the random draws.</param>
/// <param name="Parameters">The options of this point.</param>
public sealed record SweepPoint(long Number, IReadOnlyList<SweepParameter> Parameters)
{
    /// <summary>The arguments that run this point: the command, its options, then JSON output without progress.</summary>
    public string[] ToArguments(string command) =>
        [command, .. Parameters.Where(p => !p.IsDefault).Select(p => p.ToArgument()), "--format=json", "--quiet"];

    /// <summary>Writes the parameters as one JSON object (name → value).</summary>
    public void WriteParameters(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        foreach (var p in Parameters)
        {
            json.WritePropertyName(p.Name);
            p.Value.WriteTo(json);
        }
        json.WriteEndObject();
    }

    /// <summary>The parameters object as compact text (what a shard line carries under "parameters").</summary>
    public string ParametersText() => SweepJson.Write(WriteParameters);
}
