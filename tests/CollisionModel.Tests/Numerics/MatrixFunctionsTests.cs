using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Numerics;

public class MatrixFunctionsTests
{
    [Fact]
    public void SqrtSquared_IsTheMatrix_ForRandomStatesIncludingRankDeficient()
    {
        var rng = new QuantumRandom(71);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 2 + trial % 5;
            var a = rng.MixedState(new CompositeSpace(n), rank: 1 + trial % n).ToMatrix();
            var s = MatrixFunctions.Sqrt(a);
            Reference.AssertClose(a, s * s, 1e-13, $"trial {trial}");
            Reference.AssertClose(s, s.ConjugateTranspose(), 1e-14, "√A Hermitian");
        }
    }

    [Fact]
    public void Power_MatchesRepeatedProductsAndInverse()
    {
        var rng = new QuantumRandom(72);
        var a = rng.MixedState(new CompositeSpace(4)).ToMatrix();
        Reference.AssertClose(a * a * a, MatrixFunctions.Power(a, 3), 1e-14, "A³");
        Reference.AssertClose(a.Inverse(), MatrixFunctions.Power(a, -1), 1e-10 * a.Inverse().FrobeniusNorm(), "A⁻¹");
        Reference.AssertClose(MatrixFunctions.Sqrt(a), MatrixFunctions.Power(a, 0.5), 1e-13, "A^½");
    }

    [Fact]
    public void LogOnSupport_IsLnOnSupportAndZeroOnKernel()
    {
        var u = new QuantumRandom(73).Unitary(4);
        var a = u * Reference.Diag(0.6, 0.4, 0, 0) * u.ConjugateTranspose();
        var expected = u * Reference.Diag(Math.Log(0.6), Math.Log(0.4), 0, 0) * u.ConjugateTranspose();
        Reference.AssertClose(expected, MatrixFunctions.LogOnSupport(a), 1e-12);
    }

    [Fact]
    public void ExpOfLog_ReturnsFullRankState()
    {
        var a = new QuantumRandom(74).MixedState(new CompositeSpace(5)).ToMatrix();
        Reference.AssertClose(a, MatrixFunctions.ExpHermitian(MatrixFunctions.LogOnSupport(a)), 1e-12);
    }

    [Fact]
    public void NegativeEigenvalueBeyondTolerance_Throws()
    {
        var ex = Assert.Throws<NegativeEigenvalueException>(() => MatrixFunctions.Sqrt(Reference.Diag(1, -1e-6)));
        Assert.Contains("not positive semidefinite", ex.Message);
        // −1e−15 is rounding noise and is accepted (clipped to 0).
        Reference.AssertClose(Reference.Diag(1, 0), MatrixFunctions.Sqrt(Reference.Diag(1, -1e-15)), 0);
    }
}
