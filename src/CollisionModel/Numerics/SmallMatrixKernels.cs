using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CollisionModel.Validation;

namespace CollisionModel.Numerics;

/// <summary>
/// Allocation-free dense kernels for the small square complex matrices of the per-collision path (4×4 … 16×16).
/// All matrices are column-major spans of n² entries; the destination comes last and must not alias an input.
/// Each kernel has a MathNet reference it is tested against.
/// </summary>
public static class SmallMatrixKernels
{
    /// <summary>C = A B. O(n³).</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int n)
    {
        Check(a, b, c, n);
        c[..(n * n)].Clear();
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < n; k++)
            {
                Complex bkj = b[k + j * n];
                if (bkj == Complex.Zero) continue;
                var colA = a.Slice(k * n, n);
                var colC = c.Slice(j * n, n);
                for (int i = 0; i < n; i++) colC[i] += colA[i] * bkj;
            }
        }
    }

    /// <summary>C = A B†. O(n³).</summary>
    public static void MultiplyAdjointRight(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int n)
    {
        Check(a, b, c, n);
        c[..(n * n)].Clear();
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < n; k++)
            {
                Complex bjk = Complex.Conjugate(b[j + k * n]); // (B†)_kj
                if (bjk == Complex.Zero) continue;
                var colA = a.Slice(k * n, n);
                var colC = c.Slice(j * n, n);
                for (int i = 0; i < n; i++) colC[i] += colA[i] * bjk;
            }
        }
    }

    /// <summary>ρ′ = U ρ U† using <paramref name="scratch"/> (n² entries). O(n³).</summary>
    public static void Conjugate(ReadOnlySpan<Complex> u, ReadOnlySpan<Complex> rho, Span<Complex> destination, Span<Complex> scratch, int n)
    {
        Multiply(u, rho, scratch, n);
        MultiplyAdjointRight(scratch, u, destination, n);
    }

    /// <summary>Kronecker product A ⊗ B (A most significant) of an m×m and a p×p matrix into an (mp)×(mp) destination.</summary>
    public static void Kron(ReadOnlySpan<Complex> a, int m, ReadOnlySpan<Complex> b, int p, Span<Complex> destination)
    {
        int n = m * p;
        if (a.Length < m * m || b.Length < p * p || destination.Length < n * n)
            throw new DimensionMismatchException("Kronecker product operand sizes do not match.", nameof(destination));
        for (int ja = 0; ja < m; ja++)
            for (int jb = 0; jb < p; jb++)
                for (int ia = 0; ia < m; ia++)
                {
                    Complex x = a[ia + ja * m];
                    int col = (ja * p + jb) * n + ia * p;
                    for (int ib = 0; ib < p; ib++) destination[col + ib] = x * b[ib + jb * p];
                }
    }

    /// <summary>
    /// destination = scale · ½(A + A†): the Hermitian part, scaled (e.g. by 1/tr to renormalise a propagated state).
    /// Removes rounding skew so downstream eigen-solvers see an exactly Hermitian matrix. In place when the spans
    /// coincide. O(n²), allocation-free.
    /// </summary>
    public static void HermitianPart(ReadOnlySpan<Complex> a, Span<Complex> destination, int n, double scale = 1)
    {
        if (a.Length < n * n || destination.Length < n * n)
            throw new DimensionMismatchException($"Operands must hold {n * n} entries for n = {n}.", nameof(destination));
        // Checked once above; the loop then walks both spans by reference (it runs once per collision).
        ref Complex a0 = ref MemoryMarshal.GetReference(a);
        ref Complex d0 = ref MemoryMarshal.GetReference(destination);
        double half = 0.5 * scale;
        for (int j = 0; j < n; j++)
        {
            Unsafe.Add(ref d0, j + j * n) = new Complex(scale * Unsafe.Add(ref a0, j + j * n).Real, 0);
            for (int i = j + 1; i < n; i++)
            {
                // Both entries are read before either is written, so the spans may coincide.
                Complex lower = Unsafe.Add(ref a0, i + j * n), upper = Unsafe.Add(ref a0, j + i * n);
                double re = half * (lower.Real + upper.Real), im = half * (lower.Imaginary - upper.Imaginary);
                Unsafe.Add(ref d0, i + j * n) = new Complex(re, im);
                Unsafe.Add(ref d0, j + i * n) = new Complex(re, -im);
            }
        }
    }

    /// <summary>y += M x for an n×n column-major M (zero entries of x skipped: count-resolved states are sparse). O(n²).</summary>
    public static void MultiplyAddVector(ReadOnlySpan<Complex> matrix, ReadOnlySpan<Complex> x, Span<Complex> y, int n)
    {
        for (int c = 0; c < n; c++)
        {
            var xc = x[c];
            if (xc == Complex.Zero) continue;
            var column = matrix.Slice(c * n, n);
            for (int r = 0; r < n; r++) y[r] += column[r] * xc;
        }
    }

    /// <summary>tr(A). O(n).</summary>
    public static Complex Trace(ReadOnlySpan<Complex> a, int n)
    {
        Complex t = Complex.Zero;
        for (int i = 0; i < n; i++) t += a[i + i * n];
        return t;
    }

    private static void Check(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int n)
    {
        int nn = n * n;
        if (a.Length < nn || b.Length < nn || c.Length < nn)
            throw new DimensionMismatchException($"Kernel operands must hold {nn} entries for n = {n}.", nameof(c));
    }
}
