using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

public class DenseSpectrumTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(37)]
    [InlineData(200)]
    public void Eigenvalues_equal_mathnets_full_decomposition(int n)
    {
        // Reference: MathNet's Hermitian eigendecomposition (Reference.HermitianEigenvalues), to 1e-11 of a spectrum of norm ~√n.
        var rng = new Random(n);
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var h = g + g.ConjugateTranspose();
        var expected = Reference.HermitianEigenvalues(h).Order().ToArray();
        var actual = DenseSpectrum.Eigenvalues(h.ToColumnMajorArray(), n).Order().ToArray();
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-11, $"λ_{i}: {expected[i]:R} vs {actual[i]:R}");
    }

    [Fact]
    public void A_block_diagonal_matrix_with_zero_columns_keeps_its_spectrum()
    {
        // Columns already tridiagonal (the reflection is skipped): diag(3, −1) ⊕ a 2×2 block with eigenvalues 1 ± |0.5 + 0.5i| = 1 ± √0.5.
        var h = Matrix<Complex>.Build.Dense(4, 4);
        h[0, 0] = 3; h[1, 1] = -1; h[2, 2] = 1; h[3, 3] = 1; h[2, 3] = new Complex(0.5, 0.5); h[3, 2] = new Complex(0.5, -0.5);
        var actual = DenseSpectrum.Eigenvalues(h.ToColumnMajorArray(), 4).Order().ToArray();
        double[] expected = [-1, 1 - Math.Sqrt(0.5), 1 + Math.Sqrt(0.5), 3];
        for (int i = 0; i < 4; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-14, $"λ_{i}: {expected[i]:R} vs {actual[i]:R}");
    }
}
