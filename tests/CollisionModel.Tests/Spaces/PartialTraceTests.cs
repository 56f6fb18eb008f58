using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Spaces;

public class PartialTraceTests
{
    private const double Tol = 1e-13;

    public static TheoryData<int[]> MixedDimensionSpaces => new()
    {
        new[] { 2, 3, 2 },
        new[] { 3, 2, 4 },
        new[] { 2, 2, 3, 2 },
        new[] { 3, 1, 2, 2 },
        new[] { 2, 3, 2, 1, 3 },
        new[] { 2, 2, 2, 2, 2 },
    };

    private static Matrix<Complex> RandomOperator(QuantumRandom rng, int n) => rng.Ginibre(n, n); // not Hermitian: order errors cannot hide

    [Theory]
    [MemberData(nameof(MixedDimensionSpaces))]
    public void Apply_OnEveryKeptSubset_EqualsExplicitNestedSum(int[] dims)
    {
        var space = new CompositeSpace(dims);
        var rng = new QuantumRandom(11);
        var op = RandomOperator(rng, space.Dimension);
        var data = op.ToColumnMajorArray();
        foreach (var keep in BruteForce.AllSubsets(dims.Length))
        {
            var map = new PartialTraceMap(space, keep);
            var dest = new Complex[map.KeptDimension * map.KeptDimension];
            map.Apply(data, dest);
            var actual = Matrix<Complex>.Build.DenseOfColumnMajor(map.KeptDimension, map.KeptDimension, dest);
            Reference.AssertClose(BruteForce.PartialTrace(op, dims, keep), actual, Tol, $"keep [{string.Join(",", keep)}] of {space}");
        }
    }

    [Theory]
    [MemberData(nameof(MixedDimensionSpaces))]
    public void ApplyToKet_OnEveryKeptSubset_EqualsNestedSumOfOuterProduct(int[] dims)
    {
        var space = new CompositeSpace(dims);
        var psi = new QuantumRandom(12).Ket(space);
        var outer = BruteForce.Outer(psi.Amplitudes);
        foreach (var keep in BruteForce.AllSubsets(dims.Length))
        {
            var map = new PartialTraceMap(space, keep);
            var dest = new Complex[map.KeptDimension * map.KeptDimension];
            map.ApplyToKet(psi.Amplitudes, dest);
            var actual = Matrix<Complex>.Build.DenseOfColumnMajor(map.KeptDimension, map.KeptDimension, dest);
            Reference.AssertClose(BruteForce.PartialTrace(outer, dims, keep), actual, Tol, $"keep [{string.Join(",", keep)}] of {space}");
        }
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 0 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 2, 0 })]
    [InlineData(new[] { 2, 3, 2, 3 }, new[] { 3, 1 })]
    [InlineData(new[] { 2, 3, 2, 3 }, new[] { 2, 0, 3 })]
    [InlineData(new[] { 3, 2, 2, 1, 2 }, new[] { 4, 2, 0 })]
    public void KeptListOrder_IsOutputSubsystemOrder_ForOperatorsAndKets(int[] dims, int[] keep)
    {
        var space = new CompositeSpace(dims);
        var rng = new QuantumRandom(13);
        var op = RandomOperator(rng, space.Dimension);
        var psi = rng.Ket(space);
        var map = new PartialTraceMap(space, keep);
        int m = map.KeptDimension;
        var dest = new Complex[m * m];
        map.Apply(op.ToColumnMajorArray(), dest);
        Reference.AssertClose(BruteForce.PartialTrace(op, dims, keep), Matrix<Complex>.Build.DenseOfColumnMajor(m, m, dest), Tol, "operator");
        map.ApplyToKet(psi.Amplitudes, dest);
        Reference.AssertClose(BruteForce.PartialTrace(BruteForce.Outer(psi.Amplitudes), dims, keep),
            Matrix<Complex>.Build.DenseOfColumnMajor(m, m, dest), Tol, "ket");
        Assert.Equal(keep.Select(k => dims[k]), map.KeptSpace.Dimensions);
    }

    [Fact]
    public void TracingOutMiddleOfThreeQubits_GivesAtensorC_NotCtensorA()
    {
        // Regression (subsystem order): tr_B(ρA⊗ρB⊗ρC) must be ρA⊗ρC. Same-dimension factors so a swap is not caught by the shape.
        var rng = new QuantumRandom(14);
        var q = CompositeSpace.Qubits(1);
        var a = rng.MixedState(q);
        var b = rng.MixedState(q);
        var c = rng.MixedState(q);
        var abc = DensityMatrix.Product(a, b, c);
        var expected = a.ToMatrix().KroneckerProduct(c.ToMatrix());
        var swapped = c.ToMatrix().KroneckerProduct(a.ToMatrix());
        Assert.True(Reference.MaxAbsDiff(expected, swapped) > 1e-3, "test needs distinguishable orders");
        Reference.AssertClose(expected, abc.TraceOut(1).ToMatrix(), 1e-14, "tr_B(ABC)");
        Reference.AssertClose(expected, abc.Reduced(0, 2).ToMatrix(), 1e-14, "Reduced(0, 2)");
        Reference.AssertClose(swapped, abc.Reduced(2, 0).ToMatrix(), 1e-14, "Reduced(2, 0) is C⊗A");
    }

    [Fact]
    public void PartialTraceOfProductState_ReturnsEachFactor_On200RandomStates()
    {
        var rng = new QuantumRandom(15);
        int[][] shapes = [[2], [3], [2, 2], [4], [1]];
        for (int trial = 0; trial < 200; trial++)
        {
            var x = rng.MixedState(new CompositeSpace(shapes[trial % shapes.Length]));
            var y = rng.MixedState(new CompositeSpace(shapes[(trial / 5) % shapes.Length]));
            var xy = DensityMatrix.Product(x, y);
            int nx = x.Space.Count;
            var keepX = Enumerable.Range(0, nx).ToArray();
            var keepY = Enumerable.Range(nx, y.Space.Count).ToArray();
            Reference.AssertClose(x.ToMatrix(), xy.Reduced(keepX).ToMatrix(), 1e-14, $"trial {trial}: tr_Y");
            Reference.AssertClose(y.ToMatrix(), xy.Reduced(keepY).ToMatrix(), 1e-14, $"trial {trial}: tr_X");
        }
    }

    [Fact]
    public void KeepingNothing_GivesTheTrace()
    {
        var space = new CompositeSpace(2, 3);
        var rho = new QuantumRandom(16).MixedState(space);
        var t = rho.Reduced();
        Assert.Equal(1, t.Dimension);
        Reference.AssertClose(1.0, t[0, 0].Real, 1e-14, "tr ρ");
    }

    [Fact]
    public void DensityMatrixReduced_ThroughCachedMap_MatchesBruteForce()
    {
        int[] dims = [2, 3, 2];
        var space = new CompositeSpace(dims);
        var rho = new QuantumRandom(17).MixedState(space);
        var map = new PartialTraceMap(space, [2, 1]);
        Reference.AssertClose(BruteForce.PartialTrace(rho.ToMatrix(), dims, [2, 1]), rho.Reduced(map).ToMatrix(), Tol);
    }
}
