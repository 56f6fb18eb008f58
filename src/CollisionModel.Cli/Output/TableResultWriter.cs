using System.Globalization;
using System.Numerics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CollisionModel.Cli.Output;

/// <summary>
/// A readable aligned table (Spectre.Console, no colour, no ANSI codes, fixed width so output is identical whether or
/// not stdout is a terminal): the records' scalar fields as columns (6 significant digits), then the top-level fields
/// with matrices drawn as small grids. Matrix fields of multi-record documents are left to JSON.
/// </summary>
public sealed class TableResultWriter : IResultWriter
{
    /// <summary>
    /// Bounds of the width given to Spectre. The width is computed from the content so tables never wrap (the console
    /// width would make output depend on the terminal) while staying small: Spectre's cost grows with the width.
    /// </summary>
    private const int MinWidth = 80, MaxWidth = 4096;

    /// <summary>Matrices up to this dimension are drawn in full; larger ones (model files up to 64) are summarised.</summary>
    internal const int MaxGridDimension = 8;

    /// <inheritdoc />
    public void Write(ResultDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        // Render into a buffer first: a NaN throws before anything reaches the output.
        var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        string heading = $"collision {document.Command}  ({ParameterLine(document.Parameters)})";
        var console = CreateConsole(buffer, Math.Max(heading.Length, Math.Max(document.Title?.Length ?? 0, TableWidth(document))) + 4);
        console.Write(new Text(heading + "\n"));
        if (document.Title is not null) console.Write(new Text(document.Title + "\n"));
        foreach (var renderable in Render(document)) console.Write(renderable);
        output.Write(buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>A Spectre console that writes plain text to <paramref name="writer"/>.</summary>
    internal static IAnsiConsole CreateConsole(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            // No CI/terminal enrichers: the output must not depend on the environment (and they cost time per call).
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = Math.Clamp(width, MinWidth, MaxWidth);
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    /// <summary>An upper estimate of the widest table's width: per column the widest cell plus borders and padding.</summary>
    private static int TableWidth(ResultDocument document)
    {
        int widest = 0;
        IEnumerable<IReadOnlyList<ResultRecord>> tables = [document.Records, .. document.Extras.Fields
            .Select(f => f.Value).OfType<ListValue>()
            .Select(l => (IReadOnlyList<ResultRecord>)l.Items.OfType<ObjectValue>().Select(o => o.Record).ToList())];
        foreach (var records in tables)
        {
            var widths = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in records)
                foreach (var f in r.Fields)
                {
                    int w = Math.Max(f.Name.Length, f.Value is NumberValue ? 12 : f.Value.IsScalar ? Cell(f.Value, f.Name).Length : 24);
                    widths[f.Name] = Math.Max(widths.GetValueOrDefault(f.Name), w);
                }
            widest = Math.Max(widest, widths.Values.Sum(w => w + 3) + 1);
        }
        return widest;
    }

    private static IEnumerable<IRenderable> Render(ResultDocument document)
    {
        var records = document.Records;
        if (records.Count > 0)
        {
            var columns = new List<string>();
            foreach (var r in records)
                foreach (var f in r.Fields)
                    if (f.Value.IsScalar && !columns.Contains(f.Name)) columns.Add(f.Name);
            if (columns.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var c in columns) table.AddColumn(new TableColumn(new Text(c)).RightAligned());
                for (int i = 0; i < records.Count; i++)
                    table.AddRow(columns.Select(c => (IRenderable)new Text(Cell(records[i][c], $"records[{i}].{c}"))));
                yield return table;
            }
            var nonScalar = records[0].Fields.Where(f => !f.Value.IsScalar).ToList();
            if (records.Count == 1)
            {
                foreach (var f in nonScalar) yield return Labelled(f.Name, f.Value, $"records[0].{f.Name}");
            }
            else if (nonScalar.Count > 0)
            {
                yield return new Text($"(per-record {string.Join(", ", nonScalar.Select(f => f.Name))}: use --format json)\n");
            }
        }
        foreach (var f in document.Extras.Fields)
        {
            // A one-record document may repeat its record at top level (ree); print it once.
            if (records.Count == 1 && records[0][f.Name] is { } same && same.Equals(f.Value)) continue;
            yield return Labelled(f.Name, f.Value, f.Name);
        }
    }

    private static IRenderable Labelled(string name, ResultValue value, string path) => value switch
    {
        MatrixValue m when m.Rows > MaxGridDimension || m.Columns > MaxGridDimension => new Text($"{name} = {MatrixSummary(m, path)}\n"),
        MatrixValue m => new Rows(new Text($"{name} ="), MatrixGrid(m, path)),
        ObjectValue o => new Rows(new Text($"{name}:"), RecordTable(o.Record, path)),
        ListValue l when l.Items.Count > 0 && l.Items.All(x => x is ObjectValue) =>
            new Rows(new Text($"{name}:"), ListTable(l, path)),
        ListValue l => new Text($"{name} = [{string.Join(", ", l.Items.Select((x, k) => Cell(x, $"{path}[{k}]")))}]\n"),
        _ => new Text($"{name} = {Cell(value, path)}\n"),
    };

    private static Table MatrixGrid(MatrixValue m, string path)
    {
        var table = new Table().Border(TableBorder.Simple).HideHeaders();
        for (int j = 0; j < m.Columns; j++) table.AddColumn(new TableColumn("").RightAligned());
        for (int i = 0; i < m.Rows; i++)
        {
            var row = new IRenderable[m.Columns];
            for (int j = 0; j < m.Columns; j++) row[j] = new Text(Complex(m[i, j], $"{path}[{i}][{j}]"));
            table.AddRow(row);
        }
        return table;
    }

    /// <summary>
    /// One line for a matrix too big to draw: its size, the first diagonal entries and the largest off-diagonal
    /// magnitude (what a reader checks first: populations and how much coherence is left); JSON has every entry.
    /// </summary>
    internal static string MatrixSummary(MatrixValue m, string path)
    {
        int n = Math.Min(m.Rows, m.Columns);
        var diagonal = Enumerable.Range(0, Math.Min(n, MaxGridDimension)).Select(i => Complex(m[i, i], $"{path}[{i}][{i}]"));
        double offDiagonal = 0;
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++)
                if (i != j) offDiagonal = Math.Max(offDiagonal, m[i, j].Magnitude);
        return $"{m.Rows}×{m.Columns} matrix; diagonal {string.Join(", ", diagonal)}{(n > MaxGridDimension ? ", …" : "")}; " +
            $"largest off-diagonal |entry| {NumberText.Short(offDiagonal, path)} (every entry with --format json)";
    }

