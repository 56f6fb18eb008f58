using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;

namespace CollisionModel.Tests.Numerics;

/// <summary>The Householder + QL eigenvalue kernel of the per-collision entropies against the library's reference eigensolver.</summary>
public class SmallHermitianEigenvaluesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public void Spectrum_of_random_Hermitian_and_rank_deficient_matrices_matches_the_reference_solver(int n)
    {
        var rng = new QuantumRandom(100 + n);
        for (int trial = 0; trial < 20; trial++)
        {
            var h = trial switch
            {
                < 8 => rng.Hermitian(n),
                < 16 => rng.MixedState(new CollisionModel.Spaces.CompositeSpace(n), rank: 1 + trial % Math.Max(1, n - 1)).ToMatrix(),
                _ => MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseDiagonal(n, n, i => i % 2 == 0 ? 0.5 : 0.0),
            };
            var reference = HermitianEigen.Eigenvalues(h);
            var values = new double[n];
            SmallHermitianEigenvalues.Compute(h.ToColumnMajorArray(), n, values, new Complex[n * n]);
            Array.Sort(values);
            double scale = Math.Max(1, reference.Max(Math.Abs));
            for (int i = 0; i < n; i++) Assert.True(Math.Abs(reference[i] - values[i]) < 1e-13 * scale, $"n={n} trial={trial} λ{i}: {values[i]} vs {reference[i]}");
        }
    }
}
