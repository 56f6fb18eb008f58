using CollisionModel.Protocols;
using CollisionModel.Convergence;

namespace CollisionModel.Tests.Convergence;

public class ConvergenceStudyTests
{
    private static readonly long[] Decades = [100, 1_000, 10_000, 100_000, 1_000_000];

    [Fact]
    public void PaperDephasingConvergesAtFirstOrder()
    {
        var result = ConvergenceStudy.Run(new ConvergenceSetup(Model: CollisionModelKind.Dephasing, Eta: 1, Time: 1), Decades);
        Assert.InRange(result.Order!.Value, 0.98, 1.02);
    }

    [Fact]
    public void SmallAnglePartialSwapConvergesAtFirstOrder()
    {
        var setup = new ConvergenceSetup(Model: CollisionModelKind.Decay, Gamma: 1, Kappa: 0.5, Time: 1);
        var result = ConvergenceStudy.Run(setup, Decades);
        Assert.InRange(result.Order!.Value, 0.98, 1.02);
    }

    [Theory]
    [InlineData(CollisionModelKind.Dephasing)]
    [InlineData(CollisionModelKind.Decay)]
    public void ExactAnglesMatchTheMasterEquationAtEveryK(CollisionModelKind model)
    {
        // physics.md §5: cos θ = e^{−ηδt} (dephasing) and cos²θ = e^{−(γ+κ)δt} (partial swap) are exact at every k.
        var setup = new ConvergenceSetup(Model: model, Gamma: 1, Kappa: 0.5, Eta: 0.7, Omega: 2, Time: 1.3, Angle: AngleConvention.Exact);
        var result = ConvergenceStudy.Run(setup, [1, 7, 1000, 123_456_789, 1_000_000_000_000]);
        foreach (var r in result.Records) Assert.True(r.TraceDistance < 1e-13, $"k = {r.Steps}: distance {r.TraceDistance:G3}");
    }

    [Fact]
    public void StrangWithExactCollisionsIsSecondOrder()
    {
        var setup = new ConvergenceSetup(Model: CollisionModelKind.Decay, Gamma: 1, Kappa: 0.5, Drive: 2, Time: 1,
            Angle: AngleConvention.Exact, Ordering: StepOrdering.Strang);
        var result = ConvergenceStudy.Run(setup, [100, 1_000, 10_000]);
        Assert.InRange(result.Order!.Value, 1.95, 2.05);
    }

    [Fact]
    public void StrangWithSmallAngleCollisionsStaysFirstOrder()
    {
        var setup = new ConvergenceSetup(Model: CollisionModelKind.Decay, Gamma: 1, Kappa: 0.5, Drive: 2, Time: 1,
            Angle: AngleConvention.Paper, Ordering: StepOrdering.Strang);
        var result = ConvergenceStudy.Run(setup, [1_000, 10_000, 100_000]);
        Assert.InRange(result.Order!.Value, 0.95, 1.05);
    }

    [Fact]
    public void LieOrderingWithANonCommutingDriveIsFirstOrderEvenWithExactCollisions()
    {
        var setup = new ConvergenceSetup(Model: CollisionModelKind.Dephasing, Eta: 1, Drive: 2, Time: 1, Angle: AngleConvention.Exact);
        var result = ConvergenceStudy.Run(setup, [1_000, 10_000, 100_000]);
        Assert.InRange(result.Order!.Value, 0.95, 1.05);
    }

    [Fact]
    public void RichardsonExtrapolationBeatsTheLargestK()
    {
        var result = ConvergenceStudy.Run(new ConvergenceSetup(Eta: 1), [1_000, 2_000]);
        double best = result.Records.Min(r => r.TraceDistance);
        Assert.True(result.Richardson!.Value < 1e-3 * best, $"Richardson {result.Richardson:G3} vs best k {best:G3}");
    }

    [Fact]
    public void ErrorKeepsFallingAsOneOverKUpToTenToTheTwelve()
    {
        // Without the deviation form the error flattens near 1e-5 (1 − ηδt rounds); here d·k stays at ≈ ab e^{−1}/2.
        // Tolerance 1e-3 relative: at k = 10¹² the distance (≈ 1e-13) is resolved only to the ulp of the 0.18 entries.
        var result = ConvergenceStudy.Run(new ConvergenceSetup(Eta: 1), [1_000_000, 1_000_000_000, 1_000_000_000_000]);
        double expected = 0.5 * Math.Exp(-1) * 0.5; // ab · e^{−ηT} · (ηT)²/2 with ab = 1/2
        foreach (var r in result.Records)
            Assert.Equal(expected, r.TraceDistance * r.Steps, 1e-3 * expected);
    }

    [Fact]
    public void EntanglementErrorUsesTheGivenMeasure()
    {
        // A linear "measure" (|ρ_{00,11}|) makes the E_R error equal the coherence error exactly.
        var result = ConvergenceStudy.Run(new ConvergenceSetup(Eta: 1), [10, 100], rho => rho[0, 3].Magnitude);
        foreach (var r in result.Records) Assert.Equal(r.CoherenceError, r.EntanglementError!.Value, 1e-15);
    }
}
