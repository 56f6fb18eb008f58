using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

public class LogDerivativeTests
{
    private static Matrix<Complex> Ln(Matrix<Complex> a) => Reference.HermitianFunction(a, x => Math.Log(x));

    private static Matrix<Complex> FullRankState(QuantumRandom rng, int n)
    {
        // Mix with 1/n so the smallest eigenvalue is ≥ 0.2/n: keeps the finite difference well conditioned.
        var rho = rng.MixedState(new CompositeSpace(n)).ToMatrix();
        return 0.8 * rho + 0.2 / n * Matrix<Complex>.Build.DenseIdentity(n);
    }

    [Fact]
    public void Apply_EqualsCentralFiniteDifferenceOfLn()
    {
        var rng = new QuantumRandom(61);
        foreach (int n in new[] { 2, 3, 4, 6 })
        {
            var sigma = FullRankState(rng, n);
            var x = rng.Hermitian(n);
            x /= x.FrobeniusNorm();
            const double eps = 1e-5;
            var fd = (Ln(sigma + eps * x) - Ln(sigma - eps * x)) / (2 * eps);
            var d = LogDerivative.Apply(HermitianEigen.Decompose(sigma), x);
            // Central difference: truncation ≈ ε²‖D³ln‖ ≤ 1e-10 · 2/λ_min³, round-off ≈ 1e-16/ε.
            Reference.AssertClose(fd, d, 1e-7, $"n={n}");
        }
    }

    [Fact]
    public void TraceOfSigmaTimesDerivative_EqualsTraceOfX()
    {
        var rng = new QuantumRandom(62);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = 2 + trial % 5;
            var sigma = FullRankState(rng, n);
            var x = rng.Ginibre(n, n);
            var d = LogDerivative.Apply(HermitianEigen.Decompose(sigma), x);
            var lhs = (sigma * d).Trace();
            var rhs = x.Trace();
            Assert.True((lhs - rhs).Magnitude < 1e-12 * Math.Max(1, rhs.Magnitude), $"trial {trial}: {lhs} vs {rhs}");
        }
    }

    [Fact]
    public void ApplyInverse_UndoesApply()
    {
        var rng = new QuantumRandom(63);
        var sigma = FullRankState(rng, 5);
        var e = HermitianEigen.Decompose(sigma);
        var x = rng.Hermitian(5);
        Reference.AssertClose(x, LogDerivative.ApplyInverse(e, LogDerivative.Apply(e, x)), 1e-12 * x.FrobeniusNorm());
        Reference.AssertClose(x, LogDerivative.Apply(e, LogDerivative.ApplyInverse(e, x)), 1e-12 * x.FrobeniusNorm());
    }

    [Fact]
    public void DerivativeAtCommutingPoint_IsSigmaInverseTimesX()
    {
        // When X commutes with σ, D ln_σ(X) = σ⁻¹ X.
        var sigma = Reference.Diag(0.1, 0.2, 0.7);
        var x = Reference.Diag(1, -2, 3);
        var d = LogDerivative.Apply(HermitianEigen.Decompose(sigma), x);
        Reference.AssertClose(Reference.Diag(10, -10, 3 / 0.7), d, 1e-13);
    }

    [Theory]
    [InlineData(0.3, 0.3)]
    [InlineData(0.3, 0.3000000001)]
    [InlineData(0.3, 0.30029)]
    [InlineData(0.3, 0.30031)]
    [InlineData(0.3, 0.9)]
    [InlineData(0.05, 0.5)]
    public void DividedDifference_EqualsIntegralFormula(double x, double y)
    {
        // (ln x − ln y)/(x − y) = ∫₀¹ dt / (t x + (1 − t) y), evaluated by 2000-point Gauss–Legendre-free Simpson.
        int m = 200000;
        double h = 1.0 / m, s = 0;
        for (int k = 0; k <= m; k++)
        {
            double t = k * h, w = k == 0 || k == m ? 1 : k % 2 == 1 ? 4 : 2;
            s += w / (t * x + (1 - t) * y);
        }
        s *= h / 3;
        double tol = Math.Abs(x - y) > 0.1 ? 1e-6 * s : 1e-12 * s; // Simpson error grows with the curvature
        Reference.AssertClose(s, LogDerivative.DividedDifference(x, y), tol, $"f({x}, {y})");
    }

    // Goldberg's accurate ln(1 + u): exact to a few ulps without a series.
    private static double Log1P(double u)
    {
        double w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    [Fact]
    public void DividedDifference_IsContinuousAcrossTheSeriesSwitch()
    {
        double y = 0.37;
        double below = LogDerivative.DividedDifference(y * (1 + 0.999999e-3), y);
        double above = LogDerivative.DividedDifference(y * (1 + 1.000001e-3), y);
        double exactBelow = Log1P(0.999999e-3) / (y * 0.999999e-3);
        double exactAbove = Log1P(1.000001e-3) / (y * 1.000001e-3);
        Reference.AssertClose(exactBelow, below, 1e-15 * exactBelow, "series side");
        Reference.AssertClose(exactAbove, above, 1e-12 * exactAbove, "log side");
    }
}
