using System.Text.Json;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// A model whose A is empty has no S_A, I(A:E), SSA slack or A–B entanglement: its tables leave those columns out
/// (instead of a column of zeros), while JSON and CSV keep the fixed field set.
/// </summary>
public class AbsentPartTableTests
{
    // One qubit (A empty) thermalised by a partial swap with thermal qubit ancillas.
    private const string OneQubit = """
        { "system": { "dims": [2], "b": [0], "state": [[0.8, 0.1], [0.1, 0.2]], "hamiltonian": [[0.5, 0], [0, -0.5]] },
          "baths": [ { "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0.5, 0], [0, -0.5]], "beta": 1 },
                       "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1 } ] }
        """;

    // The same bath on qubit B of two qubits (A = qubit 0 exists).
    private const string TwoQubits = """
        { "system": { "dims": [2, 2], "b": [1], "ket": [0.6, 0, 0, 0.8] },
          "baths": [ { "acts_on": [1], "ancilla": { "dim": 2, "hamiltonian": [[0.5, 0], [0, -0.5]], "beta": 1 },
                       "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1 } ] }
        """;

    private static string ModelFile(string json)
    {
        string path = Path.Combine(CliHarness.TempFolder(), "model.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static CliRun Run(string command, string model, string format, params string[] extra) =>
        CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [command, "--model-file", ModelFile(model), "--time", "1",
            .. extra, "--format", format, "--quiet"]);

    /// <summary>The column names of every table in a table output (the header rows: "│ name │ name │").</summary>
    private static HashSet<string> TableColumns(string table)
    {
        var lines = table.Split('\n');
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
            if (lines[i].StartsWith('├') && lines[i - 1].StartsWith('│'))
                foreach (string cell in lines[i - 1].Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    names.Add(cell);
        return names;
    }

    [Fact]
    public void A_one_qubit_simulate_table_omits_the_fields_of_A_and_says_so()
    {
        var table = Run("simulate", OneQubit, "table", "--steps", "4");
        Assert.True(table.ExitCode == 0, table.Stderr);
        var columns = TableColumns(table.Stdout);
        Assert.Contains("S_B", columns);
        Assert.Contains("I_B_E", columns);
        foreach (string absent in new[] { "S_A", "S_AE", "I_A_E", "ssa_slack", "min_ssa_slack", "E_R", "concurrence" })
            Assert.DoesNotContain(absent, columns);
        Assert.Contains("A is empty", table.Stdout);
    }

    [Fact]
    public void A_one_qubit_master_table_omits_the_entanglement_fields()
    {
        var table = Run("master", OneQubit, "table", "--points", "3");
        Assert.True(table.ExitCode == 0, table.Stderr);
        var columns = TableColumns(table.Stdout);
        Assert.Contains("sigma", columns);
        foreach (string absent in new[] { "S_A", "E_R", "E_R_lower", "concurrence", "sigma_E", "conjecture_ratio" })
            Assert.DoesNotContain(absent, columns);
        // The top-level field is printed as "name = value" on its own line; only the note names it.
        Assert.DoesNotContain(table.Stdout.Split('\n'), line => line.StartsWith("max_conjecture_ratio", StringComparison.Ordinal));
        Assert.Contains("steady_state", table.Stdout);
    }

    [Fact]
    public void Json_and_csv_of_a_one_qubit_model_keep_every_field_of_A()
    {
        var json = Run("simulate", OneQubit, "json", "--steps", "4");
        var csv = Run("simulate", OneQubit, "csv", "--steps", "4");
        Assert.True(json.ExitCode == 0 && csv.ExitCode == 0, json.Stderr + csv.Stderr);
        var record = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("records")[1];
        var header = csv.Stdout.Split('\n')[0].Split(',');
        foreach (string field in new[] { "S_A", "S_AE", "I_A_E", "ssa_slack", "E_R", "concurrence", "min_ssa_slack" })
        {
            Assert.True(record.TryGetProperty(field, out _), field);
            Assert.Contains(field, header);
        }
        // What the table dropped is what A = ∅ forces: S_A = 0, S_AE = S_E, I(A:E) = 0, SSA slack = 0 (to rounding).
        Assert.Equal(0, record.GetProperty("S_A").GetDouble(), 1e-14);
        Assert.Equal(record.GetProperty("S_E").GetDouble(), record.GetProperty("S_AE").GetDouble(), 1e-14);
        Assert.Equal(0, record.GetProperty("I_A_E").GetDouble(), 1e-14);
        Assert.Equal(0, record.GetProperty("ssa_slack").GetDouble(), 1e-14);
    }

    [Fact]
    public void A_two_qubit_model_table_keeps_the_fields_of_A()
    {
        var table = Run("simulate", TwoQubits, "table", "--steps", "4");
        Assert.True(table.ExitCode == 0, table.Stderr);
        var columns = TableColumns(table.Stdout);
        foreach (string field in new[] { "S_A", "S_AE", "I_A_E", "ssa_slack", "E_R", "concurrence" })
            Assert.Contains(field, columns);
        Assert.DoesNotContain("A is empty", table.Stdout);
    }
}
