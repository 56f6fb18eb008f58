using System.Numerics;
namespace CollisionModel.Numerics;

/// <summary>
/// Eigenvalues only of a dense Hermitian matrix of any size (the whole-environment and fragment entropies of mixed
/// ancillas, dimensions up to a few thousand): Householder reduction to a real symmetric tridiagonal matrix with
/// every inner loop running down a column (contiguous in column-major storage), then the implicit-shift QL of
/// <see cref="SmallHermitianEigenvalues"/>. About 8n³ flops and no eigenvectors, several times cheaper than a full
/// eigendecomposition. Backward stable: eigenvalues to a few ulps of ‖A‖. A kernel of <see cref="HermitianEigen"/>,
/// which calls it above <see cref="SmallHermitianEigenvalues.MaxDimension"/>.
/// </summary>
internal static class DenseSpectrum
{
    /// <summary>Eigenvalues (unsorted) of the column-major n×n Hermitian <paramref name="a"/>, which is overwritten.</summary>
    public static double[] Eigenvalues(Complex[] a, int n)
    {
        var e = new double[n];
        var u = new Complex[n];
        var w = new Complex[n];
        for (int k = 0; k < n - 2; k++)
        {
            int m = n - k - 1, col0 = k * n + k + 1;
            double norm2 = 0;
            for (int i = 0; i < m; i++) norm2 += Norm2(a[col0 + i]);
            double norm = Math.Sqrt(norm2);
            Complex x0 = a[col0];
            double tail = norm2 - Norm2(x0);
            e[k] = norm;
            if (tail <= 1e-300) continue; // already tridiagonal in this column
            double ax0 = Math.Sqrt(Norm2(x0));
            Complex phase = ax0 == 0 ? Complex.One : new Complex(x0.Real / ax0, x0.Imaginary / ax0);
            // v = x + phase·‖x‖ e_1 (no cancellation), u = v/‖v‖.
            for (int i = 0; i < m; i++) u[i] = a[col0 + i];
            u[0] += phase * norm;
            double inv = 1 / Math.Sqrt(tail + Norm2(u[0]));
            for (int i = 0; i < m; i++) u[i] = new Complex(u[i].Real * inv, u[i].Imaginary * inv);
            // p = B u column by column; w = p − (u†p) u; B ← B − 2(u w† + w u†) column by column (both triangles).
            var p = w.AsSpan(0, m);
            p.Clear();
            int b0 = (k + 1) * n + k + 1;
            for (int j = 0; j < m; j++)
            {
                Complex uj = u[j];
                if (uj == Complex.Zero) continue;
                var column = a.AsSpan(b0 + j * n, m);
                for (int i = 0; i < m; i++) p[i] += column[i] * uj;
            }
            double up = 0;
            for (int i = 0; i < m; i++) up += (Complex.Conjugate(u[i]) * p[i]).Real;
            for (int i = 0; i < m; i++) p[i] -= up * u[i];
            for (int j = 0; j < m; j++)
            {
                Complex uj = 2 * Complex.Conjugate(u[j]), wj = 2 * Complex.Conjugate(p[j]);
                var column = a.AsSpan(b0 + j * n, m);
                for (int i = 0; i < m; i++) column[i] -= u[i] * wj + p[i] * uj;
            }
        }
        var d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[i + i * n].Real;
        if (n >= 2) e[n - 2] = a[n - 1 + (n - 2) * n].Magnitude;
        if (n >= 1) e[n - 1] = 0;
        SmallHermitianEigenvalues.TridiagonalQl(d, e);
        return d;
    }

    private static double Norm2(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;
}
