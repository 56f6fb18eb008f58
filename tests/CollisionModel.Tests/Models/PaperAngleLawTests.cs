using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Models;

/// <summary>The paper's two angle laws, read back through the collision that owns them (<see cref="BathCollision.AngleFor"/>).</summary>
public class PaperAngleLawTests
{
    private static BathCollision Dephasing(double eta, AngleConvention convention) =>
        BathCollision.WithDephasingRate(new SubsystemOperator(PaperModels.DephasingCoupling(), [2, 2], "dephasing coupling"), eta, convention, "dephasing");

    private static BathCollision Decay(double totalRate, AngleConvention convention) =>
        BathCollision.WithDecayRate(new SubsystemOperator(PaperModels.DecayCoupling(), [2, 2], "partial swap"), totalRate, convention, "partial swap");

    [Fact]
    public void PaperDephasingOverlapIsOneMinusEtaDtToFullRelativePrecision()
    {
        double eta = 1, dt = 1e-12;
        double theta = Dephasing(eta, AngleConvention.Paper).AngleFor(dt)!.Value;
        double oneMinusCos = 2 * Math.Pow(Math.Sin(theta / 2), 2);
        Assert.Equal(eta * dt, oneMinusCos, 1e-15 * eta * dt);
    }

    [Fact]
    public void ExactDephasingOverlapIsTheDecayFactorOfTheCoherence()
    {
        // cos θ = e^{−η δt}: the coherence of B shrinks by exactly the master equation's factor per step.
        double theta = Dephasing(0.7, AngleConvention.Exact).AngleFor(0.3)!.Value;
        Assert.Equal(Math.Exp(-0.21), Math.Cos(theta), 1e-15);
    }

    [Fact]
    public void DephasingCollisionCarriesTheLindbladRateTwoEta() =>
        Assert.Equal(1.4, Dephasing(0.7, AngleConvention.Paper).Rate);

    [Fact]
    public void ExactPartialSwapHasCosSquaredEqualToTheDecayFactor()
    {
        double theta = Decay(1.5, AngleConvention.Exact).AngleFor(0.01)!.Value;
        Assert.Equal(Math.Exp(-0.015), Math.Cos(theta) * Math.Cos(theta), 1e-15);
    }

    [Fact]
    public void PaperPartialSwapAngleIsTheSquareRootOfRateTimesStep() =>
        Assert.Equal(Math.Sqrt(1.5 * 0.01), Decay(1.5, AngleConvention.Paper).AngleFor(0.01)!.Value, 1e-16);

    [Fact]
    public void PaperDephasingRejectsAnOverlapBelowMinusOne()
    {
        var e = Assert.Throws<ParameterOutOfRangeException>(() => Dephasing(3, AngleConvention.Paper).AngleFor(1));
        Assert.Contains("more steps", e.Message);
    }

    [Fact]
    public void AnUnknownAngleConventionIsRefusedNamingTheAngle()
    {
        var e = Assert.Throws<ParameterOutOfRangeException>(() => Decay(1, (AngleConvention)7));
        Assert.Equal("angle", e.ParamName);
    }
}
