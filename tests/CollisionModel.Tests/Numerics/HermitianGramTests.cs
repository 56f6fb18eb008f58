using System.Numerics;
using CollisionModel.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

/// <summary>The blocked Gram kernel G = M M† against MathNet's product, over shapes that hit every edge of its blocking.</summary>
public class HermitianGramTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(4, 2)]
    [InlineData(7, 257)]
    [InlineData(65, 300)]
    [InlineData(130, 513)]
    public void Gram_matrix_equals_the_dense_product_M_M_dagger(int rows, int cols)
    {
        // Reference: MathNet's generic dense product M·M† (an independent implementation); tolerance 1e-13 of ‖M‖².
        var rng = new Random(rows * 1000 + cols);
        var data = new Complex[rows * cols];
        for (int i = 0; i < data.Length; i++) data[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        var m = Matrix<Complex>.Build.Dense(rows, cols, (i, t) => data[i * cols + t]);
        var expected = m * m.ConjugateTranspose();
        var gram = new Complex[rows * rows];
        HermitianGram.Compute(data, rows, cols, gram);
        double scale = cols;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < rows; j++)
                Assert.True((gram[i + j * rows] - expected[i, j]).Magnitude < 1e-13 * scale, $"G[{i},{j}]: {gram[i + j * rows]} vs {expected[i, j]}");
    }
}
