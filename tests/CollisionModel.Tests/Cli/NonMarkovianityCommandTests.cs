using System.Text.Json;

namespace CollisionModel.Tests.Cli;

/// <summary><c>collision nonmarkovianity</c> end to end: the contract's fields, reproducible random pairs, bad input.</summary>
public class NonMarkovianityCommandTests
{
    // One ancilla that never leaves (memory angle π/2): the qubit's coherence is multiplied by cos(2nθ), θ = 0.05.
    private const string PersistentDephasing = """
        { "system": { "dims": [2], "b": [0], "ket": [1, 0] },
          "baths": [ { "acts_on": [0], "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] },
                       "coupling": [[0,1,0,0],[1,0,0,0],[0,0,0,-1],[0,0,-1,0]], "angle": 0.05, "memory_angle": 1.5707963267948966 } ] }
        """;

    private static string Write(string text) => CliHarness.WriteTemp(text, "model.json");

    private static CliRun Run(params string[] args) => CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), ["nonmarkovianity", .. args, "--quiet"]);

    [Fact]
    public void The_document_has_the_contracts_fields_and_the_closed_form_trace_distance()
    {
        string file = Write(PersistentDephasing);
        string[] args = ["--model-file", file, "--time", "4", "--steps", "40", "--pairs", "5", "--seed", "3", "--record-every", "10", "--format", "json"];
        var run = Run(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(run.Stdout, Run(args).Stdout);
        var doc = JsonDocument.Parse(run.Stdout).RootElement;
        var records = doc.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal([0L, 10, 20, 30, 40], records.Select(r => r.GetProperty("step").GetInt64()));
        foreach (var r in records)
            Assert.Equal(Math.Abs(Math.Cos(0.1 * r.GetProperty("step").GetInt64())), r.GetProperty("trace_distance").GetDouble(), 1e-10);
        Assert.Equal(0, records[0].GetProperty("rhp_increment").GetDouble());
        double blp = 0; // Σ max(0, |c_{n+1}| − |c_n|), c_n = cos(0.1 n)
        for (int n = 0; n < 40; n++) blp += Math.Max(0, Math.Abs(Math.Cos(0.1 * (n + 1))) - Math.Abs(Math.Cos(0.1 * n)));
        Assert.Equal(blp, doc.GetProperty("blp_basis").GetDouble(), 1e-10);
        Assert.True(doc.GetProperty("blp").GetDouble() >= doc.GetProperty("blp_basis").GetDouble());
        Assert.Equal(0, doc.GetProperty("rhp_singular_steps").GetInt32());
        Assert.True(doc.GetProperty("rhp").GetDouble() > 0);
        var pair = doc.GetProperty("blp_pair").EnumerateArray().ToList();
        Assert.Equal(2, pair.Count);
        Assert.All(pair, ket => Assert.Equal(2, ket.GetArrayLength()));
        Assert.Equal(5, doc.GetProperty("parameters").GetProperty("pairs").GetInt32());
    }

    [Theory]
    [InlineData("--pairs", "-1", "--pairs")]
    [InlineData("--max-bond", "3", "--max-bond")]
    [InlineData("--representation", "trajectories", "--representation")]
    public void Bad_options_exit_2_naming_the_option(string option, string value, string named)
    {
        var run = Run("--model-file", Write(PersistentDephasing), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_system_above_dimension_eight_exits_2_naming_system_dims()
    {
        string file = Write("""
            { "system": { "dims": [3, 3], "b": [0], "ket": [1, 0, 0, 0, 0, 0, 0, 0, 0] },
              "baths": [ { "acts_on": [0], "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] },
                           "coupling": [[1,0,0,0,0,0],[0,1,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,-1,0],[0,0,0,0,0,-1]], "rate": 1 } ] }
            """);
        var run = Run("--model-file", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("system.dims", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }
}
