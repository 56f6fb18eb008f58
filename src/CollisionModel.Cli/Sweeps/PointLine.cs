using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollisionModel.Cli.Sweeps;

/// <summary>One line of a shard file: <c>{"point": p, "parameters": {...}, "result": {...}}</c> or with <c>"error"</c>.</summary>
/// <param name="Point">The point number.</param>
/// <param name="Text">The line exactly as stored (no newline): merge copies it byte for byte.</param>
/// <param name="Node">The parsed line.</param>
public sealed record PointLine(long Point, string Text, JsonObject Node)
{
    /// <summary>The compact text of the "parameters" object (compared with the spec's point on merge).</summary>
    public string ParametersText => SweepJson.ToCompact(Node["parameters"]);

    /// <summary>Parses a stored line; null if it is not a complete point record.</summary>
    public static PointLine? TryParse(string text)
    {
        if (SweepJson.TryParse(text, out _) is not JsonObject node) return null;
        if (node["point"] is not JsonValue p || p.GetValueKind() != JsonValueKind.Number || !p.TryGetValue(out long point) || point < 0)
            return null;
        if (node["parameters"] is not JsonObject) return null;
        if (node["result"] is null && node["error"] is null) return null;
        return new PointLine(point, text, node);
    }

    /// <summary>The line for a finished point: its result document (or the fields kept from it).</summary>
    public static string ForResult(SweepPoint point, JsonNode result) => SweepJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("point", point.Number);
        json.WritePropertyName("parameters");
        point.WriteParameters(json);
        json.WritePropertyName("result");
        result.WriteTo(json);
        json.WriteEndObject();
    });

    /// <summary>The line for a point whose command rejected its input.</summary>
    public static string ForError(SweepPoint point, string message) => SweepJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("point", point.Number);
        json.WritePropertyName("parameters");
        point.WriteParameters(json);
        json.WriteString("error", message);
        json.WriteEndObject();
    });
}
