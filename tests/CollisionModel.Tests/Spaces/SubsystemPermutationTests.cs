using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Spaces;

public class SubsystemPermutationTests
{
    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 0, 1 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 0, 2 })]
    [InlineData(new[] { 2, 3, 2, 3 }, new[] { 3, 2, 1, 0 })]
    public void Apply_MatchesExplicitDigitPermutation(int[] dims, int[] order)
    {
        var space = new CompositeSpace(dims);
        var op = new QuantumRandom(21).Ginibre(space.Dimension, space.Dimension);
        var perm = new SubsystemPermutation(space, order);
        var dest = new Complex[op.RowCount * op.RowCount];
        perm.Apply(op.ToColumnMajorArray(), dest);
        Reference.AssertClose(BruteForce.Permute(op, dims, order),
            Matrix<Complex>.Build.DenseOfColumnMajor(op.RowCount, op.RowCount, dest), 0);
        Assert.Equal(order.Select(k => dims[k]), perm.Target.Dimensions);
    }

    [Fact]
    public void PermutingAProductKet_ReordersItsFactors()
    {
        var rng = new QuantumRandom(22);
        var a = rng.Ket(new CompositeSpace(2));
        var b = rng.Ket(new CompositeSpace(3));
        var c = rng.Ket(new CompositeSpace(4));
        var abc = Ket.Product(a, b, c);
        var cab = Ket.Product(c, a, b);
        var perm = new SubsystemPermutation(abc.Space, [2, 0, 1]);
        var dest = new Complex[abc.Space.Dimension];
        perm.ApplyToKet(abc.Amplitudes, dest);
        for (int i = 0; i < dest.Length; i++) Assert.True((cab[i] - dest[i]).Magnitude < 1e-15, $"amplitude {i}"); // products in another order: a few ulps
    }

    [Fact]
    public void DensityMatrixPermute_OfProduct_IsProductInNewOrder()
    {
        var rng = new QuantumRandom(23);
        var a = rng.MixedState(new CompositeSpace(2));
        var b = rng.MixedState(new CompositeSpace(3));
        var ab = DensityMatrix.Product(a, b);
        Reference.AssertClose(DensityMatrix.Product(b, a).ToMatrix(), ab.Permute(1, 0).ToMatrix(), 1e-15);
    }
}
