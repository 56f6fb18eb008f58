using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// A JSON value of a model file together with its key path (<c>baths[1].coupling[0][2]</c>), so that every reading
/// step can refuse a value with a <see cref="ModelFileException"/> that says where it is. Reads are strict: numbers
/// must be finite JSON numbers, objects may hold only the keys the caller lists, and no key may appear twice.
/// </summary>
internal readonly struct ModelFileElement
{
    public ModelFileElement(JsonElement element, string path)
    {
        Element = element;
        Path = path;
    }

    public JsonElement Element { get; }

    /// <summary>The key path; "" for the document root.</summary>
    public string Path { get; }

    public ModelFileException Error(string problem) => new(Path.Length == 0 ? "(document)" : Path, problem);

    public string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>
    /// The members of an object, each with its path; throws for a non-object, an unknown key (naming the keys that
    /// are allowed) or a key given twice. O(members · allowed).
    /// </summary>
    public Dictionary<string, ModelFileElement> Object(IReadOnlyList<string> allowed)
    {
        if (Element.ValueKind != JsonValueKind.Object) throw Error($"expected an object {{…}}, got {Kind(Element)}.");
        var members = new Dictionary<string, ModelFileElement>(StringComparer.Ordinal);
        foreach (var property in Element.EnumerateObject())
        {
            string path = ChildPath(property.Name);
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                throw new ModelFileException(path, $"unknown key \"{property.Name}\" (allowed here: {string.Join(", ", allowed)}).");
            if (!members.TryAdd(property.Name, new ModelFileElement(property.Value, path)))
                throw new ModelFileException(path, "the key is given twice.");
        }
        return members;
    }

    /// <summary>The member <paramref name="key"/> of an object read by <see cref="Object"/>; throws naming it when absent.</summary>
    public ModelFileElement Required(Dictionary<string, ModelFileElement> members, string key, string what) =>
        members.TryGetValue(key, out var value) ? value : throw new ModelFileException(ChildPath(key), $"missing required key ({what}).");

    /// <summary>A finite JSON number.</summary>
    public double Number()
    {
        if (Element.ValueKind != JsonValueKind.Number) throw Error($"expected a number, got {Kind(Element)}.");
        if (!Element.TryGetDouble(out double x) || !double.IsFinite(x))
            throw Error($"the number {Element.GetRawText()} is not finite (outside the range of a double).");
        return x;
    }

    /// <summary>A JSON integer in the range of <see cref="int"/>.</summary>
    public int Integer()
    {
        if (Element.ValueKind != JsonValueKind.Number) throw Error($"expected an integer, got {Kind(Element)}.");
        if (!Element.TryGetInt32(out int k)) throw Error($"expected an integer, got {Element.GetRawText()}.");
        return k;
    }

    /// <summary>A JSON string.</summary>
    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String) throw Error($"expected a string, got {Kind(Element)}.");
        return Element.GetString()!;
    }

    /// <summary>The items of an array, each with its path.</summary>
    public ModelFileElement[] Array()
    {
        if (Element.ValueKind != JsonValueKind.Array) throw Error($"expected an array […], got {Kind(Element)}.");
        var items = new List<ModelFileElement>();
        int i = 0;
        foreach (var item in Element.EnumerateArray()) items.Add(new ModelFileElement(item, $"{Path}[{i++}]"));
        return items.ToArray();
    }

    /// <summary>A complex entry: a plain number (real) or an [re, im] pair.</summary>
    public Complex Entry()
    {
        if (Element.ValueKind == JsonValueKind.Number) return Number();
        if (Element.ValueKind != JsonValueKind.Array) throw Error($"expected a number or an [re, im] pair, got {Kind(Element)}.");
        var pair = Array();
        if (pair.Length != 2) throw Error($"expected an [re, im] pair, got an array of {pair.Length} item(s).");
        return new Complex(pair[0].Number(), pair[1].Number());
    }

    /// <summary>A vector of <paramref name="length"/> complex entries; <paramref name="why"/> explains the length.</summary>
    public Complex[] Vector(int length, string why)
    {
        var items = Array();
        if (items.Length != length) throw Error($"expected {length} entries ({why}), got {items.Length}.");
        return items.Select(e => e.Entry()).ToArray();
    }

    /// <summary>
    /// A <paramref name="dimension"/> × <paramref name="dimension"/> complex matrix given row-major as nested arrays;
    /// <paramref name="why"/> explains the dimension. O(n²).
    /// </summary>
    public Matrix<Complex> Matrix(int dimension, string why)
    {
        var rows = Array();
        if (rows.Length != dimension)
            throw Error($"expected a {dimension}×{dimension} matrix ({why}) as {dimension} rows, got {rows.Length} row(s).");
        var m = Matrix<Complex>.Build.Dense(dimension, dimension);
        for (int i = 0; i < dimension; i++)
        {
            var row = rows[i].Array();
            if (row.Length != dimension)
                throw rows[i].Error($"expected a row of {dimension} entries ({why}), got {row.Length}.");
            for (int j = 0; j < dimension; j++) m[i, j] = row[j].Entry();
        }
        return m;
    }

    /// <summary>
    /// Runs a library constructor or check and turns its <see cref="QuantumInputException"/> into a
    /// <see cref="ModelFileException"/> at this path (the library names its C# parameter, not the file's key).
    /// </summary>
    public T Checked<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (QuantumInputException e) when (e is not ModelFileException)
        {
            throw Error(WithoutParameterSuffix(e));
        }
    }

    /// <summary>The exception's own text, without the " (Parameter 'x')" that <see cref="ArgumentException.Message"/> appends.</summary>
    public static string WithoutParameterSuffix(ArgumentException e)
    {
        string message = e.Message;
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    /// <summary>The JSON kind in words ("a string (\"NaN\")", "an object", …) for error messages.</summary>
    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"a string ({Quote(e.GetString()!)})",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => $"{e.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Quote(string s) => s.Length <= 20 ? $"\"{s}\"" : $"\"{s[..20]}…\"";
}
