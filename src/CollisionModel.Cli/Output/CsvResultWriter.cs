using System.Globalization;
using System.Text;

namespace CollisionModel.Cli.Output;

/// <summary>
/// CSV: a header line with the scalar fields of the first record, then one line per record (RFC 4180 quoting,
/// invariant culture, round-trip doubles, <c>Infinity</c> for +∞, an empty cell for an absent value, "\n" line ends).
/// Matrices, lists and nested records are left out (they belong to JSON), except the per-bath arrays, which become one
/// column per bath (<see cref="PerBathColumns"/>). Top-level extras are not part of CSV.
/// </summary>
public sealed class CsvResultWriter : IResultWriter
{
    /// <inheritdoc />
    public void Write(ResultDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder();
        var records = PerBathColumns.Split(document.Records, document.BathNames);
        var columns = records.Count == 0
            ? []
            : records[0].Fields.Where(f => f.Value.IsScalar || f.Value is NullValue).Select(f => f.Name).ToArray();
        // A field that is null in the first record may be a matrix later; keep only names scalar in every record.
        columns = columns.Where(c => records.All(r => r[c] is null || r[c]!.IsScalar)).ToArray();
        text.Append(string.Join(',', columns.Select(Quote))).Append('\n');
        for (int r = 0; r < records.Count; r++)
        {
            var record = records[r];
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0) text.Append(',');
                text.Append(Cell(record[columns[c]], $"records[{r}].{columns[c]}"));
            }
            text.Append('\n');
        }
        output.Write(text.ToString());
    }

    /// <summary>The text of one scalar cell.</summary>
    internal static string Cell(ResultValue? value, string path) => value switch
    {
        null or NullValue => "",
        NumberValue n => NumberText.RoundTrip(n.Value, path),
        IntegerValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        BooleanValue b => b.Value ? "true" : "false",
        TextValue t => Quote(t.Value),
        _ => "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
