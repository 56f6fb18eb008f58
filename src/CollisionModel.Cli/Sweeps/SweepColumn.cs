using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollisionModel.Cli.Sweeps;

/// <summary>One column of the merged table: a name and one cell per point (null where the point has no value).</summary>
/// <param name="Name">Column name: "point", a parameter, a result field (prefixed "result." if it clashes), or "error".</param>
/// <param name="Cells">One JSON value per point, in point order.</param>
public sealed record SweepColumn(string Name, IReadOnlyList<JsonNode?> Cells)
{
    /// <summary>The narrowest kind that holds every non-null cell.</summary>
    public SweepColumnKind Kind
    {
        get
        {
            var present = Cells.Where(c => c is not null).ToList();
            if (present.Count == 0) return SweepColumnKind.Text;
            if (present.All(c => c!.GetValueKind() is JsonValueKind.True or JsonValueKind.False)) return SweepColumnKind.Boolean;
            if (present.All(IsInteger)) return SweepColumnKind.Integer;
            if (present.All(c => c!.GetValueKind() == JsonValueKind.Number || IsInfinity(c))) return SweepColumnKind.Number;
            return SweepColumnKind.Text;
        }
    }

    /// <summary>The cell as CSV text (before quoting): numbers as written, ±Infinity, strings, true/false, JSON for the rest.</summary>
    public static string Text(JsonNode? cell) => cell is null ? "" : cell.GetValueKind() switch
    {
        JsonValueKind.String => cell.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => SweepJson.ToCompact(cell),
    };

    /// <summary>The cell as a double (±∞ from the strings "Infinity"/"-Infinity").</summary>
    public static double? Number(JsonNode? cell)
    {
        if (cell is null) return null;
        if (cell.GetValueKind() == JsonValueKind.String)
            return cell.GetValue<string>() == "Infinity" ? double.PositiveInfinity : double.NegativeInfinity;
        return double.Parse(SweepJson.ToCompact(cell), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The cell as an integer.</summary>
    public static long? Integer(JsonNode? cell) =>
        cell is null ? null : long.Parse(SweepJson.ToCompact(cell), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static bool IsInteger(JsonNode? c) => c!.GetValueKind() == JsonValueKind.Number &&
        long.TryParse(SweepJson.ToCompact(c), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static bool IsInfinity(JsonNode? c) => c!.GetValueKind() == JsonValueKind.String && c.GetValue<string>() is "Infinity" or "-Infinity";
}
