using System.Globalization;
using System.Text.Json;

namespace CollisionModel.Tests.Cli;

/// <summary>`collision master` and `collision ree` with the real engines (CollisionModel.Cli.Engines.Create()), JSON checked against docs/conventions.md.</summary>
public class MasterAndReeEngineTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Empty(run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    private static JsonElement LastRecord(JsonElement root) => root.GetProperty("records").EnumerateArray().Last();

    [Fact]
    public void MasterDecayMatchesReferenceAndReportsInfiniteEntropyProduction()
    {
        // docs/conventions.md §4: Bell, γ = 1, κ = 0, η = 0, t = 0.5 → E_R 0.28372190, C 0.778801; §6: σ = +∞ for κ = 0, t > 0.
        var root = Json("master", "--gamma", "1", "--kappa", "0", "--eta", "0", "--time", "0.5", "--points", "3");
        var last = LastRecord(root);
        Assert.Equal(0.5, last.GetProperty("time").GetDouble(), 15);
        Assert.Equal(0.28372190, last.GetProperty("E_R").GetDouble(), 1e-8);
        Assert.True(last.GetProperty("E_R_lower").GetDouble() <= last.GetProperty("E_R").GetDouble());
        Assert.Equal(0.778801, last.GetProperty("concurrence").GetDouble(), 1e-6);
        Assert.Equal("Infinity", last.GetProperty("sigma").GetString());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("conjecture_ratio").ValueKind);
        var first = root.GetProperty("records")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("sigma").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("sigma_E").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sudden_death_time").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("max_conjecture_ratio").ValueKind);
        // ρ_T = diag(a², 0, b², 0) for κ = 0 (docs/conventions.md §1), row-major [re, im] pairs.
        var rhoT = root.GetProperty("rho_T");
        Assert.Equal(0.5, rhoT[0][0][0].GetDouble(), 1e-12);
        Assert.Equal(0.5, rhoT[2][2][0].GetDouble(), 1e-12);
        Assert.Equal(0.0, rhoT[3][3][0].GetDouble(), 1e-15);
    }

    [Fact]
    public void MasterThermalisationMatchesReferenceAndSuddenDeathTime()
    {
        // docs/conventions.md §4: γ = 1, κ = 0.5, t = 0.5 → E_R 0.09955433, C 0.438560; §7: t_ESD = 1.2314973905.
        var root = Json("master", "--gamma", "1", "--kappa", "0.5", "--eta", "0", "--time", "0.5", "--points", "6");
        var last = LastRecord(root);
        Assert.Equal(0.09955433, last.GetProperty("E_R").GetDouble(), 1e-8);
        Assert.Equal(0.438560, last.GetProperty("concurrence").GetDouble(), 1e-6);
        Assert.Equal(1.2314973905, root.GetProperty("sudden_death_time").GetDouble(), 1e-10);
        double sigma = last.GetProperty("sigma").GetDouble();
        double sigmaE = last.GetProperty("sigma_E").GetDouble();
        Assert.True(sigma > 0);
        Assert.Equal(Math.Abs(sigmaE) / sigma, last.GetProperty("conjecture_ratio").GetDouble(), 1e-12);
        double max = root.GetProperty("records").EnumerateArray()
            .Where(r => r.GetProperty("conjecture_ratio").ValueKind == JsonValueKind.Number)
            .Max(r => r.GetProperty("conjecture_ratio").GetDouble());
        Assert.Equal(max, root.GetProperty("max_conjecture_ratio").GetDouble(), 15);
    }

    [Fact]
    public void MasterPureDephasingHasSigmaEEqualToMinusSigma()
    {
        // docs/conventions.md §6: σ* = ρ_T → σ_E = −σ (γ = κ = 0, η > 0).
        var root = Json("master", "--gamma", "0", "--kappa", "0", "--eta", "1", "--a", "0.6", "--time", "1", "--points", "5");
        foreach (var r in root.GetProperty("records").EnumerateArray().Skip(1))
            Assert.Equal(-r.GetProperty("sigma").GetDouble(), r.GetProperty("sigma_E").GetDouble(), 1e-12);
    }

    [Fact]
    public void MasterOnBothQubitsRunsAndCsvHasOneLinePerPoint()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "master", "--qubit", "both", "--kappa", "0.2", "--time", "2", "--points", "4", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("time", lines[0]);
    }

    [Fact]
    public void ReeOfTheWernerStateMatchesTheReferenceValue()
    {
        // docs/conventions.md §4: Werner state with singlet fidelity F = 0.8: E_R = 0.19274476.
        // ρ = F|Ψ−><Ψ−| + (1 − F)/3 (1 − |Ψ−><Ψ−|); |Ψ−> = (|01> − |10>)/√2.
        double f = 0.8, q = (1 - f) / 3;
        double[,] m =
        {
            { q, 0, 0, 0 },
            { 0, (f + q) / 2, -(f - q) / 2, 0 },
            { 0, -(f - q) / 2, (f + q) / 2, 0 },
            { 0, 0, 0, q },
        };
        string json = "[" + string.Join(",", Enumerable.Range(0, 4).Select(i =>
            "[" + string.Join(",", Enumerable.Range(0, 4).Select(j => m[i, j].ToString("R", CultureInfo.InvariantCulture))) + "]")) + "]";
        string file = Path.Combine(CliHarness.TempFolder(), "werner.json");
        File.WriteAllText(file, json);
        var root = Json("ree", "--rho", file);
        double value = root.GetProperty("E_R").GetDouble();
        Assert.Equal(0.19274476, value, 1e-8);
        Assert.InRange(root.GetProperty("lower_bound").GetDouble(), value - 1e-8, value);
        // Werner concurrence 2F − 1 = 0.6.
        Assert.Equal(0.6, root.GetProperty("concurrence").GetDouble(), 1e-12);
        Assert.Equal(4, root.GetProperty("closest_separable").GetArrayLength());
    }

    [Fact]
    public void MasterRejectsTooFewPointsWithExitCodeTwo()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "master", "--points", "1", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("--points", run.Stderr);
    }
}
