using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CollisionModel.Numerics;

/// <summary>
/// The Gram matrix G = M M† of a dense row-major complex matrix M (rows × cols): the reduced density matrix of the
/// rows' factor of a pure state laid out as M[kept, traced] (the mixed-ancilla whole-environment entropies). Only
/// the lower triangle is computed (G is Hermitian), then mirrored. Blocked for the caches (column chunks of
/// <see cref="ChunkLength"/>, row blocks of <see cref="BlockRows"/>) with a 4×1 AVX2/FMA micro-kernel on the
/// interleaved (re, im) doubles; a plain loop elsewhere. rows²·cols/2 complex multiply-adds.
/// </summary>
internal static class HermitianGram
{
    /// <summary>Columns per cache chunk (a row's chunk is 4 KiB).</summary>
    private const int ChunkLength = 256;

    /// <summary>Rows of M whose chunks stay in L2 while the row quads sweep over them.</summary>
    private const int BlockRows = 64;

    /// <summary>
    /// G = M M† into <paramref name="gram"/> (column-major rows × rows; G[i + j·rows] = Σ_t M[i,t] conj(M[j,t])).
    /// </summary>
    /// <param name="m">Row-major rows × cols.</param>
    /// <param name="rows">Rows of M (the dimension of G).</param>
    /// <param name="cols">Columns of M (the traced dimension).</param>
    /// <param name="gram">At least rows² entries; overwritten.</param>
    public static void Compute(ReadOnlySpan<Complex> m, int rows, int cols, Span<Complex> gram)
    {
        long n2 = (long)rows * rows;
        if (rows < 1 || cols < 1 || m.Length < (long)rows * cols || gram.Length < n2)
            throw new Validation.DimensionMismatchException($"Spans too short for the Gram matrix of a {rows}×{cols} matrix.", nameof(m));
        gram[..(int)n2].Clear();
        if (Fma.IsSupported && Avx.IsSupported) Blocked(m, rows, cols, gram);
        else Plain(m, rows, cols, gram);
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < j; i++) gram[i + j * rows] = Complex.Conjugate(gram[j + i * rows]);
    }

    /// <summary>The reference: G[i, j] for i ≥ j by straight dot products.</summary>
    internal static void Plain(ReadOnlySpan<Complex> m, int rows, int cols, Span<Complex> gram)
    {
        for (int i = 0; i < rows; i++)
        {
            var x = m.Slice(i * cols, cols);
            for (int j = 0; j <= i; j++)
            {
                var y = m.Slice(j * cols, cols);
                double re = 0, im = 0;
                for (int t = 0; t < cols; t++)
                {
                    re += x[t].Real * y[t].Real + x[t].Imaginary * y[t].Imaginary;
                    im += x[t].Imaginary * y[t].Real - x[t].Real * y[t].Imaginary;
                }
                gram[i + j * rows] += new Complex(re, im);
            }
        }
    }

    private static unsafe void Blocked(ReadOnlySpan<Complex> m, int rows, int cols, Span<Complex> gram)
    {
        var d = MemoryMarshal.Cast<Complex, double>(m);
        fixed (double* p = d)
        fixed (Complex* g = gram)
        {
            for (int c0 = 0; c0 < cols; c0 += ChunkLength)
            {
                int len = Math.Min(ChunkLength, cols - c0);
                int vec = len & ~1; // complex pairs per 256-bit vector
                for (int j0 = 0; j0 < rows; j0 += BlockRows)
                {
                    int j1 = Math.Min(rows, j0 + BlockRows);
                    int i = j0;
                    for (; i + 3 < rows; i += 4)
                    {
                        double* x0 = p + 2 * ((long)i * cols + c0), x1 = x0 + 2L * cols, x2 = x1 + 2L * cols, x3 = x2 + 2L * cols;
                        int jEnd = Math.Min(j1, i + 4);
                        for (int j = j0; j < jEnd; j++)
                        {
                            double* y = p + 2 * ((long)j * cols + c0);
                            Vector256<double> r0 = Vector256<double>.Zero, r1 = r0, r2 = r0, r3 = r0, q0 = r0, q1 = r0, q2 = r0, q3 = r0;
                            for (int t = 0; t < vec; t += 2)
                            {
                                var yv = Avx.LoadVector256(y + 2 * t);
                                var ys = Avx.Permute(yv, 0b0101);
                                var a = Avx.LoadVector256(x0 + 2 * t);
                                r0 = Fma.MultiplyAdd(a, yv, r0); q0 = Fma.MultiplyAdd(a, ys, q0);
                                a = Avx.LoadVector256(x1 + 2 * t);
                                r1 = Fma.MultiplyAdd(a, yv, r1); q1 = Fma.MultiplyAdd(a, ys, q1);
                                a = Avx.LoadVector256(x2 + 2 * t);
                                r2 = Fma.MultiplyAdd(a, yv, r2); q2 = Fma.MultiplyAdd(a, ys, q2);
                                a = Avx.LoadVector256(x3 + 2 * t);
                                r3 = Fma.MultiplyAdd(a, yv, r3); q3 = Fma.MultiplyAdd(a, ys, q3);
                            }
                            var z0 = Reduce(r0, q0); var z1 = Reduce(r1, q1); var z2 = Reduce(r2, q2); var z3 = Reduce(r3, q3);
                            if (vec < len)
                            {
                                int t = vec;
                                z0 += Tail(x0, y, t); z1 += Tail(x1, y, t); z2 += Tail(x2, y, t); z3 += Tail(x3, y, t);
                            }
                            // Entries above the diagonal inside the quad are exact too; the final mirror overwrites them.
                            g[i + (long)j * rows] += z0;
                            g[i + 1 + (long)j * rows] += z1;
                            g[i + 2 + (long)j * rows] += z2;
                            g[i + 3 + (long)j * rows] += z3;
                        }
                    }
                    for (; i < rows; i++)
                    {
                        double* x = p + 2 * ((long)i * cols + c0);
                        int jEnd = Math.Min(j1, i + 1);
                        for (int j = j0; j < jEnd; j++)
                        {
                            double* y = p + 2 * ((long)j * cols + c0);
                            Complex z = 0;
                            for (int t = 0; t < len; t++) z += Tail(x, y, t);
                            g[i + (long)j * rows] += z;
                        }
                    }
                }
            }
        }
    }

    // x[t]·conj(y[t]) for one complex entry.
    private static unsafe Complex Tail(double* x, double* y, int t)
    {
        double xr = x[2 * t], xi = x[2 * t + 1], yr = y[2 * t], yi = y[2 * t + 1];
        return new Complex(xr * yr + xi * yi, xi * yr - xr * yi);
    }

    // Σ x·conj(y) from the lane sums: re = Σ (xr yr + xi yi), im = Σ (xi yr − xr yi) with q = x·swap(y) = (xr yi, xi yr).
    private static Complex Reduce(Vector256<double> r, Vector256<double> q) =>
        new(r.GetElement(0) + r.GetElement(1) + r.GetElement(2) + r.GetElement(3),
            q.GetElement(1) - q.GetElement(0) + q.GetElement(3) - q.GetElement(2));
}
