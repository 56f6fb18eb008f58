using System.Numerics;
using System.Text.Json;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Cli;

/// <summary><c>collision simulate --representation mps</c> through App.Run with the real engines.</summary>
public class MpsCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void Mps_records_match_explicit_and_carry_bond_truncation_and_fragment_arrays()
    {
        // Reference: the explicit representation of the same run (E = every ancilla so far).
        string[] common = ["simulate", "--model", "decay", "--steps", "8", "--no-ree", "--record-every", "4"];
        var mps = Json([.. common, "--representation", "mps", "--fragments"]).GetProperty("records");
        var explicitRun = Json([.. common, "--representation", "explicit"]).GetProperty("records");
        foreach (string field in new[] { "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "I_AB_E", "ssa_slack", "min_ssa_slack" })
            Assert.Equal(explicitRun[2].GetProperty(field).GetDouble(), mps[2].GetProperty(field).GetDouble(), 1e-10);
        Assert.Equal(0, mps[2].GetProperty("truncation_error").GetDouble());
        Assert.True(mps[2].GetProperty("max_bond").GetInt32() is >= 1 and <= 4);
        // Arrays indexed by m = 0 … K; the whole environment holds I(AB:E) = 2 S_AB for a pure global state.
        var oldest = mps[2].GetProperty("I_AB_F_oldest");
        Assert.Equal(9, oldest.GetArrayLength());
        Assert.Equal(mps[2].GetProperty("I_AB_E").GetDouble(), oldest[8].GetDouble(), 1e-10);
        Assert.Equal(9, mps[2].GetProperty("I_AB_F_newest").GetArrayLength());
    }

    [Fact]
    public void A_model_file_with_ancilla_hamiltonians_carries_the_ledger_fields_under_mps()
    {
        // examples/TwoBaths/two-baths.json: the same ledger as the streaming representation (an independent engine).
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollisionModel.sln"))) dir = dir.Parent;
        string file = Path.Combine(dir!.FullName, "examples", "TwoBaths", "two-baths.json");
        string[] common = ["simulate", "--model-file", file, "--time", "1", "--steps", "20", "--record-every", "10", "--no-ree"];
        var mps = Json([.. common, "--representation", "mps"]).GetProperty("records");
        var streaming = Json([.. common, "--representation", "streaming"]).GetProperty("records");
        foreach (string field in new[] { "energy_S", "work", "entropy_flow" })
            Assert.Equal(streaming[2].GetProperty(field).GetDouble(), mps[2].GetProperty(field).GetDouble(), 1e-12);
        Assert.Equal(2, mps[2].GetProperty("heat").GetArrayLength());
        for (int j = 0; j < 2; j++)
            Assert.Equal(streaming[2].GetProperty("heat")[j].GetDouble(), mps[2].GetProperty("heat")[j].GetDouble(), 1e-12);
    }

    [Fact]
    public void A_model_file_with_a_mixed_system_state_runs_under_mps_as_the_brute_force_keeping_every_ancilla()
    {
        // Reference: CollisionReference.RunExplicit, the density matrix of the system and every ancilla (no purification).
        var rng = new Random(61);
        Matrix<Complex> Random(int n)
        {
            var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
            return g * g.ConjugateTranspose();
        }
        var rho0 = Random(4) + 0.1 * Matrix<Complex>.Build.DenseIdentity(4);
        var eta = Random(2) + 0.2 * Matrix<Complex>.Build.DenseIdentity(2);
        var v = Random(4);
        var model = new ReferenceModel([2, 2], [1], rho0 / rho0.Trace(), Random(4), [new ReferenceBath([1], eta / eta.Trace(), Coupling: v, Rate: 1.2)]);
        string file = Path.Combine(CliHarness.TempFolder(), "mixed.json");
        File.WriteAllText(file, CollisionReference.ToJson(model));
        var records = Json("simulate", "--model-file", file, "--time", "0.8", "--steps", "4", "--no-ree", "--representation", "mps").GetProperty("records");
        var reference = CollisionReference.RunExplicit(model, 4, 0.2);
        foreach (int k in new[] { 0, 4 })
        {
            var r = records[k];
            var e = reference[k];
            string[] names = ["S_A", "S_B", "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "D_E", "entropy_production_total"];
            double[] values = [e.SA, e.SB, e.SAB, e.SE, e.SAE, e.SBE, e.SABE, e.DE, e.EntropyProductionTotal];
            for (int f = 0; f < names.Length; f++)
                Assert.True(Math.Abs(values[f] - r.GetProperty(names[f]).GetDouble()) < 1e-10, $"{names[f]} at step {k}: {values[f]:R} vs {r.GetProperty(names[f])}");
        }
    }

    [Fact]
    public void A_maximum_bond_below_the_exact_one_reports_the_discarded_weight()
    {
        // The paper's decay of B by pure ancillas needs bond 2 (vacuum and one excitation); bond 1 must discard weight.
        var records = Json("simulate", "--model", "decay", "--steps", "6", "--no-ree", "--representation", "mps", "--max-bond", "1").GetProperty("records");
        Assert.Equal(1, records[6].GetProperty("max_bond").GetInt32());
        Assert.True(records[6].GetProperty("truncation_error").GetDouble() > 1e-6);
    }

    [Theory]
    [InlineData("--fragments")]
    [InlineData("--max-bond", "4")]
    [InlineData("--cutoff", "0.01")]
    public void Mps_options_without_mps_are_bad_input_naming_the_option(params string[] option)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), ["simulate", "--steps", "2", .. option]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"collision: error: {option[0]}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("--max-bond", "0")]
    [InlineData("--cutoff", "1")]
    [InlineData("--cutoff", "-0.1")]
    public void Out_of_range_truncation_settings_are_bad_input(string option, string value)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), ["simulate", "--representation", "mps", option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
    }
}
