using System.Text.Encodings.Web;
using System.Text.Json;

namespace CollisionModel.Cli.Output;

/// <summary>
/// The contract's JSON: one document with <c>command</c>, <c>conventions</c>, <c>parameters</c>, <c>records</c> and
/// then the top-level extras. Doubles are written with round-trip precision (System.Text.Json's shortest round-trip
/// form), +∞ as the string <c>"Infinity"</c>, absent values as <c>null</c>, matrices as nested arrays of
/// <c>[re, im]</c> pairs, row-major. NaN throws <see cref="NonFiniteOutputException"/>.
/// </summary>
public sealed class JsonResultWriter : IResultWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Keep η, σ, ρ, ≥ readable in the conventions text; the output is UTF-8 and never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc />
    public void Write(ResultDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("command", document.Command);
            if (document.Title is not null) json.WriteString("title", document.Title);
            json.WriteString("conventions", document.Conventions);
            json.WritePropertyName("parameters");
            WriteRecord(json, document.Parameters, "parameters");
            json.WriteStartArray("records");
            for (int r = 0; r < document.Records.Count; r++)
                WriteRecord(json, document.Records[r], $"records[{r}]");
            json.WriteEndArray();
            foreach (var field in document.Extras.Fields)
            {
                json.WritePropertyName(field.Name);
                WriteValue(json, field.Value, field.Name);
            }
            json.WriteEndObject();
        }
        // Nothing reaches the output before the whole document has been built: a NaN aborts with no partial text.
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteRecord(Utf8JsonWriter json, ResultRecord record, string path)
    {
        json.WriteStartObject();
        foreach (var field in record.Fields)
        {
            json.WritePropertyName(field.Name);
            WriteValue(json, field.Value, $"{path}.{field.Name}");
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, ResultValue value, string path)
    {
        switch (value)
        {
            case NullValue:
                json.WriteNullValue();
                break;
            case NumberValue n:
                WriteNumber(json, n.Value, path);
                break;
            case IntegerValue i:
                json.WriteNumberValue(i.Value);
                break;
            case TextValue t:
                json.WriteStringValue(t.Value);
                break;
            case BooleanValue b:
                json.WriteBooleanValue(b.Value);
                break;
            case MatrixValue m:
                // One line per matrix: indenting every [re, im] pair would spread a 4×4 state over 80 lines.
                json.WriteRawValue(CompactMatrix(m, path), skipInputValidation: true);
                break;
            case ListValue l:
                json.WriteStartArray();
                for (int k = 0; k < l.Items.Count; k++) WriteValue(json, l.Items[k], $"{path}[{k}]");
                json.WriteEndArray();
                break;
            case ObjectValue o:
                WriteRecord(json, o.Record, path);
                break;
            default:
                throw new InvalidOperationException($"internal error: no JSON form for {value.GetType().Name} at '{path}'.");
        }
    }

    private static byte[] CompactMatrix(MatrixValue m, string path)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartArray();
            for (int i = 0; i < m.Rows; i++)
            {
                json.WriteStartArray();
                for (int j = 0; j < m.Columns; j++)
                {
                    json.WriteStartArray();
                    WriteNumber(json, m[i, j].Real, $"{path}[{i}][{j}].re");
                    WriteNumber(json, m[i, j].Imaginary, $"{path}[{i}][{j}].im");
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, double x, string path)
    {
        if (double.IsNaN(x)) throw new NonFiniteOutputException(path);
        if (double.IsInfinity(x)) json.WriteStringValue(x > 0 ? "Infinity" : "-Infinity");
        else json.WriteNumberValue(x);
    }
}
