using System.Globalization;
using System.Numerics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CollisionModel.Cli.Output;

/// <summary>
/// A readable aligned table (Spectre.Console, no colour, no ANSI codes): the records' scalar fields as columns
/// (6 significant digits), then the top-level fields with matrices drawn as small grids, then the document's notes.
/// Matrix fields of multi-record documents are left to JSON. Tables fit <see cref="Width"/> columns: a table wider
/// than that is split into column groups, each repeating the first (key) column; a matrix entry is never split.
/// </summary>
/// <param name="width">The line width to fit (the terminal's width, or <see cref="DefaultWidth"/>).</param>
public sealed class TableResultWriter(int width = TableResultWriter.DefaultWidth) : IResultWriter
{
    /// <summary>The width used when standard output is not a terminal (files, pipes).</summary>
    public const int DefaultWidth = 120;

    /// <summary>
    /// Bounds of the width given to Spectre: no table is narrower than <see cref="MinWidth"/>; a matrix wider than the
    /// target may widen the console up to <see cref="MaxWidth"/> rather than split an entry.
    /// </summary>
    private const int MinWidth = 40, MaxWidth = 4096;

    /// <summary>The line width the tables fit.</summary>
    public int Width { get; } = Math.Max(MinWidth, width);

    /// <summary>Matrices up to this dimension are drawn in full; larger ones (model files up to 64) are summarised.</summary>
    internal const int MaxGridDimension = 8;

    /// <inheritdoc />
    public void Write(ResultDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        // Render into a buffer first: a NaN throws before anything reaches the output.
        var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = CreateConsole(buffer, Math.Max(Width, WidestMatrix(document)));
        console.Write(new Text(Wrap($"collision {document.Command}  ({ParameterLine(document.Parameters)})", Width, "  ") + "\n"));
        if (document.Title is not null) console.Write(new Text(Wrap(document.Title, Width, "") + "\n"));
        foreach (var renderable in Render(document)) console.Write(renderable);
        foreach (string note in document.Notes) console.Write(new Text(Wrap("note: " + note, Width, "      ") + "\n"));
        output.Write(buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>Breaks <paramref name="text"/> at spaces so no line exceeds <paramref name="width"/> (a longer word stays whole).</summary>
    internal static string Wrap(string text, int width, string indent)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            foreach (string word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear().Append(indent);
                }
                if (line.Length > 0 && line.ToString() != indent) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString().TrimEnd());
        }
        return string.Join("\n", lines);
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

    /// <summary>The width of the widest matrix grid (entries are never split, so such a grid may exceed the target).</summary>
    private static int WidestMatrix(ResultDocument document)
    {
        int widest = 0;
        void Visit(ResultValue value, string path)
        {
            switch (value)
            {
                case MatrixValue m:
                    int cell = 0;
                    for (int i = 0; i < m.Rows; i++)
                        for (int j = 0; j < m.Columns; j++) cell = Math.Max(cell, Complex(m[i, j], path).Length);
                    // Simple border: one space each side of a cell plus the separators, and the record-table frame.
                    widest = Math.Max(widest, m.Columns * (cell + 3) + 24);
                    break;
                case ObjectValue o:
                    foreach (var f in o.Record.Fields) Visit(f.Value, path);
                    break;
            }
        }
        if (document.Records.Count == 1)
            foreach (var f in document.Records[0].Fields) Visit(f.Value, f.Name);
        foreach (var f in document.Extras.Fields) Visit(f.Value, f.Name);
        return widest;
    }

