using System.Text.Json;
using CollisionModel.Cli.Plotting;
using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Cli;

public class PlotAndPaperTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void ScottPlotRendersALogLogPngHeadless()
    {
        string file = Path.Combine(CliHarness.TempFolder(), "plot.png");
        double[] k = [1, 10, 100, 1000, 10000];
        var spec = new LinePlotSpec("error", "error against k", "collisions k", "trace distance",
            [new PlotSeries("1/k", k, k.Select(x => 1 / x).ToList()), new PlotSeries("1/k²", k, k.Select(x => 1 / (x * x)).ToList())],
            LogX: true, LogY: true);
        LinePlot.SavePng(spec, file, 400, 300);
        byte[] bytes = File.ReadAllBytes(file);
        Assert.Equal(PngSignature, bytes.Take(8).ToArray());
        Assert.True(bytes.Length > 2000, $"PNG of {bytes.Length} bytes is suspiciously small");
        // IHDR carries the size: width and height big-endian at bytes 16..23
        Assert.Equal(400, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(300, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
    }

    [Fact]
    public void PaperWritesDataAndPlotsPerClaimIntoTheOutFolder()
    {
        string folder = Path.Combine(CliHarness.TempFolder(), "paper");
        var run = CliHarness.Run("paper", "--out", folder, "--reduced");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("collision paper 6-convergence", run.Stdout);
        Assert.Equal(["6-convergence.csv", "6-convergence.json", "6-convergence_error.png"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var claim = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "6-convergence.json"))).RootElement;
        Assert.Equal(4, claim.GetProperty("records").GetArrayLength());
        Assert.Equal(1.0, claim.GetProperty("order").GetDouble());
    }

    [Fact]
    public void PaperJsonHoldsEveryClaim()
    {
        string folder = Path.Combine(CliHarness.TempFolder(), "paper");
        var run = CliHarness.Run("paper", "--out", folder, "--format", "json");
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("6-convergence", root.GetProperty("claims")[0].GetProperty("id").GetString());
        Assert.Equal("6-convergence", root.GetProperty("records")[0].GetProperty("claim").GetString());
    }

    [Fact]
    public void PaperOutThatIsAFileExitsTwo()
    {
        string file = Path.Combine(CliHarness.TempFolder(), "taken");
        File.WriteAllText(file, "x");
        var run = CliHarness.Run("paper", "--out", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Stderr);
    }
}