    private static Table RecordTable(ResultRecord record, string path)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn(new TableColumn("value").RightAligned());
        foreach (var f in record.Fields)
        {
            IRenderable cell = f.Value switch
            {
                MatrixValue m when m.Rows > MaxGridDimension || m.Columns > MaxGridDimension => new Text(MatrixSummary(m, $"{path}.{f.Name}")),
                MatrixValue m => MatrixGrid(m, $"{path}.{f.Name}"),
                _ => new Text(Cell(f.Value, $"{path}.{f.Name}")),
            };
            table.AddRow(new Text(f.Name), cell);
        }
        return table;
    }

    private static Table ListTable(ListValue list, string path)
    {
        var recs = list.Items.Cast<ObjectValue>().Select(o => o.Record).ToList();
        var columns = new List<string>();
        foreach (var r in recs)
            foreach (var f in r.Fields)
                if (f.Value.IsScalar && !columns.Contains(f.Name)) columns.Add(f.Name);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in columns) table.AddColumn(new TableColumn(new Text(c)).RightAligned());
        for (int i = 0; i < recs.Count; i++)
            table.AddRow(columns.Select(c => (IRenderable)new Text(Cell(recs[i][c], $"{path}[{i}].{c}"))));
        return table;
    }

    private static string Cell(ResultValue? value, string path) => value switch
    {
        null or NullValue => "null",
        NumberValue n => NumberText.Short(n.Value, path),
        IntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        BooleanValue b => b.Value ? "true" : "false",
        TextValue t => t.Value,
        MatrixValue m => $"{m.Rows}×{m.Columns} matrix",
        ListValue l when l.Items.Count <= 12 && l.Items.All(x => x.IsScalar) =>
            string.Join(",", l.Items.Select((x, k) => Cell(x, $"{path}[{k}]"))),
        ListValue l => $"{l.Items.Count} items",
        ObjectValue => "{…}",
        _ => "?",
    };

    private static string Complex(Complex z, string path)
    {
        string re = NumberText.Short(z.Real, path + ".re");
        if (z.Imaginary == 0) return re;
        string im = NumberText.Short(Math.Abs(z.Imaginary), path + ".im");
        return $"{re}{(z.Imaginary < 0 ? "−" : "+")}{im}i";
    }

    private static string ParameterLine(ResultRecord parameters) =>
        string.Join(", ", parameters.Fields.Select(f => $"{f.Name}={Cell(f.Value, "parameters." + f.Name)}"));
}
