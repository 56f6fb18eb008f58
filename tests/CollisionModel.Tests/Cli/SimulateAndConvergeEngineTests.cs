using System.Text.Json;

namespace CollisionModel.Tests.Cli;

/// <summary>simulate and converge through App.Run with the real engines (CollisionModel.Cli.Engines.Create()).</summary>
public class SimulateAndConvergeEngineTests
{
    private static readonly string[] SimulateFields =
    [
        "step", "time", "S_A", "S_B", "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "I_A_E", "I_B_E", "I_AB_E", "ssa_slack",
        "D_E", "E_R", "concurrence", "rho_AB", "entropy_production_total", "min_ssa_slack",
    ];

    private static JsonElement Json(params string[] args)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void SimulateDephasingCoherenceAfterKStepsIsAbTimesOneMinusEtaTOverKToTheK()
    {
        double a = 0.6, b = 0.8, eta = 1.3, time = 0.9;
        const int k = 50;
        var doc = Json("simulate", "--a", "0.6", "--eta", "1.3", "--time", "0.9", "--steps", "50", "--record-every", "7");
        var records = doc.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal([0L, 7, 14, 21, 28, 35, 42, 49, 50], records.Select(r => r.GetProperty("step").GetInt64()));
        foreach (string field in SimulateFields) Assert.True(records[^1].TryGetProperty(field, out _), field);
        double coherence = records[^1].GetProperty("rho_AB")[0][3][0].GetDouble();
        Assert.Equal(a * b * Math.Pow(1 - eta * time / k, k), coherence, 1e-13);
        // E_R of a maximally correlated state is S(diag ρ) − S(ρ) (docs/conventions.md §2 item 6); concurrence 2|ρ_{00,11}|.
        Assert.Equal(2 * coherence, records[^1].GetProperty("concurrence").GetDouble(), 1e-12);
        double sAB = records[^1].GetProperty("S_AB").GetDouble();
        double sDiag = -(a * a * Math.Log(a * a) + b * b * Math.Log(b * b));
        Assert.Equal(sDiag - sAB, records[^1].GetProperty("E_R").GetDouble(), 1e-7);
    }

    [Fact]
    public void SimulateRunningTotalsCoverUnemittedSteps()
    {
        // The per-collision production I(AB′:E′) + D(η′‖η) with a maximally mixed ancilla (D finite) summed over all
        // 40 collisions must not depend on how often records are emitted.
        string[] common = ["simulate", "--environment", "mixed", "--steps", "40", "--no-ree"];
        var every = Json([.. common, "--record-every", "1"]).GetProperty("records");
        var sparse = Json([.. common, "--record-every", "40"]).GetProperty("records");
        Assert.Equal(2, sparse.GetArrayLength());
        double all = every[40].GetProperty("entropy_production_total").GetDouble();
        Assert.True(all > 0.01);
        Assert.Equal(all, sparse[1].GetProperty("entropy_production_total").GetDouble(), 1e-14);
        double minSlack = every.EnumerateArray().Skip(1).Min(r => r.GetProperty("ssa_slack").GetDouble()); // over the collisions
        Assert.Equal(JsonValueKind.Null, every[0].GetProperty("min_ssa_slack").ValueKind);
        Assert.Equal(minSlack, sparse[1].GetProperty("min_ssa_slack").GetDouble(), 1e-14);
        Assert.Equal(JsonValueKind.Null, sparse[1].GetProperty("E_R").ValueKind);
    }

    [Fact]
    public void SimulateExplicitDecayMatchesTheAmplitudeDampingPopulation()
    {
        // Exact angle: after K collisions B's excited population is b² e^{−γT} (κ = 0, pure ancillas).
        var doc = Json("simulate", "--model", "decay", "--gamma", "2", "--time", "0.5", "--steps", "12",
            "--representation", "explicit", "--angle", "exact", "--no-ree", "--record-every", "12");
        var last = doc.GetProperty("records")[1];
        double p11 = last.GetProperty("rho_AB")[3][3][0].GetDouble();
        Assert.Equal(0.5 * Math.Exp(-1.0), p11, 1e-13);
        // Explicit, pure ancillas: the global state is pure, so S_E = S_AB and S_ABE = 0.
        Assert.Equal(last.GetProperty("S_AB").GetDouble(), last.GetProperty("S_E").GetDouble(), 1e-12);
        Assert.Equal(0, last.GetProperty("S_ABE").GetDouble(), 1e-12);
    }

    [Fact]
    public void SimulateExplicitBeyondItsMemoryBoundIsBadInputNamingTheLimit()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--representation", "explicit", "--steps", "100", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--representation explicit", run.Stderr);
        // The cap comes from this machine's memory (half of what the runtime reports available, 16 bytes per amplitude).
        int cap = CollisionModel.Engines.ExplicitCollisionEngine.StepCapacity(CollisionModel.Models.PaperModels.Dephasing(1, 0, 0.5).Protocol);
        Assert.Contains($"at most {cap} collisions with pure ancillas (got 100)", run.Stderr);
        Assert.Contains("GiB available", run.Stderr);
        Assert.True(run.StderrLines.Length <= 3);
    }

    [Fact]
    public void SimulatePaperOverlapBelowMinusOneIsBadInput()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--eta", "30", "--steps", "10");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--steps", run.Stderr);
    }

    [Fact]
    public void ConvergePaperAngleIsFirstOrderAndExactAngleIsExact()
    {
        var paper = Json("converge", "--steps", "10,100,1000,10000,1000000000000");
        Assert.Equal(1.0, paper.GetProperty("order").GetDouble(), 0.01);
        // Coherence error (1 − ηT/k)^k vs e^{−ηT}, times ab = 1/2: ≈ e^{−1} η²T²/(4k) at k = 10¹².
        var last = paper.GetProperty("records")[4];
        Assert.Equal(Math.Exp(-1) / 4e12, last.GetProperty("coherence_error").GetDouble(), 1e-16);
        foreach (string f in new[] { "steps", "trace_distance", "coherence_error", "E_R_error" })
            Assert.True(last.TryGetProperty(f, out _), f);
        Assert.True(paper.GetProperty("richardson").GetDouble() < 1e-10);

        var exact = Json("converge", "--model", "decay", "--gamma", "1", "--kappa", "0.5", "--omega", "2",
            "--steps", "1,10,1000,1000000000000", "--angle", "exact");
        foreach (var r in exact.GetProperty("records").EnumerateArray())
            Assert.True(r.GetProperty("trace_distance").GetDouble() < 1e-13, r.ToString());
    }
}
