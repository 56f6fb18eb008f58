using System.Numerics;
using CollisionModel.States;

namespace CollisionModel.Cli.Output;

/// <summary>
/// One value of a result document: a number, an integer, text, a flag, an absent value, a complex matrix, a list or a
/// nested record. The writers decide how each kind looks in JSON, CSV and tables; the physics layer never formats.
/// </summary>
public abstract record ResultValue
{
    /// <summary>The absent value (JSON <c>null</c>, an empty CSV cell); e.g. σ at t = 0 of a pure state.</summary>
    public static ResultValue Null { get; } = new NullValue();

    /// <summary>A real number; +∞ is legitimate, NaN is rejected by every writer as an internal error.</summary>
    public static implicit operator ResultValue(double value) => new NumberValue(value);

    /// <summary>A real number or the absent value.</summary>
    public static implicit operator ResultValue(double? value) => value is { } v ? new NumberValue(v) : Null;

    /// <summary>An integer (step counts, indices).</summary>
    public static implicit operator ResultValue(long value) => new IntegerValue(value);

    /// <summary>An integer (step counts, indices).</summary>
    public static implicit operator ResultValue(int value) => new IntegerValue(value);

    /// <summary>Text, or the absent value for null.</summary>
    public static implicit operator ResultValue(string? value) => value is null ? Null : new TextValue(value);

    /// <summary>A flag.</summary>
    public static implicit operator ResultValue(bool value) => new BooleanValue(value);

    /// <summary>A density matrix as its entries, row-major.</summary>
    public static implicit operator ResultValue(DensityMatrix? value) => value is null ? Null : MatrixValue.From(value);

    /// <summary>A nested record.</summary>
    public static implicit operator ResultValue(ResultRecord value) => new ObjectValue(value);

    /// <summary>True for values that fit in one CSV cell (everything except matrices, lists and records).</summary>
    public bool IsScalar => this is NullValue or NumberValue or IntegerValue or TextValue or BooleanValue;
}

/// <summary>The absent value.</summary>
public sealed record NullValue : ResultValue;

/// <summary>A real number (IEEE double).</summary>
/// <param name="Value">The number; NaN is never written.</param>
public sealed record NumberValue(double Value) : ResultValue;

/// <summary>A 64-bit integer.</summary>
/// <param name="Value">The integer.</param>
public sealed record IntegerValue(long Value) : ResultValue;

/// <summary>A piece of text.</summary>
/// <param name="Value">The text.</param>
public sealed record TextValue(string Value) : ResultValue;

/// <summary>A flag.</summary>
/// <param name="Value">The flag.</param>
public sealed record BooleanValue(bool Value) : ResultValue;

/// <summary>An ordered list of values.</summary>
/// <param name="Items">The items in output order.</param>
public sealed record ListValue(IReadOnlyList<ResultValue> Items) : ResultValue;

/// <summary>A nested record (ordered field → value map).</summary>
/// <param name="Record">The record.</param>
public sealed record ObjectValue(ResultRecord Record) : ResultValue;

/// <summary>
/// A dense complex matrix held row-major (the contract's output order), in the basis |00>, |01>, |10>, |11>
/// (A first) for two-qubit states.
/// </summary>
public sealed record MatrixValue : ResultValue
{
    private readonly Complex[] _rowMajor;

    /// <summary>Wraps a copy of row-major entries of a <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    public MatrixValue(int rows, int columns, ReadOnlySpan<Complex> rowMajor)
    {
        if (rows < 0 || columns < 0 || rowMajor.Length != rows * columns)
            throw new ArgumentException($"A {rows}×{columns} matrix needs {rows * columns} entries, got {rowMajor.Length}.", nameof(rowMajor));
        Rows = rows;
        Columns = columns;
        _rowMajor = rowMajor.ToArray();
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Entry (i, j).</summary>
    public Complex this[int i, int j] => _rowMajor[i * Columns + j];

    /// <summary>The entries of ρ, converted from the library's column-major storage to row-major.</summary>
    public static MatrixValue From(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        int n = rho.Dimension;
        var rowMajor = new Complex[n * n];
        var cm = rho.ColumnMajor;
        // DensityMatrix stores ρ[i, j] at i + j·n; the contract prints rows first.
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                rowMajor[i * n + j] = cm[i + j * n];
        return new MatrixValue(n, n, rowMajor);
    }

    /// <summary>Value equality over the entries (records would otherwise compare the array reference).</summary>
    public bool Equals(MatrixValue? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns && _rowMajor.AsSpan().SequenceEqual(other._rowMajor);

    /// <summary>Hash over the shape and entries.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Rows);
        h.Add(Columns);
        foreach (var z in _rowMajor) h.Add(z);
        return h.ToHashCode();
    }
}
