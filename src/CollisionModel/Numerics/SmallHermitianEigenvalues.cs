using System.Numerics;
using System.Runtime.InteropServices;
using CollisionModel.Validation;

namespace CollisionModel.Numerics;

/// <summary>
/// Allocation-free eigenvalues of a small complex Hermitian matrix (n ≤ 32) for the per-collision entropies:
/// Householder reduction to a real symmetric tridiagonal matrix (the complex sub-diagonal's phases are irrelevant to
/// the spectrum), then implicit-shift QL. Backward stable: eigenvalues to a few ulps of ‖A‖. About 5× faster than
/// cyclic Jacobi at 4×4; tested against <see cref="HermitianEigen"/>.
/// </summary>
internal static class SmallHermitianEigenvalues
{
    /// <summary>Maximum supported dimension (stack buffers).</summary>
    public const int MaxDimension = 32;

    /// <summary>
    /// Eigenvalues (unsorted) of the column-major n×n Hermitian <paramref name="a"/> (lower triangle trusted) into
    /// <paramref name="values"/>; <paramref name="work"/> (n² entries) is overwritten.
    /// </summary>
    public static void Compute(ReadOnlySpan<Complex> a, int n, Span<double> values, Span<Complex> work)
    {
        if (n > MaxDimension || a.Length < n * n || work.Length < n * n || values.Length < n)
            throw new DimensionMismatchException($"Spans too short or n = {n} too large for the small eigen kernel.", nameof(a));
        a[..(n * n)].CopyTo(work);
        // Interleaved (re, im) doubles: the complex products written out (the same operations, in the same order, as
        // System.Numerics.Complex's operators), which the JIT did not inline here.
        var x = MemoryMarshal.Cast<Complex, double>(work[..(n * n)]);
        Span<double> e = stackalloc double[n];
        Span<double> u = stackalloc double[2 * n];
        Span<double> w = stackalloc double[2 * n];
        for (int k = 0; k < n - 2; k++)
        {
            // x = A[k+1.., k]; reflect it onto α e_1 with |α| = ‖x‖.
            int col = 2 * k * n;
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) norm2 += Norm2(x[col + 2 * i], x[col + 2 * i + 1]);
            double norm = Math.Sqrt(norm2);
            double x0r = x[col + 2 * (k + 1)], x0i = x[col + 2 * (k + 1) + 1];
            double tail = norm2 - Norm2(x0r, x0i);
            e[k] = norm;
            if (tail <= 1e-300) continue; // already tridiagonal in this column
            double ax0 = Math.Sqrt(Norm2(x0r, x0i));
            double phr = 1, phi = 0;
            if (ax0 != 0)
            {
                phr = x0r / ax0;
                phi = x0i / ax0;
            }
            // v = x + phase·‖x‖ e_1 (no cancellation), u = v/‖v‖.
            int m = n - k - 1;
            x.Slice(col + 2 * (k + 1), 2 * m).CopyTo(u);
            u[0] += phr * norm;
            u[1] += phi * norm;
            double vnorm = Math.Sqrt(tail + Norm2(u[0], u[1]));
            double inv = 1 / vnorm;
            for (int i = 0; i < 2 * m; i++) u[i] *= inv;
            // Trailing block B ← B − 2(u w† + w u†), p = B u, w = p − (u†p) u.
            int b0 = (k + 1) * (n + 1);
            double upr = 0;
            for (int i = 0; i < m; i++)
            {
                double pr = 0, pi = 0;
                for (int j = 0; j < m; j++)
                {
                    int bij = 2 * (b0 + i + j * n);
                    double br = x[bij], bi = x[bij + 1], ur = u[2 * j], ui = u[2 * j + 1];
                    pr += br * ur - bi * ui;
                    pi += bi * ur + br * ui;
                }
                w[2 * i] = pr;
                w[2 * i + 1] = pi;
                // Re(conj(u_i) p): only the real part of u†p is used.
                upr += u[2 * i] * pr + u[2 * i + 1] * pi;
            }
            for (int i = 0; i < 2 * m; i++) w[i] -= upr * u[i];
            for (int j = 0; j < m; j++)
            {
                double ujr = u[2 * j], uji = -u[2 * j + 1], wjr = w[2 * j], wji = -w[2 * j + 1];
                for (int i = j; i < m; i++)
                {
                    double uir = u[2 * i], uii = u[2 * i + 1], wir = w[2 * i], wii = w[2 * i + 1];
                    // u_i conj(w_j) + w_i conj(u_j).
                    double sr = (uir * wjr - uii * wji) + (wir * ujr - wii * uji);
                    double si = (uii * wjr + uir * wji) + (wii * ujr + wir * uji);
                    int bij = 2 * (b0 + i + j * n), bji = 2 * (b0 + j + i * n);
                    double vr = x[bij] - 2 * sr, vi = x[bij + 1] - 2 * si;
                    x[bij] = vr;
                    x[bij + 1] = vi;
                    x[bji] = vr;
                    x[bji + 1] = -vi;
                }
            }
        }
        for (int i = 0; i < n; i++) values[i] = x[2 * i * (n + 1)];
        if (n >= 2) e[n - 2] = work[n - 1 + (n - 2) * n].Magnitude;
        e[n - 1] = 0;
        TridiagonalQl(values[..n], e);
    }

    // Implicit-shift QL on diagonal d and sub-diagonal e (e[i] couples i and i+1, e[n−1] = 0); eigenvalues into d.
    internal static void TridiagonalQl(Span<double> d, Span<double> e)
    {
        int n = d.Length;
        for (int l = 0; l < n; l++)
        {
            int iter = 0, m;
            do
            {
                for (m = l; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= 2.220446049250313e-16 * dd) break; // machine epsilon: a stricter test only spins
                }
                if (m == l) break;
                if (iter++ == 60) break;
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.Sqrt(g * g + 1);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1, c = 1, p = 0;
                int i;
                bool deflated = false;
                for (i = m - 1; i >= l; i--)
                {
                    double f = s * e[i], b = c * e[i];
                    r = Math.Sqrt(f * f + g * g);
                    e[i + 1] = r;
                    if (r == 0)
                    {
                        d[i + 1] -= p;
                        e[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (deflated) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            } while (m != l);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Norm2(double re, double im) => re * re + im * im;
}
