using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Cli;

/// <summary>SVG comes beside PNG; the paper's summary carries verdicts.</summary>
public class PlotsAndVerdictTests
{
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
