using System.Text.Json;

namespace CollisionModel.Tests.Cli;

public class ContractSchemaTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliHarness.Run([.. args, "--format", "json"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    private static string[] Names(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void SimulateRecordsHaveTheContractFieldsInOrder()
    {
        var root = Json("simulate", "--steps", "10", "--record-every", "4");
        Assert.Equal(
            ["step", "time", "S_A", "S_B", "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "I_A_E", "I_B_E", "I_AB_E", "ssa_slack", "D_E",
             "E_R", "concurrence", "rho_AB", "entropy_production_total", "min_ssa_slack"],
            Names(root.GetProperty("records")[0]));
        Assert.Equal(
            ["model", "a", "eta", "gamma", "kappa", "omega", "time", "steps", "environment", "representation", "angle",
             "record_every", "no_ree", "format", "output", "quiet"],
            Names(root.GetProperty("parameters")));
        // steps 0, 4, 8 and the last step 10 are emitted
        Assert.Equal([0L, 4, 8, 10], root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("step").GetInt64()).ToArray());
    }

    [Fact]
    public void SimulateNoReeGivesNullER()
    {
        var root = Json("simulate", "--steps", "2", "--no-ree");
        Assert.All(root.GetProperty("records").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("E_R").ValueKind));
    }

    [Fact]
    public void MasterHasTheContractRecordAndTopLevelFields()
    {
        var root = Json("master", "--points", "3", "--qubit", "both");
        Assert.Equal(["time", "rho_AB", "S_AB", "E_R", "E_R_lower", "concurrence", "sigma", "sigma_E", "conjecture_ratio"],
            Names(root.GetProperty("records")[0]));
        Assert.Equal(["command", "conventions", "parameters", "records", "sudden_death_time", "rho_T", "max_conjecture_ratio"], Names(root));
        Assert.Equal("both", root.GetProperty("parameters").GetProperty("qubit").GetString());
        // N = 3 points from 0 to T = 1 inclusive
        Assert.Equal([0.0, 0.5, 1.0], root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("time").GetDouble()).ToArray());
    }

    [Fact]
    public void ConvergeHasTheContractFieldsAndParsesTheStepList()
    {
        var root = Json("converge", "--steps", "1,1e3,1000000000000");
        Assert.Equal(["steps", "trace_distance", "coherence_error", "E_R_error"], Names(root.GetProperty("records")[0]));
        Assert.Equal([1L, 1000, 1_000_000_000_000], root.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("steps").GetInt64()).ToArray());
        Assert.True(root.TryGetProperty("order", out _));
        Assert.True(root.TryGetProperty("richardson", out _));
    }

    [Fact]
    public void ReeHasTheContractFieldsAtTopLevel()
    {
        string file = Path.Combine(CliHarness.TempFolder(), "bell.json");
        File.WriteAllText(file, "[[0.5,0,0,0.5],[0,0,0,0],[0,0,0,0],[0.5,0,0,0.5]]");
        var root = Json("ree", "--rho", file);
        foreach (string f in new[] { "E_R", "lower_bound", "closest_separable", "concurrence", "negativity" })
            Assert.True(root.TryGetProperty(f, out _), f);
        Assert.Equal(4, root.GetProperty("closest_separable").GetArrayLength());
    }

    [Fact]
    public void ConventionsStateTheRateConvention()
    {
        var root = Json("converge");
        Assert.Contains("η is the coherence decay rate", root.GetProperty("conventions").GetString());
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("master")]
    [InlineData("converge")]
    public void EveryFormatSucceedsForEveryCommand(string command)
    {
        foreach (string format in new[] { "table", "csv", "json" })
        {
            var run = CliHarness.Run(command, "--format", format);
            Assert.Equal(0, run.ExitCode);
            Assert.NotEqual("", run.Stdout);
        }
    }
}
