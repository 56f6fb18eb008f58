using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// The one JSON dialect of sweeps: specs may carry comments and trailing commas; lines are written compact, UTF-8,
/// with Greek letters unescaped, numbers as their original text (so a line is the same bytes whichever process wrote it).
/// </summary>
internal static class SweepJson
{
    public static readonly JsonDocumentOptions ReadOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static readonly JsonWriterOptions Compact = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses <paramref name="text"/>; null (with <paramref name="error"/>) if it is not JSON.</summary>
    public static JsonNode? TryParse(string text, out string? error)
    {
        try
        {
            error = null;
            return JsonNode.Parse(text, NodeOptions, ReadOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            error = e.Message.Split('\n')[0];
            return null;
        }
    }

    /// <summary>Writes through a Utf8JsonWriter and returns the text.</summary>
    public static string Write(Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, indented ? Indented : Compact)) write(json);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary><paramref name="node"/> as compact text (numbers keep their original spelling).</summary>
    public static string ToCompact(JsonNode? node) => Write(json =>
    {
        if (node is null) json.WriteNullValue();
        else node.WriteTo(json);
    });
}
