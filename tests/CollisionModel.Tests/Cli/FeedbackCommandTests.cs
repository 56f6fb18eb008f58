using System.Text.Json;
using CollisionModel.Cli;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// The <c>feedback</c> key end to end: read and validated from a model file, run by the explicit and mps
/// representations (also under <c>collision nonmarkovianity</c>), refused by name (exit 2, nothing on stdout) where
/// an engine or command cannot carry a delay line.
/// </summary>
public class FeedbackCommandTests
{
    // An atom (level 1 excited) emitting into vacuum bins that come back after 3 steps with phase 0.7.
    private static string Model(string feedback = "{ \"delay\": 3, \"phase\": 0.7 }", string extra = "") => $$"""
        { "system": { "dims": [2], "b": [0], "state": [[0, 0], [0, 1]], "hamiltonian": [[0, 0], [0, 1]] },
          "baths": [
            { "acts_on": [0], "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1, "feedback": {{feedback}}{{extra}} } ] }
        """;

    private static string Write(string text) => CliHarness.WriteTemp(text, "model.json");

    private static CliRun Run(params string[] args) => CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--quiet"]);

    [Fact]
    public void The_explicit_representation_runs_a_delay_line()
    {
        var run = Run("simulate", "--model-file", Write(Model()), "--time", "0.8", "--steps", "8", "--representation", "explicit", "--no-ree", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var records = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("records");
        Assert.Equal(9, records.GetArrayLength());
        // One excitation, vacuum bins: the atom's population falls below 1 and the state stays normalised.
        var rho = records[8].GetProperty("rho_AB");
        double excited = rho[1][1][0].GetDouble();
        Assert.InRange(excited, 0.01, 0.99);
    }

    [Fact]
    public void The_mps_representation_runs_a_delay_line_as_the_explicit_one_does()
    {
        // Mixed bins keep D_E and the production finite; 4 steps + 3 pre-filled bins keep the whole-E entropies exact.
        string file = Write(Model().Replace("\"state\": [[1, 0], [0, 0]]", "\"state\": [[0.9, 0], [0, 0.1]]", StringComparison.Ordinal));
        string[] common = ["simulate", "--model-file", file, "--time", "0.4", "--steps", "4", "--no-ree", "--format", "json"];
        var explicitRun = Run([.. common, "--representation", "explicit"]);
        var mps = Run([.. common, "--representation", "mps"]);
        Assert.True(mps.ExitCode == 0, mps.Stderr);
        var e = JsonDocument.Parse(explicitRun.Stdout).RootElement.GetProperty("records");
        var m = JsonDocument.Parse(mps.Stdout).RootElement.GetProperty("records");
        Assert.Equal(e.GetArrayLength(), m.GetArrayLength());
        for (int i = 0; i < e.GetArrayLength(); i++)
        {
            foreach (string field in new[] { "S_AB", "S_E", "S_ABE", "D_E", "entropy_production_total" })
                Assert.Equal(e[i].GetProperty(field).GetDouble(), m[i].GetProperty(field).GetDouble(), 1e-10);
            Assert.Equal(e[i].GetProperty("rho_AB")[1][1][0].GetDouble(), m[i].GetProperty("rho_AB")[1][1][0].GetDouble(), 1e-10);
            Assert.Equal(0, m[i].GetProperty("truncation_error").GetDouble());
        }
    }

    [Fact]
    public void Nonmarkovianity_in_the_mps_representation_agrees_with_the_explicit_one_on_a_delay_line()
    {
        // Strong collisions (r δt = 0.5) with a line of 2 steps at φ = π: the returning excitation makes the trace
        // distance revive (BLP > 0.1) and the intermediate maps non-CP (RHP ≈ 0.8), so the comparison is not of zeros.
        // Two independent representations of the same dynamics (every ancilla as a state vector, and as an MPS fetched
        // along the line): every measure and every record to 1e-10.
        string file = Write(Model("{ \"delay\": 2, \"phase\": 3.141592653589793 }").Replace("\"rate\": 1,", "\"rate\": 5,", StringComparison.Ordinal));
        string[] common = ["nonmarkovianity", "--model-file", file, "--time", "1", "--steps", "10", "--pairs", "8", "--format", "json"];
        var explicitRun = Run([.. common, "--representation", "explicit"]);
        var mps = Run([.. common, "--representation", "mps"]);
        Assert.True(explicitRun.ExitCode == 0, explicitRun.Stderr);
        Assert.True(mps.ExitCode == 0, mps.Stderr);
        var e = JsonDocument.Parse(explicitRun.Stdout).RootElement;
        var m = JsonDocument.Parse(mps.Stdout).RootElement;
        Assert.True(e.GetProperty("blp_basis").GetDouble() > 0.1, "the run has no backflow to compare");
        Assert.True(e.GetProperty("rhp").GetDouble() > 0.1, "the run has no RHP measure to compare");
        foreach (string field in new[] { "blp_basis", "blp", "rhp" })
            Assert.Equal(e.GetProperty(field).GetDouble(), m.GetProperty(field).GetDouble(), 1e-10);
        Assert.Equal(e.GetProperty("rhp_singular_steps").GetInt32(), m.GetProperty("rhp_singular_steps").GetInt32());
        var er = e.GetProperty("records");
        var mr = m.GetProperty("records");
        Assert.Equal(er.GetArrayLength(), mr.GetArrayLength());
        for (int i = 0; i < er.GetArrayLength(); i++)
            foreach (string field in new[] { "trace_distance", "rhp_increment" })
                Assert.Equal(er[i].GetProperty(field).GetDouble(), mr[i].GetProperty(field).GetDouble(), 1e-10);
    }

    [Theory]
    [InlineData("{ \"delay\": 0, \"phase\": 0.7 }")]
    [InlineData("{ \"delay\": 2.5, \"phase\": 0.7 }")]
    [InlineData("{ \"delay\": \"3\" }")]
    [InlineData("{ \"phase\": 0.7 }")]
    public void A_delay_that_is_not_an_integer_of_at_least_one_step_exits_2_naming_the_key(string feedback)
    {
        var run = Run("simulate", "--model-file", Write(Model(feedback)), "--steps", "4", "--representation", "explicit");
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("baths[0].feedback.delay", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_with_a_memory_angle_exits_2_naming_the_key()
    {
        var run = Run("simulate", "--model-file", Write(Model(extra: ", \"memory_angle\": 0.3")), "--steps", "4", "--representation", "explicit");
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Contains("baths[0].feedback", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> Refusing => new()
    {
        { ["simulate", "--representation", "streaming", "--steps", "4"] },
        { ["converge", "--time", "1", "--steps", "10,20"] },
        { ["master", "--time", "1", "--points", "3"] },
        { ["trajectories", "--steps", "4", "--trajectories", "2"] },
        { ["counting", "--steps", "4"] },
    };

    [Theory]
    [MemberData(nameof(Refusing))]
    public void Engines_and_commands_without_a_delay_line_exit_2_naming_the_key(string[] command)
    {
        // The measure key lets the monitoring commands reach the feedback check.
        string file = Write(Model().Replace("\"rate\": 1,", "\"rate\": 1, \"measure\": \"energy\",", StringComparison.Ordinal)
            .Replace("\"state\": [[1, 0], [0, 0]]", "\"hamiltonian\": [[0, 0], [0, 1]], \"beta\": 2", StringComparison.Ordinal));
        var run = Run([command[0], "--model-file", file, .. command[1..]]);
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("feedback", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Stderr.TrimEnd().Split('\n').Length <= 3, run.Stderr);
    }
}
