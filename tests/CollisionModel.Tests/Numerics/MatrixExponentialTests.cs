using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

public class MatrixExponentialTests
{
    private static Matrix<Complex> Taylor(Matrix<Complex> a, int terms)
    {
        int n = a.RowCount;
        var sum = Matrix<Complex>.Build.DenseIdentity(n);
        var term = Matrix<Complex>.Build.DenseIdentity(n);
        for (int k = 1; k <= terms; k++)
        {
            term = term * a / k;
            sum += term;
        }
        return sum;
    }

    [Theory]
    [InlineData(0.005)] // Padé 3
    [InlineData(0.2)]   // Padé 5
    [InlineData(0.8)]   // Padé 7
    [InlineData(1.8)]   // Padé 9
    [InlineData(4)]     // Padé 13, no scaling
    [InlineData(60)]    // scaling and squaring
    [InlineData(3000)]  // large norm
    public void ExpOfMinusIHt_EqualsEigenBasedPropagator(double normTarget)
    {
        var h = new QuantumRandom(51).Hermitian(6);
        h *= normTarget / h.L1Norm();
        var expected = Reference.HermitianFunction(h, x => Complex.Exp(-Complex.ImaginaryOne * x));
        var actual = MatrixExponential.Exp(-Complex.ImaginaryOne * h);
        // Error budget: eps · ‖H‖ grows through the squarings.
        Reference.AssertClose(expected, actual, 1e-14 * Math.Max(10, normTarget * 10), $"‖H‖₁ = {normTarget}");
        Reference.AssertClose(expected, MatrixFunctions.UnitaryPropagator(h, 1), 1e-14 * Math.Max(10, normTarget * 10), "UnitaryPropagator");
    }

    [Fact]
    public void ExpOfHermitian_EqualsEigenBasedExp()
    {
        var h = new QuantumRandom(52).Hermitian(5);
        var expected = Reference.HermitianFunction(h, x => Math.Exp(x));
        double scale = expected.FrobeniusNorm();
        Reference.AssertClose(expected, MatrixExponential.Exp(h), 1e-13 * scale, "Padé");
        Reference.AssertClose(expected, MatrixFunctions.ExpHermitian(h), 1e-13 * scale, "ExpHermitian");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.3)]
    [InlineData(1.5)]
    [InlineData(3)]
    [InlineData(8)]
    public void ExpOfRandomNonNormalMatrix_EqualsLongTaylorSeries(double normTarget)
    {
        var rng = new QuantumRandom(53);
        for (int trial = 0; trial < 10; trial++)
        {
            int n = 2 + trial % 4;
            var a = rng.Ginibre(n, n);
            a *= normTarget / a.L1Norm();
            var expected = Taylor(a, 150); // 8^150/150! ≈ 1e-127: truncation negligible
            double scale = expected.FrobeniusNorm() * Math.Exp(a.L1Norm()); // cancellation bound of the series
            Reference.AssertClose(expected, MatrixExponential.Exp(a), 1e-14 * scale, $"n={n}, ‖A‖₁={normTarget}");
        }
    }

    [Fact]
    public void ExpOfA_TimesExpOfMinusA_IsIdentity()
    {
        var rng = new QuantumRandom(54);
        for (int trial = 0; trial < 20; trial++)
        {
            var a = rng.Ginibre(4, 4) * (0.5 + trial * 0.25);
            var ea = MatrixExponential.Exp(a);
            var ema = MatrixExponential.Exp(-a);
            double bound = 1e-13 * ea.L1Norm() * ema.L1Norm();
            Reference.AssertClose(Matrix<Complex>.Build.DenseIdentity(4), ea * ema, bound, $"trial {trial}");
        }
    }

    [Fact]
    public void ExpOfLargeNonNormalTriangular_EqualsClosedForm()
    {
        // exp([[a, b], [0, c]]) = [[eᵃ, b (eᵃ − eᶜ)/(a − c)], [0, eᶜ]]; ‖A‖₁ ≈ 131 forces several squarings.
        double a = -30, b = 100, c = -31;
        var m = Reference.M(new Complex[,] { { a, b }, { 0, c } });
        var e = MatrixExponential.Exp(m);
        double e12 = b * (Math.Exp(a) - Math.Exp(c)) / (a - c);
        Reference.AssertClose(Math.Exp(a), e[0, 0].Real, 1e-12 * Math.Exp(a), "e11");
        Reference.AssertClose(e12, e[0, 1].Real, 1e-11 * e12, "e12");
        Reference.AssertClose(Math.Exp(c), e[1, 1].Real, 1e-12 * Math.Exp(c), "e22");
        Assert.True(e[1, 0].Magnitude <= 1e-14 * Math.Exp(c), $"e21 = {e[1, 0]}");
    }

    [Fact]
    public void ExpOfZero_IsIdentity_AndOfOneByOne_IsScalarExp()
    {
        Reference.AssertClose(Matrix<Complex>.Build.DenseIdentity(3), MatrixExponential.Exp(Matrix<Complex>.Build.Dense(3, 3)), 0);
        var z = new Complex(0.3, -2.0);
        Reference.AssertClose(Complex.Exp(z).Real, MatrixExponential.Exp(Reference.M(new[,] { { z } }))[0, 0].Real, 1e-15);
        Reference.AssertClose(Complex.Exp(z).Imaginary, MatrixExponential.Exp(Reference.M(new[,] { { z } }))[0, 0].Imaginary, 1e-15);
    }

    [Fact]
    public void ExpOfStiffDecayGenerator_EqualsClosedForm()
    {
        // Liouvillian-like stiffness: exp([[a, b], [0, 0]]) = [[eᵃ, b(eᵃ − 1)/a], [0, 1]] with a = −1000 (‖A‖₁ ≈ 1001).
        double a = -1000, b = 1;
        var e = MatrixExponential.Exp(Reference.M(new Complex[,] { { a, b }, { 0, 0 } }));
        Reference.AssertClose(0, e[0, 0].Magnitude, 1e-300, "e^{-1000} underflows to 0");
        Reference.AssertClose(b * (Math.Exp(a) - 1) / a, e[0, 1].Real, 1e-14, "e12 = 1e-3");
        Reference.AssertClose(1, e[1, 1].Real, 1e-14, "e22");
    }
}
