using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

public class HermitianEigenTests
{
    private static void AssertDecomposition(Matrix<Complex> a, HermitianEigenDecomposition e, string what)
    {
        int n = a.RowCount;
        double norm = Math.Max(a.FrobeniusNorm(), 1e-300);
        var reference = Reference.HermitianEigenvalues(a);
        for (int i = 0; i < n; i++)
            Reference.AssertClose(reference[i], e.Values[i], 1e-12 * norm, $"{what}: eigenvalue {i}");
        for (int i = 1; i < n; i++) Assert.True(e.Values[i - 1] <= e.Values[i], $"{what}: not ascending");
        var v = e.Vectors;
        var rebuilt = v * Matrix<Complex>.Build.DenseOfDiagonalArray(e.Values.Select(x => (Complex)x).ToArray()) * v.ConjugateTranspose();
        Reference.AssertClose(a, rebuilt, 1e-12 * norm, $"{what}: V Λ V†");
        Reference.AssertClose(Matrix<Complex>.Build.DenseIdentity(n), v.ConjugateTranspose() * v, 1e-12, $"{what}: V†V");
    }

    [Fact]
    public void JacobiAndDecompose_MatchMathNetEvd_OnRandomHermitianSizes1To40()
    {
        var rng = new QuantumRandom(41);
        for (int n = 1; n <= 40; n++)
        {
            var a = rng.Hermitian(n);
            // Jacobi directly (the Decompose front end switches to MathNet above 32).
            var work = a.ToColumnMajorArray();
            var values = new double[n];
            var vectors = new Complex[n * n];
            JacobiEigenSolver.Solve(work, n, values, vectors);
            AssertDecomposition(a, new HermitianEigenDecomposition(values, Matrix<Complex>.Build.DenseOfColumnMajor(n, n, vectors)), $"Jacobi n={n}");
            AssertDecomposition(a, HermitianEigen.Decompose(a), $"Decompose n={n}");
        }
    }

    [Theory]
    [InlineData(6, new[] { 1.0, 1.0, 1.0, 2.0, 2.0, -3.0 })]
    [InlineData(16, new[] { 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 })]
    [InlineData(4, new[] { 0.5, 0.5, 0.5, 0.5 })]
    public void DegenerateSpectra_AreReproducedWithOrthonormalVectors(int n, double[] spectrum)
    {
        var u = new QuantumRandom(42).Unitary(n);
        var a = u * Reference.Diag(spectrum) * u.ConjugateTranspose();
        a = 0.5 * (a + a.ConjugateTranspose());
        var e = HermitianEigen.Decompose(a);
        var sorted = spectrum.OrderBy(x => x).ToArray();
        for (int i = 0; i < n; i++) Reference.AssertClose(sorted[i], e.Values[i], 1e-13, $"eigenvalue {i}");
        AssertDecomposition(a, e, "degenerate");
    }

    [Fact]
    public void AlreadyDiagonalInput_GivesExactSortedValuesAndPermutationVectors()
    {
        var a = Reference.Diag(3, -1, 2, 0.5);
        var e = HermitianEigen.Decompose(a);
        Assert.Equal(new[] { -1, 0.5, 2, 3 }, e.Values);
        Reference.AssertClose(a, e.Vectors * Reference.Diag(e.Values) * e.Vectors.ConjugateTranspose(), 0, "exact rebuild");
    }

    [Fact]
    public void OneByOne_IsItsOwnEigenvalueWithUnitVector()
    {
        var e = HermitianEigen.Decompose(Reference.Diag(3.5));
        Assert.Equal(new[] { 3.5 }, e.Values);
        Assert.Equal(Complex.One, e.Vectors[0, 0]);
    }

    [Fact]
    public void SpanEigenvalues_MatchMathNet_AndLeaveInputUntouched()
    {
        var rng = new QuantumRandom(43);
        // One n per kernel the entry point dispatches to: closed form (1, 2), Householder + QL (4 … 32), dense (40).
        foreach (int n in new[] { 1, 2, 4, 8, 16, 32, 40 })
        {
            var a = rng.Hermitian(n);
            var data = a.ToColumnMajorArray();
            var copy = (Complex[])data.Clone();
            var values = new double[n];
            HermitianEigen.Eigenvalues(data, n, values, new Complex[n * n]);
            Array.Sort(values); // the span entry point returns the spectrum unsorted
            var reference = Reference.HermitianEigenvalues(a);
            for (int i = 0; i < n; i++) Reference.AssertClose(reference[i], values[i], 1e-12 * a.FrobeniusNorm());
            Assert.Equal(copy, data);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void SpanDecompose_ReconstructsTheMatrix_WithAscendingValues(int n)
    {
        // Independent check: V diag(λ) V† = A and V†V = 1, whichever kernel (4×4 specialisation or Jacobi) ran.
        var a = new QuantumRandom(7 + n).Hermitian(n);
        var values = new double[n];
        var vectors = new Complex[n * n];
        HermitianEigen.Decompose(a.ToColumnMajorArray(), n, values, vectors, new Complex[n * n]);
        var v = Matrix<Complex>.Build.DenseOfColumnMajor(n, n, vectors);
        var rebuilt = v * Matrix<Complex>.Build.DiagonalOfDiagonalArray(values.Select(x => new Complex(x, 0)).ToArray()) * v.ConjugateTranspose();
        Assert.True((rebuilt - a).FrobeniusNorm() < 1e-13 * a.FrobeniusNorm());
        Assert.True((v.ConjugateTranspose() * v - Matrix<Complex>.Build.DenseIdentity(n)).FrobeniusNorm() < 1e-13);
        Assert.True(values.Zip(values.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void HermitianWithTinyImaginaryNoise_HasRealEigenvaluesMatchingTheCleanMatrix()
    {
        // Regression (complex contamination from a non-Hermitian eigensolver): eigenvalues are real doubles and
        // skew noise of 1e-14 moves them by no more than the noise.
        var rng = new QuantumRandom(44);
        var clean = rng.Hermitian(5);
        var noisy = clean + 1e-14 * rng.Ginibre(5, 5);
        double[] values = HermitianEigen.Eigenvalues(noisy);
        var reference = Reference.HermitianEigenvalues(clean);
        for (int i = 0; i < 5; i++) Reference.AssertClose(reference[i], values[i], 1e-13);
    }

    [Fact]
    public void MapOfDecomposition_SquareIsMatrixSquared()
    {
        var a = new QuantumRandom(45).Hermitian(7);
        Reference.AssertClose(a * a, HermitianEigen.Decompose(a).Map(x => x * x), 1e-12 * (a * a).FrobeniusNorm());
    }

    [Theory]
    [InlineData(1e-150)]
    [InlineData(1e150)]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    public void ExtremelyScaledMatrices_GiveScaledEigenvalues(double scale)
    {
        // Squared norms of such entries under/overflow; the solver must not stop on an ∞ ≤ ∞ or 0 ≤ 0 test.
        var a = new QuantumRandom(46).Hermitian(6);
        var reference = Reference.HermitianEigenvalues(a);
        var values = HermitianEigen.Decompose(a * scale).Values;
        for (int i = 0; i < 6; i++)
            Reference.AssertClose(reference[i], values[i] / scale, 1e-12 * a.FrobeniusNorm(), $"eigenvalue {i} at scale {scale}");
    }
}
