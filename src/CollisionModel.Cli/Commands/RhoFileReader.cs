using System.Numerics;
using System.Text.Json;
using CollisionModel.Cli.Parsing;
using CollisionModel.Models;
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
    public static DensityMatrix Read(string path) => Parse(ReadText(path), path);

    /// <summary>
    /// The text of <paramref name="path"/>, or of <paramref name="stdin"/> when the path is "-" (at most
    /// <see cref="MaxBytes"/> characters).
    /// </summary>
    public static string ReadText(string path, TextReader? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            ArgumentNullException.ThrowIfNull(stdin);
            var buffer = new char[MaxBytes + 1];
            int total = 0, read;
            while (total < buffer.Length && (read = stdin.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > MaxBytes) throw new CliInputException($"--rho: standard input holds more than {MaxBytes} characters; a 4×4 matrix needs far fewer.");
            return new string(buffer, 0, total);
        }
        return InputFile.Read("--rho", path, "JSON matrix file", MaxBytes, "; a 4×4 matrix needs far fewer.", File.ReadAllText);
    }

    /// <summary>Parses and validates JSON text; <paramref name="source"/> names it in messages.</summary>
    public static DensityMatrix Parse(string json, string source)
    {
        var entries = ParseEntries(json, source);
        try
        {
            return DensityMatrix.Create(entries);
        }
        catch (QuantumInputException e)
        {
            throw new CliInputException($"--rho: '{source}' is not a density matrix: {InputFile.FirstLine(e.Message)}\n" +
                "If its entries are rounded to a few digits, --normalize uses the nearest state (and reports the change).");
        }
    }

    /// <summary>The 4×4 entries of JSON text, not yet checked to form a state.</summary>
    public static Complex[,] ParseEntries(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new CliInputException($"--rho: '{source}' {JsonErrorText(e)}");
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
            return ReadMatrix(root, source);
        }
    }

    private static Complex[,] ReadMatrix(JsonElement root, string source)
    {
        try
        {
            return JsonComplexMatrix.Read(root, Dimension, "rho", "two qubits, basis |00>, |01>, |10>, |11>").ToArray();
        }
        catch (ModelFileException e)
        {
            throw new CliInputException($"--rho: '{source}' {e.Message}");
        }
    }

    /// <summary>
    /// One line: where (line and column, counted from 1) and what was expected, in place of System.Text.Json's
    /// "LineNumber: 2 | BytePositionInLine: 8" (counted from 0) and its reader-internal wording.
    /// </summary>
    internal static string JsonErrorText(JsonException e)
    {
        string where = e.LineNumber is long line
            ? $"line {line + 1}{(e.BytePositionInLine is long column ? $", column {column + 1}" : "")}"
            : "somewhere";
        string message = InputFile.FirstLine(e.Message);
        foreach (string cut in new[] { " LineNumber:", " Path:" })
        {
            int at = message.IndexOf(cut, StringComparison.Ordinal);
            if (at >= 0) message = message[..at];
        }
        message = message.Trim().TrimEnd('.');
        string what;
        if (message.Contains("invalid start of a value", StringComparison.Ordinal))
            what = $"{message.Split(' ')[0]} cannot start a value: expected a number, a [re, im] pair or '['";
        else if (message.Contains("Expected depth to be zero", StringComparison.Ordinal))
            what = "the text ends inside an array: expected ']' to close it";
        else if (message.Contains("is invalid after a value", StringComparison.Ordinal))
            what = $"{message.Split(' ')[0]} after a value: expected ',' or ']'";
        else if (message.Contains("is invalid after a single JSON value", StringComparison.Ordinal))
            what = "text after the matrix: expected the end of the input";
        else if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            what = "is empty: expected a 4×4 array";
        else
            what = message;
        return $"is not valid JSON at {where}: {what}.";
    }
}
