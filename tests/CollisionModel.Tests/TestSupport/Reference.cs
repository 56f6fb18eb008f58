using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.TestSupport;

/// <summary>
/// Independent reference implementations written for the tests only (MathNet EVD, explicit sums); the library's
/// own routines are never used to produce a reference value.
/// </summary>
public static class Reference
{
    /// <summary>Eigenvalues of a Hermitian matrix from MathNet's EVD, ascending.</summary>
    public static double[] HermitianEigenvalues(Matrix<Complex> a)
    {
        var h = 0.5 * (a + a.ConjugateTranspose());
        return h.Evd(Symmetricity.Hermitian).EigenValues.Select(z => z.Real).OrderBy(x => x).ToArray();
    }

    /// <summary>f(A) = V f(Λ) V† from MathNet's Hermitian EVD.</summary>
    public static Matrix<Complex> HermitianFunction(Matrix<Complex> a, Func<double, Complex> f)
    {
        var h = 0.5 * (a + a.ConjugateTranspose());
        var evd = h.Evd(Symmetricity.Hermitian);
        var v = evd.EigenVectors;
        var d = Matrix<Complex>.Build.DenseDiagonal(a.RowCount, a.RowCount, i => f(evd.EigenValues[i].Real));
        return v * d * v.ConjugateTranspose();
    }

    /// <summary>−Σ λ ln λ over the (MathNet) eigenvalues above 1e-14.</summary>
    public static double Entropy(Matrix<Complex> rho) =>
        -HermitianEigenvalues(rho).Where(x => x > 1e-14).Sum(x => x * Math.Log(x));

    /// <summary>−Σ p ln p, written out.</summary>
    public static double Shannon(params double[] p) => -p.Where(x => x > 0).Sum(x => x * Math.Log(x));

    /// <summary>Binary entropy h(p) in nats, written out.</summary>
    public static double H(double p) => -p * Math.Log(p) - (1 - p) * Math.Log(1 - p);

    /// <summary>max |A_ij − B_ij|.</summary>
    public static double MaxAbsDiff(Matrix<Complex> a, Matrix<Complex> b)
    {
        Assert.Equal(a.RowCount, b.RowCount);
        Assert.Equal(a.ColumnCount, b.ColumnCount);
        double m = 0;
        for (int i = 0; i < a.RowCount; i++)
            for (int j = 0; j < a.ColumnCount; j++) m = Math.Max(m, (a[i, j] - b[i, j]).Magnitude);
        return m;
    }

    /// <summary>Asserts max |A_ij − B_ij| ≤ tolerance with a message showing the deviation.</summary>
    public static void AssertClose(Matrix<Complex> expected, Matrix<Complex> actual, double tolerance, string what = "matrix")
    {
        double d = MaxAbsDiff(expected, actual);
        Assert.True(d <= tolerance, $"{what}: max entry deviation {d:G3} > tolerance {tolerance:G3}");
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance (equal infinities pass).</summary>
    public static void AssertClose(double expected, double actual, double tolerance, string what = "value")
    {
        Assert.False(double.IsNaN(actual), $"{what} is NaN");
        if (expected == actual) return;
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:G17}, got {actual:G17} (|Δ| = {Math.Abs(expected - actual):G3} > {tolerance:G3})");
    }

    /// <summary>A row-major 2-D array as a MathNet matrix.</summary>
    public static Matrix<Complex> M(Complex[,] entries) => Matrix<Complex>.Build.DenseOfArray(entries);

    /// <summary>A real diagonal matrix.</summary>
    public static Matrix<Complex> Diag(params double[] d) =>
        Matrix<Complex>.Build.DenseDiagonal(d.Length, d.Length, i => d[i]);

    /// <summary>|ψ⟩⟨ψ| of an explicit amplitude vector.</summary>
    public static Matrix<Complex> Projector(params Complex[] psi) =>
        Matrix<Complex>.Build.Dense(psi.Length, psi.Length, (i, j) => psi[i] * Complex.Conjugate(psi[j]));
}
