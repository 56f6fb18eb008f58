using System.Numerics;

namespace CollisionModel.Numerics;

/// <summary>
/// Cyclic Jacobi eigensolver for small complex Hermitian matrices, allocation-free on spans. Used on the
/// per-collision path (4×4 … 16×16), where it beats a LAPACK-style call by avoiding allocation and setup.
/// Accuracy: eigenvalues to a few ulps of ‖A‖; converges quadratically (≈ 5–8 sweeps).
/// </summary>
internal static class JacobiEigenSolver
{
    private const int MaxSweeps = 60;

    /// <summary>
    /// Diagonalises the Hermitian matrix held (column-major, n×n) in <paramref name="a"/>, which is overwritten.
    /// Writes ascending eigenvalues and, if <paramref name="vectors"/> is non-empty, the eigenvectors as its columns.
    /// Only the lower triangle's Hermitian part is trusted: the input is symmetrised first.
    /// </summary>
    public static void Solve(Span<Complex> a, int n, Span<double> values, Span<Complex> vectors)
    {
        bool wantVectors = !vectors.IsEmpty;
        SmallMatrixKernels.HermitianPart(a, a, n);
        if (wantVectors)
        {
            vectors[..(n * n)].Clear();
            for (int i = 0; i < n; i++) vectors[i + i * n] = Complex.One;
        }

        // Scale by a power of two (exact) so the largest entry is O(1): the squared norms in the convergence test
        // would otherwise overflow to ∞ (stopping at once, since ∞ ≤ ∞) or underflow to 0 for entries near 1e±300.
        double maxAbs = 0;
        for (int k = 0; k < n * n; k++) maxAbs = Math.Max(maxAbs, Math.Max(Math.Abs(a[k].Real), Math.Abs(a[k].Imaginary)));
        int exponent = maxAbs > 0 && double.IsFinite(maxAbs) ? Math.ILogB(maxAbs) : 0;
        if (exponent != 0)
        {
            double down = Math.ScaleB(1.0, -exponent);
            for (int k = 0; k < n * n; k++) a[k] *= down;
        }

        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, diag = 0;
            for (int j = 0; j < n; j++)
            {
                diag += a[j + j * n].Real * a[j + j * n].Real;
                for (int i = j + 1; i < n; i++) off += Norm2(a[i + j * n]);
            }
            if (off <= 1e-34 * diag || off == 0) break;

            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Complex apq = a[p + q * n];
                    double g = apq.Magnitude;
                    if (g == 0) continue;
                    double app = a[p + p * n].Real, aqq = a[q + q * n].Real;
                    // Skip rotations that would not change the diagonal in floating point (after the first sweeps).
                    if (sweep > 3 && Math.Abs(app) + 100 * g == Math.Abs(app) && Math.Abs(aqq) + 100 * g == Math.Abs(aqq))
                    {
                        a[p + q * n] = Complex.Zero;
                        a[q + p * n] = Complex.Zero;
                        continue;
                    }
                    // Make the pivot real with a phase on q, then apply the real symmetric rotation.
                    Complex phase = apq / g;              // e^{iφ}
                    double theta = (aqq - app) / (2 * g);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    Complex sq = -s * Complex.Conjugate(phase); // V_qp
                    Complex cq = c * Complex.Conjugate(phase);  // V_qq
                    // A ← A V on columns p, q.
                    for (int k = 0; k < n; k++)
                    {
                        Complex akp = a[k + p * n], akq = a[k + q * n];
                        a[k + p * n] = c * akp + sq * akq;
                        a[k + q * n] = s * akp + cq * akq;
                    }
                    // A ← V† A on rows p, q.
                    Complex sqc = Complex.Conjugate(sq), cqc = Complex.Conjugate(cq);
                    for (int k = 0; k < n; k++)
                    {
                        Complex apk = a[p + k * n], aqk = a[q + k * n];
                        a[p + k * n] = c * apk + sqc * aqk;
                        a[q + k * n] = s * apk + cqc * aqk;
                    }
                    a[p + p * n] = new Complex(app - t * g, 0);
                    a[q + q * n] = new Complex(aqq + t * g, 0);
                    a[p + q * n] = Complex.Zero;
                    a[q + p * n] = Complex.Zero;
                    if (wantVectors)
                    {
                        for (int k = 0; k < n; k++)
                        {
                            Complex vkp = vectors[k + p * n], vkq = vectors[k + q * n];
                            vectors[k + p * n] = c * vkp + sq * vkq;
                            vectors[k + q * n] = s * vkp + cq * vkq;
                        }
                    }
                }
            }
        }

        for (int i = 0; i < n; i++) values[i] = Math.ScaleB(a[i + i * n].Real, exponent);
        // Insertion sort ascending (n is small), carrying eigenvectors along.
        for (int i = 1; i < n; i++)
        {
            for (int j = i; j > 0 && values[j - 1] > values[j]; j--)
            {
                (values[j - 1], values[j]) = (values[j], values[j - 1]);
                if (wantVectors)
                {
                    for (int k = 0; k < n; k++)
                        (vectors[k + (j - 1) * n], vectors[k + j * n]) = (vectors[k + j * n], vectors[k + (j - 1) * n]);
                }
            }
        }
    }

    private static double Norm2(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;
}
