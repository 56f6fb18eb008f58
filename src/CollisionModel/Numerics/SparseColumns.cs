using System.Numerics;

namespace CollisionModel.Numerics;

/// <summary>
/// A square complex matrix in compressed sparse columns: the entries of column c are
/// <see cref="Rows"/>[k], <see cref="Values"/>[k] for <see cref="ColumnStart"/>[c] ≤ k &lt; <see cref="ColumnStart"/>[c + 1],
/// rows ascending; exact zeros are not stored. Immutable by convention (the arrays are handed to the owner).
/// </summary>
/// <param name="ColumnStart">n + 1 offsets into <paramref name="Rows"/> and <paramref name="Values"/>.</param>
/// <param name="Rows">The row of each stored entry.</param>
/// <param name="Values">The stored entries.</param>
internal sealed record SparseColumns(int[] ColumnStart, int[] Rows, Complex[] Values)
{
    /// <summary>Compresses a column-major n × n matrix, dropping its exact zeros. O(n²).</summary>
    public static SparseColumns FromColumnMajor(ReadOnlySpan<Complex> m, int n)
    {
        var start = new int[n + 1];
        var rows = new List<int>();
        var values = new List<Complex>();
        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < n; r++)
            {
                var z = m[r + c * n];
                if (z == Complex.Zero) continue;
                rows.Add(r);
                values.Add(z);
            }
            start[c + 1] = rows.Count;
        }
        return new SparseColumns(start, [.. rows], [.. values]);
    }
}
