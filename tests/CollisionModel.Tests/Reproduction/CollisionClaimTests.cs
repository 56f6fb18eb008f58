using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Reproduction;

/// <summary>Claims 5, 6 and 7 in reduced mode: verdicts and their key numbers against closed forms.</summary>
public class CollisionClaimTests
{
    private static readonly PaperSettings Reduced = new(Reduced: true);

    private static object? Summary(ClaimReport report, string name) => report.Summary.Single(f => f.Name == name).Value;

    [Fact]
    public void Claim5BookkeepingIdentityAndSsaHoldAtEveryCollision()
    {
        var report = new SsaBookkeepingClaim().Evaluate(Reduced);
        Assert.True(report.Holds, report.Finding);
        Assert.True((double)Summary(report, "max_abs_identity_residual")! < 1e-10);
        Assert.True((double)Summary(report, "min_ssa_slack")! >= -1e-12);
        // Dephasing, first collision from the pure a|00> + b|11> with a pure ancilla: AB′E′ is pure, so ΔS_AB = ΔS_E
        // and I(AB′:E′) = 2 ΔS_AB (row columns: 3 = dS_AB, 4 = dS_E, 5 = I_AB_E).
        var first = report.Rows[0];
        Assert.Equal("dephasing", first[0]);
        Assert.Equal((double)first[3]!, (double)first[4]!, 1e-12);
        Assert.Equal(2 * (double)first[3]!, (double)first[5]!, 1e-12);
    }

    [Fact]
    public void Claim6PaperAngleIsFirstOrderAndExactAngleIsAtRoundoff()
    {
        var report = new DephasingConvergenceClaim().Evaluate(Reduced);
        Assert.True(report.Holds, report.Finding);
        Assert.Equal(1.0, (double)Summary(report, "order_paper")!, 0.02);
        Assert.True((double)Summary(report, "max_trace_distance_exact")! < 1e-13);
        // k = 10⁶: ½ e^{−1} · 1/(2·10⁶) to leading order.
        var last = report.Rows[^1];
        Assert.Equal(1_000_000L, last[0]);
        Assert.Equal(0.5 * Math.Exp(-1) / 2e6, (double)last[1]!, 1e-10);
        Assert.True(report.Plots[0].LogLog);
    }

    [Fact]
    public void Claim7PureAncillasDoubleTheMutualInformationAndMixedOnesDoNot()
    {
        var report = new PureVersusMixedEnvironmentClaim().Evaluate(Reduced);
        Assert.True(report.Holds, report.Finding);
        foreach (var row in report.Rows)
        {
            double expectedRatio = (string)row[0]! == "pure" ? 2 : 1;
            Assert.Equal(expectedRatio, (double)row[9]!, 1e-8);
            Assert.Equal(expectedRatio, (double)row[10]!, 1e-5);
        }
        // Bell state, exact angle: after time t the coherence is e^{−ηt}/2, so S_AB = h((1 + e^{−ηt})/2) at t = 1.
        var lastPure = report.Rows.Last(r => (string)r[0]! == "pure");
        double p = (1 + Math.Exp(-1)) / 2;
        Assert.Equal(-(p * Math.Log(p) + (1 - p) * Math.Log(1 - p)), (double)lastPure[3]!, 1e-12);
    }
}
