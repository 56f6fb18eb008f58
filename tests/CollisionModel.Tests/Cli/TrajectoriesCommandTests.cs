using System.Text.Json;
using CollisionModel.Cli;

namespace CollisionModel.Tests.Cli;

/// <summary><c>collision trajectories</c> end to end: the contract's fields, the same bytes for any --threads, bad input.</summary>
public class TrajectoriesCommandTests
{
    private const string Model = """
        { "system": { "dims": [2], "b": [0], "state": [[0.6, 0.1], [0.1, 0.4]], "hamiltonian": [[0, 0], [0, 1]] },
          "baths": [
            { "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.3 },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1 },
            { "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 1.5 },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1, "measure": "energy" } ] }
        """;

    private static string Write(string text) => CliHarness.WriteTemp(text, "model.json");

    private static CliRun Run(params string[] args) => CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), ["trajectories", .. args, "--quiet"]);

    [Fact]
    public void The_document_has_the_contracts_fields_and_the_same_bytes_for_one_and_two_threads()
    {
        string file = Write(Model);
        string[] args = ["--model-file", file, "--time", "1", "--steps", "10", "--trajectories", "40", "--seed", "9", "--record-every", "5", "--format", "json"];
        var one = Run([.. args, "--threads", "1"]);
        var two = Run([.. args, "--threads", "2"]);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Equal(one.Stdout, two.Stdout);
        var doc = JsonDocument.Parse(one.Stdout).RootElement;
        Assert.Equal(40, doc.GetProperty("trajectories").GetInt32());
        Assert.Equal(9, doc.GetProperty("seed").GetInt64());
        Assert.Equal([1], doc.GetProperty("measured_baths").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.False(doc.GetProperty("parameters").TryGetProperty("threads", out _));
        var records = doc.GetProperty("records");
        Assert.Equal([0, 5, 10], records.EnumerateArray().Select(r => r.GetProperty("step").GetInt32()).ToArray());
        foreach (string field in new[] { "counts_mean", "counts_variance", "counts_stderr" })
            Assert.Equal(1, records[2].GetProperty(field).GetArrayLength());
        Assert.Equal(2, records[2].GetProperty("mean_rho").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, records[2].GetProperty("mean_conditional_entropy").ValueKind);
    }

    [Theory]
    [InlineData("--trajectories", "0", "--trajectories")]
    [InlineData("--threads", "0", "--threads")]
    public void Bad_options_exit_2_naming_them(string option, string value, string named)
    {
        var run = Run("--model-file", Write(Model), option, value);
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_measured_bath_exits_2_naming_the_key()
    {
        var run = Run("--model-file", Write(Model.Replace(", \"measure\": \"energy\"", "", StringComparison.Ordinal)));
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("measure", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("trajectories", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_bath_is_taken_and_csv_has_one_count_column_per_measured_bath()
    {
        // The key table: trajectories take memory_angle. Both baths measured, the first named, the second not: the
        // per-bath columns are counts_mean_hot and counts_mean_1 (the unnamed bath's index).
        string model = Model.Replace("\"rate\": 1 },", "\"rate\": 1, \"memory_angle\": 0.5, \"name\": \"hot\", \"measure\": \"energy\" },", StringComparison.Ordinal);
        var run = Run("--model-file", Write(model), "--time", "1", "--steps", "4", "--trajectories", "10", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Stderr);
        string header = run.Stdout.Split('\n')[0];
        foreach (string column in new[] { "counts_mean_hot", "counts_mean_1", "counts_variance_hot", "counts_stderr_1" })
            Assert.Contains(column, header.Split(','));
    }
}
