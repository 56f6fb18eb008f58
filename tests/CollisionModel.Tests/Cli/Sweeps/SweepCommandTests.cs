using CollisionModel.Cli.Sweeps;
using Parquet;

namespace CollisionModel.Tests.Cli.Sweeps;

public class SweepCommandTests
{
    private static string Merged(string folder, string format = "jsonl")
    {
        var run = SweepHarness.Run("merge", folder, "--format", format);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run.Stdout;
    }

    private static void Sweep(string spec, string folder, params string[] extra)
    {
        var run = SweepHarness.Run(["sweep", "--spec", spec, "--out", folder, .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public void ShardedAndUnshardedSweepsMergeToTheSameBytes()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        Sweep(spec, h.Folder("all"));
        string reference = Merged(h.Folder("all"));
        string referenceCsv = Merged(h.Folder("all"), "csv");
        Assert.Equal(10, reference.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (int n in new[] { 1, 2, 3 })
        {
            string folder = h.Folder($"n{n}");
            for (int i = n - 1; i >= 0; i--) Sweep(spec, folder, "--shard", $"{i}/{n}");
            Assert.Equal(n, Directory.GetFiles(folder, "points-*.jsonl").Length);
            Assert.Equal(reference, Merged(folder));
            Assert.Equal(referenceCsv, Merged(folder, "csv"));
        }
    }

    [Fact]
    public void ShardsTakesTheIndexFromTheArrayTaskIdAndIgnoresTheArraySize()
    {
        // A task resubmitted alone sees SLURM_ARRAY_TASK_COUNT=1 and MIN=MAX=its id: the shard must stay 1 of 3.
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        var variables = new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = "1",
            ["SLURM_ARRAY_TASK_COUNT"] = "1",
            ["SLURM_ARRAY_TASK_MIN"] = "1",
            ["SLURM_ARRAY_TASK_MAX"] = "1",
        };
        var run = SweepHarness.RunWithVariables(variables, "sweep", "--spec", spec, "--out", h.Folder("d"), "--shards", "3");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var lines = File.ReadAllLines(Path.Combine(h.Folder("d"), "points-1-of-3.jsonl"));
        Assert.Equal([1L, 4, 7], lines.Select(l => PointLine.TryParse(l)!.Point).Order());
    }

    [Fact]
    public void KilledShardIsResumedLosingNothing()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        Sweep(spec, h.Folder("all"));
        string reference = Merged(h.Folder("all"));

        // Simulate a kill: shard 0 of 2 wrote two points completely and was cut in the middle of its third line.
        string folder = h.Folder("killed");
        Sweep(spec, folder, "--shard", "0/2");
        Sweep(spec, folder, "--shard", "1/2");
        string file = Path.Combine(folder, "points-0-of-2.jsonl");
        var lines = File.ReadAllLines(file);
        File.WriteAllText(file, lines[0] + "\n" + lines[1] + "\n" + lines[2][..(lines[2].Length / 2)]);
        Assert.Equal(2, SweepHarness.Run("merge", folder).ExitCode);

        var rerun = SweepHarness.Run("sweep", "--spec", spec, "--out", folder, "--shard", "0/2");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("2 already done (a torn last line was redone), 3 computed", rerun.Stderr, StringComparison.Ordinal);
        Assert.Equal(lines[0] + "\n" + lines[1] + "\n", File.ReadAllText(file)[..(lines[0].Length + lines[1].Length + 2)]);
        Assert.Equal(reference, Merged(folder));
        // A second rerun computes nothing.
        Assert.Contains("5 already done, 0 computed", SweepHarness.Run("sweep", "--spec", spec, "--out", folder, "--shard", "0/2").Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void MergeRefusesMissingPointsAndNamesThem()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        string folder = h.Folder("d");
        Sweep(spec, folder, "--shard", "0/3");
        Sweep(spec, folder, "--shard", "2/3");
        var run = SweepHarness.Run("merge", folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("3 of 10 point(s) missing: 1, 4, 7", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void MergeRefusesPointsComputedTwice()
    {
        // The same folder swept once with N = 2 and once with N = 1: every point twice.
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        string folder = h.Folder("d");
        Sweep(spec, folder, "--shard", "0/2");
        Sweep(spec, folder, "--shard", "1/2");
        Sweep(spec, folder);
        var run = SweepHarness.Run("merge", folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("10 point(s) computed twice: 0 (points-0-of-1.jsonl, points-0-of-2.jsonl)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeRefusesPointsOfAnotherSpec()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        string folder = h.Folder("d");
        Sweep(spec, folder);
        // Someone edits spec.json after the run: the recorded points no longer belong to it.
        string specJson = Path.Combine(folder, "spec.json");
        File.WriteAllText(specJson, File.ReadAllText(specJson).Replace("\"time\": 2", "\"time\": 3", StringComparison.Ordinal));
        var run = SweepHarness.Run("merge", folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("10 line(s) computed with a spec that differs from spec.json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PointWithBadInputIsRecordedAsAnErrorAndTheSweepGoesOn()
    {
        var h = new SweepHarness();
        string spec = h.Spec("""{"command": "master", "fixed": {"points": 3}, "grid": {"gamma": [-1, 1]}, "keep": ["max_conjecture_ratio"]}""");
        Sweep(spec, h.Folder("d"));
        var lines = Merged(h.Folder("d")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("""{"point":0,"parameters":{"points":3,"gamma":-1},"error":"--gamma""", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("""{"point":1,"parameters":{"points":3,"gamma":1},"result":{"max_conjecture_ratio":""", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetHoldsTheSameTableAsCsv()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        Sweep(spec, h.Folder("d"));
        string parquet = Path.Combine(h.Root, "merged.parquet");
        Assert.Equal(0, SweepHarness.Run("merge", h.Folder("d"), "--format", "parquet", "--output", parquet).ExitCode);
        var csv = Merged(h.Folder("d"), "csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');

        await using var reader = await ParquetReader.CreateAsync(parquet);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(header, fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(10, group.RowCount);
        var gamma = new double?[10];
        await group.ReadAsync<double>(fields.Single(f => f.Name == "gamma"), gamma.AsMemory());
        var points = new long?[10];
        await group.ReadAsync<long>(fields.Single(f => f.Name == "point"), points.AsMemory());
        int gammaColumn = Array.IndexOf(header, "gamma");
        for (int r = 0; r < 10; r++)
        {
            var cells = csv[r + 1].Split(',');
            Assert.Equal(r, points[r]);
            Assert.Equal(cells[gammaColumn].Length == 0 ? null : double.Parse(cells[gammaColumn], System.Globalization.CultureInfo.InvariantCulture), gamma[r]);
        }
    }
}
