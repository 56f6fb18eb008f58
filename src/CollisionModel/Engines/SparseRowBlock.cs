using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CollisionModel.Validation;

namespace CollisionModel.Engines;

/// <summary>
/// The nonzero entries of rows [r0, r1) of a column-major matrix, column by column, for y[r0..r1) = M x: the
/// per-collision product of <see cref="CollisionKernel"/>. The nonzeros are stored as one interleaved (re, im) array
/// with each row kept as its offset into y's doubles, and <see cref="Apply"/> checks the spans once, then walks them
/// without per-entry bounds checks (every stored row lies in [r0, r1) by construction).
/// </summary>
internal sealed class SparseRowBlock
{
    private readonly int _r0, _r1, _cols;
    private readonly int[] _columnStart;
    // Per nonzero k: 2·row (the offset of y[row].Real among y's doubles), and M[row, c] at _value[2k], _value[2k + 1].
    private readonly int[] _offset;
    private readonly double[] _value;

    public SparseRowBlock(Complex[] m, int rows, int cols, int r0, int r1)
    {
        _r0 = r0; _r1 = r1; _cols = cols;
        _columnStart = new int[cols + 1];
        var offset = new List<int>();
        var value = new List<double>();
        for (int c = 0; c < cols; c++)
        {
            _columnStart[c] = offset.Count;
            for (int r = r0; r < r1; r++)
            {
                var z = m[r + c * rows];
                if (z == Complex.Zero) continue;
                offset.Add(2 * r); value.Add(z.Real); value.Add(z.Imaginary);
            }
        }
        _columnStart[cols] = offset.Count;
        _offset = offset.ToArray(); _value = value.ToArray();
    }

    /// <summary>y[r0..r1) = M[r0..r1, :] x; other entries of y untouched. O(nonzeros), allocation-free.</summary>
    // Inlined into its two per-collision callers (the plain step and the bookkeeping rows), as the JIT did before the
    // bounds checks moved out of the loop; the throw lives in a helper so the body stays small.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ReadOnlySpan<Complex> x, Span<Complex> y)
    {
        if (x.Length < _cols || y.Length < _r1) ThrowTooShort(x.Length, y.Length);
        var yd = MemoryMarshal.Cast<Complex, double>(y);
        yd.Slice(2 * _r0, 2 * (_r1 - _r0)).Clear();
        ref double y0 = ref MemoryMarshal.GetReference(yd);
        ref Complex x0 = ref MemoryMarshal.GetReference(x);
        ref int start = ref MemoryMarshal.GetArrayDataReference(_columnStart);
        ref int offset = ref MemoryMarshal.GetArrayDataReference(_offset);
        ref double value = ref MemoryMarshal.GetArrayDataReference(_value);
        int k = 0;
        for (int c = 0; c < _cols; c++)
        {
            int end = Unsafe.Add(ref start, c + 1);
            Complex xc = Unsafe.Add(ref x0, c);
            double xr = xc.Real, xi = xc.Imaginary;
            if (xr == 0 && xi == 0)
            {
                k = end;
                continue;
            }
            for (; k < end; k++)
            {
                ref double yr = ref Unsafe.Add(ref y0, Unsafe.Add(ref offset, k));
                double mr = Unsafe.Add(ref value, 2 * k), mi = Unsafe.Add(ref value, 2 * k + 1);
                yr += mr * xr - mi * xi;
                Unsafe.Add(ref yr, 1) += mr * xi + mi * xr;
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowTooShort(int x, int y) =>
        throw new DimensionMismatchException($"The sparse product needs x of {_cols} and y of {_r1} entries, got {x} and {y}.", "x");
}
