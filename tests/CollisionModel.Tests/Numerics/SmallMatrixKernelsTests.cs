using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

public class SmallMatrixKernelsTests
{
    private static Matrix<Complex> FromSpan(Complex[] data, int n) => Matrix<Complex>.Build.DenseOfColumnMajor(n, n, data);

    [Fact]
    public void Multiply_MultiplyAdjointRight_Conjugate_MatchMathNet_ForEveryNFrom1To16()
    {
        var rng = new QuantumRandom(81);
        for (int n = 1; n <= 16; n++)
        {
            var a = rng.Ginibre(n, n);
            var b = rng.Ginibre(n, n);
            var c = new Complex[n * n];
            var scratch = new Complex[n * n];
            double tol = 1e-13 * n;
            SmallMatrixKernels.Multiply(a.ToColumnMajorArray(), b.ToColumnMajorArray(), c, n);
            Reference.AssertClose(a * b, FromSpan(c, n), tol, $"AB n={n}");
            SmallMatrixKernels.MultiplyAdjointRight(a.ToColumnMajorArray(), b.ToColumnMajorArray(), c, n);
            Reference.AssertClose(a * b.ConjugateTranspose(), FromSpan(c, n), tol, $"AB† n={n}");
            var u = rng.Unitary(n);
            var rho = rng.MixedState(new CompositeSpace(n)).ToMatrix();
            SmallMatrixKernels.Conjugate(u.ToColumnMajorArray(), rho.ToColumnMajorArray(), c, scratch, n);
            Reference.AssertClose(u * rho * u.ConjugateTranspose(), FromSpan(c, n), tol, $"UρU† n={n}");
            Reference.AssertClose(a.Trace().Real, SmallMatrixKernels.Trace(a.ToColumnMajorArray(), n).Real, 1e-13 * n, $"tr n={n}");
        }
    }

    [Fact]
    public void Kron_MatchesMathNetKroneckerProduct_ForMixedSizes()
    {
        var rng = new QuantumRandom(82);
        foreach (var (m, p) in new[] { (1, 1), (1, 3), (2, 2), (2, 4), (4, 2), (3, 5) })
        {
            var a = rng.Ginibre(m, m);
            var b = rng.Ginibre(p, p);
            var dest = new Complex[m * m * p * p];
            SmallMatrixKernels.Kron(a.ToColumnMajorArray(), m, b.ToColumnMajorArray(), p, dest);
            Reference.AssertClose(a.KroneckerProduct(b), FromSpan(dest, m * p), 0, $"{m}⊗{p}");
        }
    }

    [Fact]
    public void EntropyOfMatrixSpan_MatchesMathNetEigenvalueEntropy_ForEveryNFrom1To16()
    {
        var rng = new QuantumRandom(83);
        for (int n = 1; n <= 16; n++)
        {
            var rho = rng.MixedState(new CompositeSpace(n));
            double s = Entropy.OfMatrix(rho.ColumnMajor, n, new double[n], new Complex[n * n]);
            Reference.AssertClose(Reference.Entropy(rho.ToMatrix()), s, 1e-12, $"n={n}");
        }
    }

    [Fact]
    public void HermitianPart_IsScaledHalfOfAPlusAdjoint_InPlaceAndOutOfPlace_ForEveryNFrom1To16()
    {
        var rng = new QuantumRandom(23);
        for (int n = 1; n <= 16; n++)
        {
            var a = rng.Ginibre(n, n);
            const double scale = 0.7;
            var reference = (scale * 0.5 * (a + a.ConjugateTranspose())).ToColumnMajorArray();
            var outOfPlace = new Complex[n * n];
            SmallMatrixKernels.HermitianPart(a.ToColumnMajorArray(), outOfPlace, n, scale);
            var inPlace = a.ToColumnMajorArray();
            SmallMatrixKernels.HermitianPart(inPlace, inPlace, n, scale);
            for (int k = 0; k < n * n; k++)
            {
                Assert.True((outOfPlace[k] - reference[k]).Magnitude <= 1e-15, $"n = {n}, entry {k}");
                Assert.Equal(outOfPlace[k], inPlace[k]);
            }
        }
    }

    [Fact]
    public void KernelsRejectTooShortSpans()
    {
        var ex = Assert.Throws<CollisionModel.Validation.DimensionMismatchException>(
            () => SmallMatrixKernels.Multiply(new Complex[4], new Complex[4], new Complex[3], 2));
        Assert.Contains("4 entries", ex.Message);
    }
}
