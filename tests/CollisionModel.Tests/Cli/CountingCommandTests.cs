using System.Text.Json;
using CollisionModel.Cli;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// <c>collision counting</c> end to end: the contract's fields, the mean heat and the mean entropy production against
/// <c>simulate</c>'s ledger (a different engine: the streaming representation), and bad input naming the option or key.
/// </summary>
public class CountingCommandTests
{
    private const string Swap = "[[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]]";

    // A qubit H_S = |1⟩⟨1| between a hot (β = 0.3) and a cold (β = 1.5) bath of resonant qubits, both energy-measured.
    private static string Machine(string extraHot = "", string measureCold = ", \"measure\": \"energy\"") => $$"""
        { "system": { "dims": [2], "b": [0], "state": [[0.6, 0], [0, 0.4]], "hamiltonian": [[0, 0], [0, 1]] },
          "baths": [
            { "name": "hot", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.3 },
              "coupling": {{Swap}}, "rate": 1, "measure": "energy"{{extraHot}} },
            { "name": "cold", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 1.5 },
              "coupling": {{Swap}}, "rate": 1{{measureCold}} } ] }
        """;

    private static string Write(string text) => CliHarness.WriteTemp(text, "model.json");

    private static JsonElement Json(params string[] args)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--format", "json", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void The_mean_heat_and_entropy_production_are_simulates_and_the_ift_is_one()
    {
        // Reference: simulate --model-file (streaming engine, thermodynamic ledger) on the same file: heat[0] = ω⟨N_hot⟩
        // (ω = 1) and entropy_production_total = ⟨Σ⟩ at step K, 1e-12; ⟨e^{−Σ}⟩ = 1 for the full-rank start, 1e-12.
        string file = Write(Machine());
        var counting = Json("counting", "--model-file", file, "--time", "1", "--steps", "20", "--s", "-0.5,0.7", "--record-every", "10");
        var simulate = Json("simulate", "--model-file", file, "--time", "1", "--steps", "20");
        var last = simulate.GetProperty("records")[simulate.GetProperty("records").GetArrayLength() - 1];
        Assert.Equal(last.GetProperty("heat")[0].GetDouble(), counting.GetProperty("cumulants")[0].GetDouble(), 1e-12);
        Assert.Equal(last.GetProperty("entropy_production_total").GetDouble(), counting.GetProperty("entropy_production_mean").GetDouble(), 1e-12);
        Assert.Equal(1, counting.GetProperty("ift").GetDouble(), 1e-12);
        var p = counting.GetProperty("probabilities").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var values = counting.GetProperty("values").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(p.Length, values.Length);
        Assert.Equal(1, p.Sum(), 1e-12);
        Assert.Equal(-20, values[0]);
        Assert.Equal(2, counting.GetProperty("scgf").GetArrayLength());
        Assert.Equal([0, 10, 20], counting.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("step").GetInt32()).ToArray());
        foreach (string field in new[] { "mean_rate", "variance_rate" }) Assert.Equal(JsonValueKind.Number, counting.GetProperty(field).ValueKind);
    }

    [Fact]
    public void Without_every_bath_energy_measured_the_entropy_production_is_null()
    {
        var doc = Json("counting", "--model-file", Write(Machine(measureCold: "")), "--steps", "5");
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("ift").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("entropy_production_mean").ValueKind);
    }

    [Theory]
    [InlineData("--bath", "2", "--bath")]
    [InlineData("--bath", "1", "--bath")]
    [InlineData("--weights", "1", "--weights")]
    public void Bad_count_selections_exit_2_naming_the_option(string option, string value, string named)
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "counting", "--model-file", Write(Machine(measureCold: "")), option, value);
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, App.MaxErrorLines);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_of_another_length_than_the_baths_exit_2()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "counting", "--model-file", Write(Machine()), "--bath", "0,1", "--weights", "1,2,3");
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Contains("--weights", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(", \"memory_angle\": 0.2", ", \"measure\": \"energy\"", "baths[0].memory_angle")]
    [InlineData("", "", "measure")]
    public void A_memory_bath_or_a_model_without_a_measurement_exits_2_naming_the_key(string extraHot, string measureCold, string key)
    {
        string text = Machine(extraHot, measureCold);
        if (key == "measure") text = text.Replace(", \"measure\": \"energy\"", "", StringComparison.Ordinal);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "counting", "--model-file", Write(text));
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(key, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("counting", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A chain of <paramref name="qubits"/> qubits, H_S = Σ ½ Z_i (diagonal), a hot bath on the first and a cold one on
    /// the last, both energy-measured, from a pure state with complex amplitudes on every level.
    /// </summary>
    private static string Chain(int qubits)
    {
        int d = 1 << qubits;
        string Row(int i, Func<int, string> entry) => "[" + string.Join(",", Enumerable.Range(0, d).Select(entry)) + "]";
        double Energy(int i) => Enumerable.Range(0, qubits).Sum(q => (i >> q & 1) == 0 ? 0.5 : -0.5);
        string hamiltonian = "[" + string.Join(",", Enumerable.Range(0, d).Select(i => Row(i, j => i == j ? Energy(i).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"))) + "]";
        var amplitudes = Enumerable.Range(0, d).Select(i => (Re: 1 + 0.05 * i, Im: 0.2 * Math.Cos(i))).ToArray();
        double norm = Math.Sqrt(amplitudes.Sum(a => a.Re * a.Re + a.Im * a.Im));
        string ket = "[" + string.Join(",", amplitudes.Select(a => FormattableString.Invariant($"[{a.Re / norm:R},{a.Im / norm:R}]"))) + "]";
        const string Ancilla = "\"ancilla\": { \"dim\": 2, \"hamiltonian\": [[0.5, 0], [0, -0.5]], \"beta\": ";
        return $$"""
            { "system": { "dims": [{{string.Join(",", Enumerable.Repeat(2, qubits))}}], "b": [0], "ket": {{ket}}, "hamiltonian": {{hamiltonian}} },
              "baths": [
                { "name": "hot", "acts_on": [0], {{Ancilla}}0.3 }, "coupling": {{Swap}}, "rate": 1, "measure": "energy" },
                { "name": "cold", "acts_on": [{{qubits - 1}}], {{Ancilla}}1.5 }, "coupling": {{Swap}}, "rate": 1, "measure": "energy" } ] }
            """;
    }

    [Fact]
    public void A_64_level_systems_mean_heat_and_entropy_production_are_simulates()
    {
        // Six qubits (d_S = 64, the models' limit; counted through sparse Kraus operators). Reference: simulate
        // --model-file (streaming engine, ledger) on the same file: heat[0] = ⟨N_hot⟩ (ω = 1) and
        // entropy_production_total = ⟨Σ⟩ at step K, 1e-12; the probabilities sum to 1.
        string file = Write(Chain(6));
        var counting = Json("counting", "--model-file", file, "--time", "0.3", "--steps", "3", "--s", "0.5");
        var simulate = Json("simulate", "--model-file", file, "--time", "0.3", "--steps", "3");
        var last = simulate.GetProperty("records")[simulate.GetProperty("records").GetArrayLength() - 1];
        Assert.Equal(last.GetProperty("heat")[0].GetDouble(), counting.GetProperty("cumulants")[0].GetDouble(), 1e-12);
        Assert.Equal(last.GetProperty("entropy_production_total").GetDouble(), counting.GetProperty("entropy_production_mean").GetDouble(), 1e-12);
        Assert.Equal(1, counting.GetProperty("probabilities").EnumerateArray().Sum(e => e.GetDouble()), 1e-12);
        Assert.Equal(JsonValueKind.Number, counting.GetProperty("scgf")[0].ValueKind);
    }

    [Fact]
    public void A_system_above_64_levels_exits_2_naming_dims_and_the_limit()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "counting", "--model-file", Write(Chain(7)), "--steps", "2");
        Assert.Equal(App.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, App.MaxErrorLines);
        Assert.Contains("dims", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("64", run.Stderr, StringComparison.Ordinal);
    }
}
