using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Numerics;

/// <summary>The specialised 4×4 eigensolver of the REE solver against the library's reference decomposition.</summary>
public class Hermitian4EigenTests
{
    [Fact]
    public void EigenpairsMatchReferenceDecomposition_AndReconstructTheMatrix_To1e13()
    {
        var rng = new QuantumRandom(17);
        for (int k = 0; k < 200; k++)
        {
            var h = rng.Hermitian(4);
            if (k % 3 == 0) h[0, 3] = h[3, 0] = 0; // sparse X-like patterns too
            var values = new double[4];
            var vectors = new Complex[16];
            Hermitian4Eigen.Solve(h.ToColumnMajorArray(), values, vectors);
            var reference = HermitianEigen.Decompose(h).Values;
            for (int i = 0; i < 4; i++) Assert.Equal(reference[i], values[i], 1e-13);
            var v = Matrix<Complex>.Build.DenseOfColumnMajor(4, 4, vectors);
            var rebuilt = v * Matrix<Complex>.Build.DenseOfDiagonalArray(values.Select(x => new Complex(x, 0)).ToArray()) * v.ConjugateTranspose();
            Assert.True((rebuilt - h).L2Norm() < 1e-13 * Math.Max(1, h.L2Norm()));
            Assert.True((v.ConjugateTranspose() * v - Matrix<Complex>.Build.DenseIdentity(4)).L2Norm() < 1e-13);
        }
    }
}
