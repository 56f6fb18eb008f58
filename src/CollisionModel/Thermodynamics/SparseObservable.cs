using System.Numerics;
using System.Runtime.InteropServices;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// A Hermitian observable H (column-major) kept as its nonzero entries, for tr ρH = Re Σ_ij ρ_ij conj(H_ij) on the
/// per-collision path: the usual Hamiltonians (σz sums, hopping terms) are mostly exact zeros, so an energy costs a
/// handful of multiply–adds. Also keeps the dense interleaved (re, im) copy for index-based partial traces.
/// </summary>
internal sealed class SparseObservable
{
    private readonly int[] _index;
    private readonly double[] _re, _im;

    public SparseObservable(ReadOnlySpan<Complex> columnMajor)
    {
        var index = new List<int>();
        var re = new List<double>();
        var im = new List<double>();
        for (int c = 0; c < columnMajor.Length; c++)
        {
            if (columnMajor[c] == Complex.Zero) continue;
            index.Add(c);
            re.Add(columnMajor[c].Real);
            im.Add(columnMajor[c].Imaginary);
        }
        _index = index.ToArray();
        _re = re.ToArray();
        _im = im.ToArray();
        Interleaved = MemoryMarshal.Cast<Complex, double>(columnMajor).ToArray();
    }

    /// <summary>H column-major as interleaved (re, im) doubles.</summary>
    public double[] Interleaved { get; }

    /// <summary>tr ρH for a Hermitian ρ of the same dimension (column-major). O(nonzeros of H), allocation-free.</summary>
    public double Expectation(ReadOnlySpan<Complex> rho)
    {
        var r = MemoryMarshal.Cast<Complex, double>(rho);
        var index = _index;
        var re = _re;
        var im = _im;
        double e = 0;
        for (int k = 0; k < index.Length; k++)
        {
            int c = 2 * index[k];
            e += r[c] * re[k] + r[c + 1] * im[k];
        }
        return e;
    }
}
