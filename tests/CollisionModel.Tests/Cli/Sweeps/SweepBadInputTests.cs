namespace CollisionModel.Tests.Cli.Sweeps;

/// <summary>Bad specs and shard options: exit 2, a short message naming the problem, nothing computed lost or changed.</summary>
public class SweepBadInputTests
{
    public static TheoryData<string, string> BadSpecs => new()
    {
        { """{"command": "bogus"}""", "unknown command 'bogus'" },
        { """{"command": "sweep"}""", "unknown command 'sweep'" },
        { """{"command": "master", "grid": {"gamma": [1], "gama": [1, 2]}}""", "'master' has no option 'gama'" },
        { """{"command": "master", "fixed": {"format": "csv"}}""", "option 'format' is set by the sweep itself" },
        { """{"command": "master", "grid": {"kappa": []}}""", "grid.kappa: the axis is empty" },
        { """{"command": "master", "random": {"count": 5, "uniform": {"a": [0, 1]}}}""", "random: needs a \"seed\"" },
        { """{"command": "master", "random": {"count": 5, "seed": 1, "log_uniform": {"gamma": [0, 1]}}}""", "log-uniform range needs low > 0" },
        { """{"command": "master", "fixed": {"gamma": 1}, "grid": {"gamma": [1, 2]}}""", "option 'gamma' is set more than once" },
        { """{"command": "master", "grids": {}}""", "unknown key 'grids'" },
        { """{"command": "master", "keep": ["sudden_death_tim"]}""", "keep: 'sudden_death_tim' is not a top-level field" },
        { """{"command": "master", """, "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void BadSpecExitsTwoNamingTheProblem(string text, string expected)
    {
        var h = new SweepHarness();
        string spec = h.Spec(text);
        var run = SweepHarness.Run("sweep", "--spec", spec, "--out", h.Folder("d"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.InRange(run.StderrLines.Length, 1, 3);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "3/3", null, "shard 3 is outside 0 … 2")]
    [InlineData("--shard", "-1/3", null, "expected I/N")]
    [InlineData("--shard", "0/0", null, "must be ≥ 1")]
    [InlineData("--shards", "3", "3", "shard 3 is outside 0 … 2")]
    [InlineData("--shards", "3", null, "SLURM_ARRAY_TASK_ID is not set")]
    [InlineData("--shards", "3", "x", "is not a shard number")]
    public void ShardOutsideTheRangeExitsTwoAndWritesNothing(string option, string value, string? taskId, string expected)
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        var variables = new Dictionary<string, string>();
        if (taskId is not null) variables["SLURM_ARRAY_TASK_ID"] = taskId;
        var run = SweepHarness.RunWithVariables(variables, "sweep", "--spec", spec, "--out", h.Folder("d"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(h.Folder("d")));
    }

    [Fact]
    public void FolderHoldingAnotherSpecIsRefusedAndLeftUnchanged()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        Assert.Equal(0, SweepHarness.Run("sweep", "--spec", spec, "--out", h.Folder("d"), "--shard", "0/2").ExitCode);
        var before = SweepHarness.Snapshot(h.Folder("d"));
        string other = h.Spec(SweepHarness.MasterSpec.Replace("\"seed\": 7", "\"seed\": 8", StringComparison.Ordinal), "other.json");
        var run = SweepHarness.Run("sweep", "--spec", other, "--out", h.Folder("d"), "--shard", "1/2");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds a different spec", run.Stderr, StringComparison.Ordinal);
        var after = SweepHarness.Snapshot(h.Folder("d"));
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.Equal(bytes, after[name]);
    }

    [Fact]
    public void SameSpecWithOtherCommentsAndLayoutIsAccepted()
    {
        var h = new SweepHarness();
        string spec = h.Spec(SweepHarness.MasterSpec);
        Assert.Equal(0, SweepHarness.Run("sweep", "--spec", spec, "--out", h.Folder("d"), "--shard", "0/2").ExitCode);
        string relaid = h.Spec(SweepHarness.MasterSpec.Replace("// eq. (5)", "/* the same */", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal), "relaid.json");
        Assert.Equal(0, SweepHarness.Run("sweep", "--spec", relaid, "--out", h.Folder("d"), "--shard", "1/2").ExitCode);
    }

    [Fact]
    public void ParquetWithoutAnOutputFileIsBadInput()
    {
        var h = new SweepHarness();
        Assert.Equal(0, SweepHarness.Run("sweep", "--spec", h.Spec(SweepHarness.MasterSpec), "--out", h.Folder("d")).ExitCode);
        var run = SweepHarness.Run("merge", h.Folder("d"), "--format", "parquet");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output", run.Stderr, StringComparison.Ordinal);
    }
}
