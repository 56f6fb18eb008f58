using System.Text.Json;

namespace CollisionModel.Tests.Cli;

public class ConjectureCommandTests
{
    private static JsonElement Run(params string[] args)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), ["conjecture", .. args, "--format", "json", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void LateRelaxationRatioTimesDistanceApproachesTheSlowModeCoefficient()
    {
        // Seed 36: entangled Gibbs state, non-oscillating slow mode. Two independent routes: the ratio from the exact
        // trajectory (σ, σ_E by the envelope formula at ρ(t)) against c from the linearisation on the slowest Liouvillian
        // mode. At t = 20 (ε ≈ 4e-4) the faster modes still carry part of δ (measured: 0.0714 against c = 0.0662), hence
        // the 15 % tolerance; the linearisation itself is checked to 0.5 % in NearEquilibriumRatioTests.
        var doc = Run("--seed", "36", "--time", "20", "--points", "6");
        double c = doc.GetProperty("c").GetDouble();
        var records = doc.GetProperty("records").EnumerateArray().ToList();
        Assert.True(doc.GetProperty("E_R_gibbs").GetDouble() > 0 && c > 0);
        double late = records[^1].GetProperty("ratio_times_distance").GetDouble();
        Assert.InRange(records[^1].GetProperty("distance").GetDouble(), 1e-4, 1e-3);
        Assert.True(Math.Abs(late - c) <= 0.15 * c, $"c = {c}, ε·ratio at t = 20: {late}");
        Assert.True(doc.GetProperty("violates").GetBoolean());
        Assert.True(doc.GetProperty("gibbs_distance_to_separable").GetDouble() > 0);
    }

    [Fact]
    public void SeparableGibbsStateHasZeroCoefficientAndNoViolation()
    {
        // Seed 2: β ≈ 0.19, the Gibbs state is separable (E_R = 0), so σ_E = 0 near it and c = 0.
        var doc = Run("--seed", "2");
        Assert.Equal(0, doc.GetProperty("E_R_gibbs").GetDouble());
        Assert.Equal(0, doc.GetProperty("c").GetDouble());
        Assert.Equal(0, doc.GetProperty("gibbs_distance_to_separable").GetDouble());
        Assert.False(doc.GetProperty("violates").GetBoolean());
    }

    [Theory]
    [InlineData("--points", "1")]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "2147483648")]
    [InlineData("--time", "0")]
    [InlineData("--time", "NaN")]
    public void BadOptionExitsTwo(string option, string value)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "conjecture", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }
}
