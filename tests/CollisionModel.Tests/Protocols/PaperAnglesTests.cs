using CollisionModel.Numerics;
using CollisionModel.Protocols;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Protocols;

public class PaperAnglesTests
{
    [Fact]
    public void PaperDephasingOverlapIsOneMinusEtaDtToFullRelativePrecision()
    {
        double eta = 1, dt = 1e-12;
        double theta = PaperAngles.Dephasing(eta, dt, AngleConvention.Paper);
        double oneMinusCos = 2 * Math.Pow(Math.Sin(theta / 2), 2);
        Assert.Equal(eta * dt, oneMinusCos, 1e-15 * eta * dt);
    }

    [Fact]
    public void ExactPartialSwapHasCosSquaredEqualToTheDecayFactor()
    {
        double theta = PaperAngles.Decay(1.5, 0.01, AngleConvention.Exact);
        Assert.Equal(Math.Exp(-0.015), Math.Cos(theta) * Math.Cos(theta), 1e-15);
    }

    [Fact]
    public void PaperDephasingRejectsAnOverlapBelowMinusOne()
    {
        var e = Assert.Throws<ParameterOutOfRangeException>(() => PaperAngles.Dephasing(3, 1, AngleConvention.Paper));
        Assert.Contains("more steps", e.Message);
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(3e-6)]
    [InlineData(0.2)]
    [InlineData(-0.2)]
    [InlineData(2)]
    public void Expm1IsAccurateAcrossScales(double x)
    {
        double reference = (double)DecimalExp((decimal)x) - 1;
        double series = x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24;
        double expected = Math.Abs(x) < 1e-3 ? series : reference;
        Assert.Equal(expected, ScalarExpm1.Compute(x), 1e-15 * Math.Max(Math.Abs(expected), 1e-300) + 1e-30);
    }

    private static decimal DecimalExp(decimal x)
    {
        decimal sum = 1, term = 1;
        for (int n = 1; n < 60; n++)
        {
            term *= x / n;
            sum += term;
        }
        return sum;
    }
}
