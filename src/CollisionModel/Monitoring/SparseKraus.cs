using System.Numerics;
using CollisionModel.Numerics;

namespace CollisionModel.Monitoring;

/// <summary>
/// A Kraus operator on the system stored by its nonzero entries, column by column (compressed sparse columns), so that
/// ρ ↦ K ρ K† costs O(nnz(K) · d) instead of O(d³): a bath acting on one qubit of six has nnz(K) = 2d·d_part, not d².
/// Dense operators (the H_S factors) simply keep all their entries. Matrices are column-major spans of d² entries.
/// Immutable.
/// </summary>
internal sealed class SparseKraus
{
    private readonly int[] _columnStart, _row;
    private readonly Complex[] _value;

    private SparseKraus(int dimension, int[] columnStart, int[] row, Complex[] value)
    {
        Dimension = dimension;
        _columnStart = columnStart;
        _row = row;
        _value = value;
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>The number of stored (nonzero) entries.</summary>
    public int NonZeros => _value.Length;

    /// <summary>K from its column-major d × d entries; exact zeros are dropped.</summary>
    public static SparseKraus FromColumnMajor(ReadOnlySpan<Complex> k, int d)
    {
        var sparse = SparseColumns.FromColumnMajor(k, d);
        return new SparseKraus(d, sparse.ColumnStart, sparse.Rows, sparse.Values);
    }

    /// <summary>
    /// y += w · K x K† with <paramref name="scratch"/> (d² entries) for K x; x and y must not alias. O(nnz · d).
    /// </summary>
    public void AddConjugation(ReadOnlySpan<Complex> x, Span<Complex> y, Span<Complex> scratch, double weight)
    {
        int d = Dimension;
        var kx = scratch[..(d * d)];
        kx.Clear();
        // (K x)[:, j] = Σ_c K[:, c] x[c, j]: the stored entries of column c of K, scaled by x[c, j].
        for (int j = 0; j < d; j++)
        {
            var column = kx.Slice(j * d, d);
            for (int c = 0; c < d; c++)
            {
                var xcj = x[c + j * d];
                if (xcj == Complex.Zero) continue;
                for (int p = _columnStart[c]; p < _columnStart[c + 1]; p++) column[_row[p]] += _value[p] * xcj;
            }
        }
        // (K x K†)[:, r] = Σ_c (K x)[:, c] conj(K[r, c]): each stored K[r, c] adds a whole column.
        for (int c = 0; c < d; c++)
        {
            var source = kx.Slice(c * d, d);
            for (int p = _columnStart[c]; p < _columnStart[c + 1]; p++)
            {
                var factor = weight * Complex.Conjugate(_value[p]);
                var target = y.Slice(_row[p] * d, d);
                for (int i = 0; i < d; i++) target[i] += source[i] * factor;
            }
        }
    }
}
