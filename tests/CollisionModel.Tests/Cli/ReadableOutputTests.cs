using CollisionModel.Cli;
using CollisionModel.Cli.Output;

namespace CollisionModel.Tests.Cli;

/// <summary>Tables fit the width they are given; files get the format their extension names; footers explain ∞.</summary>
public class ReadableOutputTests
{
    private static CliRun RunAtWidth(int width, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(stdout, stderr, false, CliHarness.PlumbingServices()) { TableWidth = width };
        int code = App.Run(args, environment);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(120)]
    [InlineData(80)]
    public void TheWideSimulateTableIsSplitIntoColumnGroupsThatFit(int width)
    {
        // simulate has 21 scalar columns (≈ 250 characters in one table).
        var run = RunAtWidth(width, "simulate", "--steps", "4");
        Assert.Equal(0, run.ExitCode);
        foreach (string line in run.Stdout.Split('\n'))
            Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}");
        Assert.Contains("columns 1/", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("entropy_production_total", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryColumnGroupRepeatsTheKeyColumn()
    {
        var run = RunAtWidth(80, "simulate", "--steps", "4");
        int groups = run.Stdout.Split('\n').Count(l => l.StartsWith("columns ", StringComparison.Ordinal));
        int headersWithStep = run.Stdout.Split('\n').Count(l => l.StartsWith("│ step ", StringComparison.Ordinal));
        Assert.True(groups >= 2);
        Assert.Equal(groups, headersWithStep);
    }

    [Theory]
    [InlineData("out.csv", "step,time,")]
    [InlineData("OUT.JSON", "{")]
    public void TheOutputExtensionPicksTheFormat(string name, string start)
    {
        string path = Path.Combine(CliHarness.TempFolder(), name);
        var run = CliHarness.Run("simulate", "--steps", "2", "--output", path);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(start, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitFormatWinsOverTheExtension()
    {
        string path = Path.Combine(CliHarness.TempFolder(), "out.csv");
        var run = CliHarness.Run("simulate", "--steps", "2", "--output", path, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInfiniteDEIsExplainedUnderTheTable()
    {
        var document = new ResultDocument("simulate", "c", ResultRecord.Of(),
            [ResultRecord.Of(("step", 1L), ("D_E", double.PositiveInfinity))], ResultRecord.Of());
        string note = Assert.Single(DocumentNotes.For(document));
        Assert.Contains("pure", note, StringComparison.Ordinal);
        var text = new StringWriter();
        new TableResultWriter().Write(document with { Notes = [note] }, text);
        Assert.Contains("note: D_E", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComplexMatrixEntriesAreNeverSplitAcrossLines()
    {
        // A 4×4 matrix of long complex entries is wider than 80 columns; every entry must stay on one line.
        var m = new System.Numerics.Complex[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) m[4 * i + j] = new System.Numerics.Complex(0.123456789 + i, -0.987654321 - j);
        var document = new ResultDocument("ree", "c", ResultRecord.Of(), [],
            ResultRecord.Of(("closest_separable", new MatrixValue(4, 4, m))));
        var text = new StringWriter();
        new TableResultWriter(80).Write(document, text);
        foreach (var z in new[] { "0.123457−0.987654i", "3.12346−3.98765i" })
            Assert.Contains(z, text.ToString(), StringComparison.Ordinal);
    }
}
