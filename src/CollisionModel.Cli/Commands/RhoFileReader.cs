using System.Numerics;
using System.Text.Json;
using CollisionModel.Cli.Parsing;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// Reads a two-qubit density matrix from a JSON file: a 4×4 array of rows (row-major, basis |00>, |01>, |10>, |11>),
/// each entry a <c>[re, im]</c> pair or a plain real number; the matrix may also sit under a top-level
/// <c>"rho"</c> key. The result is validated by <see cref="DensityMatrix.Create(Complex[,], Spaces.CompositeSpace?)"/>.
/// Every problem throws <see cref="CliInputException"/> naming <c>--rho</c>, the file and the reason.
/// </summary>
public static class RhoFileReader
{
    /// <summary>The matrix dimension the <c>ree</c> command works in (two qubits).</summary>
    public const int Dimension = 4;

    /// <summary>Files larger than this are rejected without being parsed (a 4×4 matrix needs a few hundred bytes).</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>Reads and validates the file.</summary>
    public static DensityMatrix Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new CliInputException($"--rho: file '{path}' does not exist.");
            if (info.Length > MaxBytes) throw new CliInputException($"--rho: file '{path}' is {info.Length} bytes; a 4×4 matrix needs far fewer.");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--rho: cannot read '{path}': {FirstLine(e.Message)}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses and validates JSON text; <paramref name="source"/> names it in messages.</summary>
    public static DensityMatrix Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new CliInputException($"--rho: '{source}' is not valid JSON: {FirstLine(e.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (!root.TryGetProperty("rho", out var inner))
                    throw new CliInputException($"--rho: '{source}' holds an object without a \"rho\" key; expected a 4×4 array.");
                root = inner;
            }
            var entries = ReadMatrix(root, source);
            try
            {
                return DensityMatrix.Create(entries);
            }
            catch (QuantumInputException e)
            {
                throw new CliInputException($"--rho: '{source}' is not a density matrix: {FirstLine(e.Message)}");
            }
        }
    }

    private static Complex[,] ReadMatrix(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != Dimension)
            throw new CliInputException($"--rho: '{source}' must hold a 4×4 matrix: an array of 4 rows, got {Describe(root)}.");
        var m = new Complex[Dimension, Dimension];
        int i = 0;
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != Dimension)
                throw new CliInputException($"--rho: '{source}' row {i} must be an array of 4 entries, got {Describe(row)}.");
            int j = 0;
            foreach (var entry in row.EnumerateArray())
            {
                m[i, j] = ReadEntry(entry, source, i, j);
                j++;
            }
            i++;
        }
        return m;
    }

    private static Complex ReadEntry(JsonElement entry, string source, int i, int j)
    {
        if (entry.ValueKind == JsonValueKind.Number) return new Complex(Finite(entry, source, i, j), 0);
        if (entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() == 2
            && entry[0].ValueKind == JsonValueKind.Number && entry[1].ValueKind == JsonValueKind.Number)
            return new Complex(Finite(entry[0], source, i, j), Finite(entry[1], source, i, j));
        throw new CliInputException($"--rho: '{source}' entry [{i}][{j}] must be a number or a [re, im] pair, got {Describe(entry)}.");
    }

    private static double Finite(JsonElement number, string source, int i, int j)
    {
        if (!number.TryGetDouble(out double x) || !double.IsFinite(x))
            throw new CliInputException($"--rho: '{source}' entry [{i}][{j}] is not a finite number ({number.GetRawText()}).");
        return x;
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => $"an array of {e.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    private static string FirstLine(string message)
    {
        int n = message.IndexOfAny(['\r', '\n']);
        return n < 0 ? message : message[..n];
    }
}
