using CollisionModel.Cli.Plotting;
using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Cli;

/// <summary>Plot labels are drawn as symbols, not markup; SVG comes beside PNG; the paper's summary carries verdicts.</summary>
public class PlotsAndVerdictTests
{
    // Render is what ScottPlot draws itself (tick labels): Unicode scripts where they exist, never a lowercase stand-in.
    [Theory]
    [InlineData("|σ_E|/σ", "|σ_E|/σ")]
    [InlineData("ΔS_int = S(ρ_T) − S(ρ)", "ΔSᵢₙₜ = S(ρ_T) − S(ρ)")]
    [InlineData("W_0 = 1 − iH̃Δt, W_k", "W₀ = 1 − iH̃Δt, Wₖ")]
    [InlineData("closed form e^{−ηT}η²T²/(4k)", "closed form e^(−ηT)η²T²/(4k)")]
    [InlineData("x^{2n}", "x²ⁿ")]
    [InlineData("S_AB (nats)", "S_AB (nats)")] // no subscript b in Unicode: left readable as is
    [InlineData("time t (1/γ)", "time t (1/γ)")]
    public void MarkupBecomesUnicodeOrBrackets(string label, string drawn) => Assert.Equal(drawn, PlotText.Render(label));

    [Fact]
    public void PlotFormatBothWritesAnSvgBesideEachPng()
    {
        string folder = CliHarness.TempFolder();
        var run = CliHarness.Run("paper", "--out", folder, "--plot-format", "both", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var png = Directory.GetFiles(folder, "*.png").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var svg = Directory.GetFiles(folder, "*.svg").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.NotEmpty(png);
        Assert.Equal(png, svg);
        foreach (string file in Directory.GetFiles(folder, "*.svg"))
            Assert.Contains("<svg", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void PaperCsvCarriesTheVerdictAndTheTableEndsWithASummary()
    {
        string folder = CliHarness.TempFolder();
        var csv = CliHarness.Run("paper", "--out", folder, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("claim,title,verdict", csv.Stdout, StringComparison.Ordinal);
        var table = CliHarness.Run("paper", "--out", folder);
        Assert.Contains("Summary:", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("verdict", table.Stdout[table.Stdout.LastIndexOf("Summary:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, "held")]
    [InlineData(true, true, "corrected")]
    [InlineData(false, false, "refuted")]
    [InlineData(false, true, "refuted")]
    public void TheVerdictFollowsHoldsAndCorrected(bool holds, bool corrected, string verdict)
    {
        var report = new ClaimReport("x", "t", [], [], [], [], [], holds, "f") { Corrected = corrected };
        Assert.Equal(verdict, report.Verdict);
    }
}
