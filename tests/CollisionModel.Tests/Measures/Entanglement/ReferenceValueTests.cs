using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using static CollisionModel.Tests.Measures.Entanglement.ReeTestStates;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>Every E_R value of docs/conventions.md §4's table, to 1e-7 nats, with the certificate bracketing it.</summary>
public class ReferenceValueTests
{
    private static void AssertReference(Func<CollisionModel.States.DensityMatrix> build, double expected, double tolerance = 1e-7)
    {
        var rho = build();
        var result = RelativeEntropyOfEntanglement.Compute(rho);
        Assert.True(result.Converged, $"not converged, gap {result.Gap:G3}");
        Assert.Equal(expected, result.Value, tolerance);
        Assert.True(result.LowerBound <= expected + 1e-8, $"lower bound {result.LowerBound} above the reference {expected}");
        // The general solver (no fast paths) must agree too.
        var general = RelativeEntropyOfEntanglement.Compute(rho, new ReeOptions { UseFastPaths = false });
        Assert.Equal(expected, general.Value, tolerance);
        Assert.True(general.LowerBound <= expected + 1e-8, $"general lower bound {general.LowerBound} above the reference {expected}");
    }

    [Fact]
    public void PureState_Cos8_EqualsEntropyOfEntanglement_0_41649553() =>
        AssertReference(() => Pure(Math.Cos(Math.PI / 8), 0, 0, Math.Sin(Math.PI / 8)), 0.41649553);

    [Fact]
    public void BellDiagonal_0_7_EqualsLn2MinusBinaryEntropy_0_08228288() =>
        AssertReference(() => BellDiagonal(0.7, 0.1, 0.1, 0.1), 0.08228288);

    [Fact]
    public void Werner_SingletFidelity0_8_Is_0_19274476() =>
        AssertReference(() => BellDiagonal(0.2 / 3, 0.2 / 3, 0.2 / 3, 0.8), 0.19274476);

    [Fact]
    public void MaximallyCorrelated_0_6_0_3_Is_0_19594611() =>
        AssertReference(() => FromRows(new double[,] { { .6, 0, 0, .3 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { .3, 0, 0, .4 } }), 0.19594611);

    [Theory]
    [InlineData(0.3, 0.02660972)]
    [InlineData(0.5, 0.08494952)]
    [InlineData(0.8, 0.29110317)]
    public void BellPlusProductMixture_MatchesTable(double lambda, double expected) =>
        AssertReference(() => FromRows(new double[,]
        {
            { lambda / 2, 0, 0, lambda / 2 }, { 0, 1 - lambda, 0, 0 }, { 0, 0, 0, 0 }, { lambda / 2, 0, 0, lambda / 2 },
        }), expected);

    [Fact]
    public void Eq5_Decay_Gamma1_Kappa0_T0_5_Is_0_28372190()
    {
        var rho = Eq5(Math.Sqrt(0.5), 1, 0, 0, 0, 0.5);
        Assert.Equal(0.778801, Concurrence.Wootters(rho), 1e-6);
        AssertReference(() => rho, 0.28372190);
    }

    [Fact]
    public void Eq5_Gamma1_Kappa0_5_T0_5_Is_0_09955433()
    {
        var rho = Eq5(Math.Sqrt(0.5), 1, 0.5, 0, 0, 0.5);
        Assert.Equal(0.438560, Concurrence.Wootters(rho), 1e-6);
        AssertReference(() => rho, 0.09955433);
    }

    [Fact]
    public void PrintedXState_InverseProblemInstance_Is_0_0971558() =>
        // The table prints this value to 7 digits, so it is checked to 1e-7 (half an ulp of the print).
        AssertReference(() => FromRows(new double[,]
        {
            { .3729, 0, 0, .313631 }, { 0, .125, 0, 0 }, { 0, 0, .075, 0 }, { .313631, 0, 0, .4271 },
        }), 0.0971558, 1.5e-7);
}
