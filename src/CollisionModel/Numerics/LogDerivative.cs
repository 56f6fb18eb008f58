using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Numerics;

/// <summary>
/// Fréchet derivative of the matrix logarithm at a positive definite σ = Σ λ_i |i⟩⟨i| (Daleckii–Krein):
/// [D ln_σ(X)]_ij = X_ij f(λ_i, λ_j) in σ's eigenbasis, f(x, y) = (ln x − ln y)/(x − y), f(x, x) = 1/x.
/// So d/dε ln(σ + εX) at ε = 0 equals D ln_σ(X); tr[σ D ln_σ(X)] = tr X.
/// </summary>
public static class LogDerivative
{
    /// <summary>
    /// The first divided difference of ln, accurate also when x ≈ y (series in (x − y)/y). Domain x, y &gt; 0; this
    /// scalar hot-path helper does not check it (non-positive input gives ∞ or NaN), the matrix entry points do.
    /// </summary>
    public static double DividedDifference(double x, double y)
    {
        if (x == y) return 1 / x;
        double u = (x - y) / y;
        if (Math.Abs(u) < 1e-3) return LogRatioSeries(u) / y;
        return (Math.Log(x) - Math.Log(y)) / (x - y);
    }

    /// <summary>
    /// D ln_σ(X) for σ given by its eigen-decomposition (all eigenvalues &gt; 0, else
    /// <see cref="NegativeEigenvalueException"/>; X of the same size, else <see cref="DimensionMismatchException"/>). O(n³).
    /// </summary>
    public static Matrix<Complex> Apply(HermitianEigenDecomposition sigma, Matrix<Complex> x) =>
        ScaleInEigenbasis(sigma, x, nameof(x), divide: false);

    /// <summary>The inverse map: D ln_σ⁻¹(Y), i.e. the X with D ln_σ(X) = Y (same domain checks as Apply). O(n³).</summary>
    public static Matrix<Complex> ApplyInverse(HermitianEigenDecomposition sigma, Matrix<Complex> y) =>
        ScaleInEigenbasis(sigma, y, nameof(y), divide: true);

    // D ln_σ is diagonal in σ's eigenbasis, entry (i, j) multiplied by the divided difference f(λ_i, λ_j); its inverse divides.
    private static Matrix<Complex> ScaleInEigenbasis(HermitianEigenDecomposition sigma, Matrix<Complex> x, string name, bool divide)
    {
        CheckArguments(sigma, x, name);
        var v = sigma.Vectors;
        var lam = sigma.Values;
        var inEigenbasis = v.ConjugateTranspose() * x * v;
        int n = lam.Length;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double f = DividedDifference(lam[i], lam[j]);
                inEigenbasis[i, j] = divide ? inEigenbasis[i, j] / f : inEigenbasis[i, j] * f;
            }
        }
        return v * inEigenbasis * v.ConjugateTranspose();
    }

    private static void CheckArguments(HermitianEigenDecomposition sigma, Matrix<Complex> x, string name)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        Guard.Dimension(x, sigma.Values.Length, name);
        foreach (double lambda in sigma.Values)
        {
            if (!(lambda > 0) || !double.IsFinite(lambda))
                throw new NegativeEigenvalueException(
                    $"The derivative of ln at σ needs σ positive definite, but σ has eigenvalue {lambda:G6}.", nameof(sigma));
        }
    }

    // ln(1+u)/u = 1 − u/2 + u²/3 − u³/4 + … (|u| < 1e-3: 8 terms reach full precision).
    private static double LogRatioSeries(double u)
    {
        double sum = 0, term = 1;
        for (int k = 1; k <= 8; k++)
        {
            sum += term / k;
            term *= -u;
        }
        return sum;
    }
}
