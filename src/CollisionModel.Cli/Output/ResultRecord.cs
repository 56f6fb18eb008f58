namespace CollisionModel.Cli.Output;

/// <summary>One named value of a record.</summary>
/// <param name="Name">The contract's field name (e.g. <c>S_AB</c>).</param>
/// <param name="Value">The value.</param>
public sealed record ResultField(string Name, ResultValue Value);

/// <summary>An immutable ordered field → value map: one output row, or a nested object.</summary>
public sealed class ResultRecord
{
    private readonly ResultField[] _fields;

    /// <summary>Creates a record from fields in output order; names must be distinct.</summary>
    public ResultRecord(IEnumerable<ResultField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _fields)
        {
            ArgumentNullException.ThrowIfNull(f);
            if (!seen.Add(f.Name)) throw new ArgumentException($"Field '{f.Name}' appears twice in one record.", nameof(fields));
        }
    }

    /// <summary>Creates a record from (name, value) pairs in output order.</summary>
    public static ResultRecord Of(params (string Name, ResultValue Value)[] fields) =>
        new(fields.Select(f => new ResultField(f.Name, f.Value)));

    /// <summary>The fields in output order.</summary>
    public IReadOnlyList<ResultField> Fields => _fields;

    /// <summary>The value of the named field, or null when the record has no such field.</summary>
    public ResultValue? this[string name] => Array.Find(_fields, f => f.Name == name)?.Value;
}
