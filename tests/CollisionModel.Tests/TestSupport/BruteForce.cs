using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.TestSupport;

/// <summary>
/// Textbook definitions by explicit sums over multi-indices, independent of the library's index maps:
/// (tr_T ρ)[(k), (k')] = Σ_{t} ρ[(k, t), (k', t)] with the kept digits read in the kept-list order.
/// </summary>
public static class BruteForce
{
    /// <summary>The digits of a flat index, subsystem 0 most significant.</summary>
    public static int[] Digits(int flat, IReadOnlyList<int> dims)
    {
        var d = new int[dims.Count];
        for (int k = dims.Count - 1; k >= 0; k--)
        {
            d[k] = flat % dims[k];
            flat /= dims[k];
        }
        return d;
    }

    /// <summary>The flat index of listed digits of the listed subsystems, the first listed most significant.</summary>
    public static int Flat(int[] digits, IReadOnlyList<int> dims, IReadOnlyList<int> subsystems)
    {
        int f = 0;
        foreach (int k in subsystems) f = f * dims[k] + digits[k];
        return f;
    }

    /// <summary>Partial trace keeping <paramref name="keep"/> (in that order) by the explicit double sum over all index pairs.</summary>
    public static Matrix<Complex> PartialTrace(Matrix<Complex> op, int[] dims, int[] keep)
    {
        int n = dims.Aggregate(1, (a, b) => a * b);
        int m = keep.Aggregate(1, (a, k) => a * dims[k]);
        var traced = Enumerable.Range(0, dims.Length).Where(k => !keep.Contains(k)).ToArray();
        var result = Matrix<Complex>.Build.Dense(m, m);
        for (int r = 0; r < n; r++)
        {
            var dr = Digits(r, dims);
            for (int c = 0; c < n; c++)
            {
                var dc = Digits(c, dims);
                bool sameTraced = traced.All(k => dr[k] == dc[k]);
                if (!sameTraced) continue;
                result[Flat(dr, dims, keep), Flat(dc, dims, keep)] += op[r, c];
            }
        }
        return result;
    }

    /// <summary>|ψ⟩⟨ψ| as a matrix.</summary>
    public static Matrix<Complex> Outer(ReadOnlySpan<Complex> psi)
    {
        var a = psi.ToArray();
        return Matrix<Complex>.Build.Dense(a.Length, a.Length, (i, j) => a[i] * Complex.Conjugate(a[j]));
    }

    /// <summary>Every subset of 0..count−1, ascending within each subset (including the empty and the full set).</summary>
    public static IEnumerable<int[]> AllSubsets(int count)
    {
        for (int mask = 0; mask < 1 << count; mask++)
            yield return Enumerable.Range(0, count).Where(k => (mask >> k & 1) == 1).ToArray();
    }

    /// <summary>Operator permutation by explicit digits: new subsystem s is old subsystem order[s].</summary>
    public static Matrix<Complex> Permute(Matrix<Complex> op, int[] dims, int[] order)
    {
        int n = op.RowCount;
        var result = Matrix<Complex>.Build.Dense(n, n);
        for (int r = 0; r < n; r++)
        {
            var dr = Digits(r, dims);
            for (int c = 0; c < n; c++)
            {
                var dc = Digits(c, dims);
                result[Flat(dr, dims, order), Flat(dc, dims, order)] = op[r, c];
            }
        }
        return result;
    }
}