    /// <summary>
    /// The records as one table, or as several column groups when one table would exceed <see cref="Width"/>: every
    /// group repeats the first column (step, time, …) so each row can be read on its own.
    /// </summary>
    private IEnumerable<IRenderable> GroupedTables(IReadOnlyList<ResultRecord> records, string path)
    {
        var columns = new List<string>();
        foreach (var r in records)
            foreach (var f in r.Fields)
                if (f.Value.IsScalar && !columns.Contains(f.Name)) columns.Add(f.Name);
        if (columns.Count == 0) yield break;
        var cells = new string[records.Count][];
        var widths = new int[columns.Count];
        var isText = new bool[columns.Count];
        for (int c = 0; c < columns.Count; c++) widths[c] = columns[c].Length;
        for (int i = 0; i < records.Count; i++)
        {
            cells[i] = new string[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                var value = records[i][columns[c]];
                isText[c] |= value is TextValue;
                cells[i][c] = Cell(value, $"{path}[{i}].{columns[c]}");
                widths[c] = Math.Max(widths[c], cells[i][c].Length);
            }
        }
        // Prose columns may wrap (at spaces), so they count at most the room left beside the key column.
        for (int c = 1; c < columns.Count; c++)
            if (isText[c]) widths[c] = Math.Min(widths[c], Math.Max(columns[c].Length, Width - widths[0] - 7));
        // Rounded border: "│ " + cell + " " per column, and a closing "│".
        var groups = new List<List<int>>();
        var current = new List<int> { 0 };
        int used = 1 + widths[0] + 3;
        for (int c = 1; c < columns.Count; c++)
        {
            if (current.Count > 1 && used + widths[c] + 3 > Width)
            {
                groups.Add(current);
                current = [0];
                used = 1 + widths[0] + 3;
            }
            current.Add(c);
            used += widths[c] + 3;
        }
        groups.Add(current);
        for (int g = 0; g < groups.Count; g++)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (int c in groups[g])
            {
                // Numbers right-aligned and never wrapped; prose left-aligned and wrapped; the key keeps its width.
                var column = new TableColumn(new Text(columns[c]));
                column = isText[c] ? column.LeftAligned() : column.RightAligned().NoWrap();
                if (c == 0) column.NoWrap().Width = widths[0];
                table.AddColumn(column);
            }
            for (int i = 0; i < records.Count; i++)
                table.AddRow(groups[g].Select(c => (IRenderable)new Text(cells[i][c])));
            if (groups.Count > 1) yield return new Text($"columns {g + 1}/{groups.Count}:\n");
            yield return table;
        }
    }

    private IEnumerable<IRenderable> Render(ResultDocument document)
    {
        var records = PerBathColumns.Split(document.Records, document.BathNames);
        if (records.Count > 0)
        {
            foreach (var table in GroupedTables(records, "records")) yield return table;
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

    private IRenderable Labelled(string name, ResultValue value, string path) => value switch
    {
        MatrixValue m when m.Rows > MaxGridDimension || m.Columns > MaxGridDimension => new Text($"{name} = {MatrixSummary(m, path)}\n"),
        MatrixValue m => new Rows(new Text($"{name} ="), MatrixGrid(m, path)),
        ObjectValue o => new Rows(new Text($"{name}:"), RecordTable(o.Record, path)),
        ListValue l when l.Items.Count > 0 && l.Items.All(x => x is ObjectValue) =>
            new Rows([new Text($"{name}:"), .. GroupedTables(l.Items.Cast<ObjectValue>().Select(o => o.Record).ToList(), path)]),
        ListValue l => new Text(Wrap($"{name} = [{string.Join(", ", l.Items.Select((x, k) => Cell(x, $"{path}[{k}]")))}]", Width, "    ") + "\n"),
        _ => new Text(Wrap($"{name} = {Cell(value, path)}", Width, "    ") + "\n"),
    };

    private static Table MatrixGrid(MatrixValue m, string path)
    {
        var table = new Table().Border(TableBorder.Simple).HideHeaders();
        // NoWrap: a complex entry (re+imi) is one token and is never split across lines.
        for (int j = 0; j < m.Columns; j++) table.AddColumn(new TableColumn("").RightAligned().NoWrap());
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
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("field").NoWrap())
            .AddColumn(new TableColumn("value").RightAligned().NoWrap());
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
