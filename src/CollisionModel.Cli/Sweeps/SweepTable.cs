using System.Text;
using System.Text.Json.Nodes;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// The merged points as a table: <c>point</c>, the parameters, the result's top-level fields (nested values as compact
/// JSON text), then <c>error</c>; columns in first-appearance order over the sorted points, so the table depends only on
/// the points, never on how they were sharded.
/// </summary>
public sealed class SweepTable
{
    private SweepTable(IReadOnlyList<SweepColumn> columns) => Columns = columns;

    /// <summary>The columns.</summary>
    public IReadOnlyList<SweepColumn> Columns { get; }

    /// <summary>Rows.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Cells.Count;

    /// <summary>Builds the table from merged lines (sorted by point).</summary>
    public static SweepTable From(IReadOnlyList<PointLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parameterNames = new List<string>();
        var resultNames = new List<string>();
        foreach (var line in lines)
        {
            foreach (var (name, _) in line.Node["parameters"]!.AsObject()) if (!parameterNames.Contains(name)) parameterNames.Add(name);
            if (line.Node["result"] is JsonObject result)
                foreach (var (name, _) in result) if (!resultNames.Contains(name)) resultNames.Add(name);
        }
        bool anyError = lines.Any(l => l.Node["error"] is not null);
        var columns = new List<SweepColumn>
        {
            new("point", lines.Select(l => (JsonNode?)JsonValue.Create(l.Point)).ToList()),
        };
        foreach (string name in parameterNames)
            columns.Add(new SweepColumn(name, lines.Select(l => l.Node["parameters"]![name]).ToList()));
        var taken = new HashSet<string>(parameterNames, StringComparer.Ordinal) { "point", "error" };
        foreach (string name in resultNames)
            columns.Add(new SweepColumn(taken.Contains(name) ? "result." + name : name,
                lines.Select(l => l.Node["result"] is JsonObject r ? r[name] : null).ToList()));
        if (anyError) columns.Add(new SweepColumn("error", lines.Select(l => l.Node["error"]).ToList()));
        return new SweepTable(columns);
    }

    /// <summary>RFC 4180 CSV with a header, "\n" line ends.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns.Select(c => Quote(c.Name))).Append('\n');
        for (int r = 0; r < RowCount; r++)
            text.AppendJoin(',', Columns.Select(c => Quote(SweepColumn.Text(c.Cells[r])))).Append('\n');
        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
