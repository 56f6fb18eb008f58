using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Tests.Studies;

/// <summary>The fitted order is a statement about discretisation error, so it is null when there is none to fit.</summary>
public class ConvergenceOrderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExactAnglesLeaveOnlyRoundingNoiseSoTheOrderIsNull(bool decay)
    {
        // Exact angles reproduce the master equation at every k: every distance is ~1e-16, below 32ε ≈ 7.1e-15.
        var model = decay
            ? PaperModels.Decay(1, 0.5, omega: 0, a: Math.Sqrt(0.5), AngleConvention.Exact, mixedEnvironment: true)
            : PaperModels.Dephasing(1, omega: 0, a: Math.Sqrt(0.5), AngleConvention.Exact);
        var result = ConvergenceStudy.Run(model, 1, [10, 100, 1000, 100_000]);
        Assert.All(result.Records, r => Assert.True(r.TraceDistance <= ConvergenceStudy.RoundingLevel, $"k = {r.Steps}: {r.TraceDistance:G3}"));
        Assert.Null(result.Order);
    }

    [Fact]
    public void NoisePointsAreLeftOutOfTheFit()
    {
        // Distances d = 1/k for k = 10, 100, 1000 (slope exactly 1) plus two noise-level distances that would pull the
        // slope elsewhere if fitted.
        var state = DensityMatrix.MaximallyMixed(DensityMatrix.DefaultSpace(4));
        ConvergenceRecord R(long k, double d) => new(k, d, 0, null, state);
        double? order = ConvergenceStudy.FitOrder([R(10, 0.1), R(100, 0.01), R(1000, 0.001), R(1_000_000, 2e-16), R(1_000_000_000, 1e-16)]);
        Assert.Equal(1.0, order!.Value, 1e-12);
    }

    [Fact]
    public void TheSmallestGenuineDistanceAtATrillionCollisionsIsStillFitted()
    {
        // Paper angle, unit rates: d ≈ e^{−ηT}η²T²/(4k)·... ≈ 9e-14 at k = 10¹², above the rounding level; order ≈ 1.
        var result = ConvergenceStudy.Run(PaperModels.Dephasing(1, omega: 0, a: Math.Sqrt(0.5)), 1, [1_000_000_000, 1_000_000_000_000]);
        Assert.True(result.Records[^1].TraceDistance > ConvergenceStudy.RoundingLevel);
        Assert.InRange(result.Order!.Value, 0.99, 1.01);
    }
}
