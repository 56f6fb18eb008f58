using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// Parameters whose numbers double precision cannot resolve (a collision phase θ·‖V‖ above 1e6, a thermal ancilla
/// with β·ΔE above 1e6) are refused with exit 2 naming the bath and the key, instead of printing impossible values
/// (negative SSA slack, negative production, an entropy flow of −5e307); a large but resolvable β·ΔE gives a finite
/// production that satisfies the second-law identity exactly.
/// </summary>
public class UnresolvableParameterTests
{
    /// <summary>Two qubits, two baths ("hot" on qubit 0, "cold" on qubit 1), thermal qubit ancillas, partial-swap couplings at rate 1.</summary>
    private const string TwoBaths = """
        {
          "system": { "dims": [2, 2], "b": [1], "ket": [1, 0, 0, 0],
                      "hamiltonian": [[0, 0, 0, 0], [0, 1, 0.5, 0], [0, 0.5, 1, 0], [0, 0, 0, 2]] },
          "baths": [
            { "name": "hot", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.5 },
              "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.0 },
            { "acts_on": [1], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 3.0 },
              "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.0 }
          ]
        }
        """;

    private static string Write(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(TwoBaths)!.AsObject();
        edit(root);
        string file = Path.Combine(CliHarness.TempFolder(), "model.json");
        File.WriteAllText(file, root.ToJsonString());
        return file;
    }

    private static JsonObject Bath(JsonObject root, int j) => root["baths"]![j]!.AsObject();

    public static TheoryData<string, string> Unresolvable => new()
    {
        { "rate 1e100", "baths[0] (\"hot\").rate" },
        { "rate 1e30", "baths[0] (\"hot\").rate" },
        { "angle 1e100", "baths[1].angle" },
        { "angle 1e100 on hot", "baths[0] (\"hot\").angle" },
        { "beta 1e308", "baths[1].ancilla.beta" },
    };

    private static void Apply(string change, JsonObject root)
    {
        switch (change)
        {
            case "rate 1e100": Bath(root, 0)["rate"] = 1e100; break;
            case "rate 1e30": Bath(root, 0)["rate"] = 1e30; break;
            case "angle 1e100": Bath(root, 1).Remove("rate"); Bath(root, 1)["angle"] = 1e100; break;
            case "angle 1e100 on hot": Bath(root, 0).Remove("rate"); Bath(root, 0)["angle"] = 1e100; break;
            case "beta 1e308": Bath(root, 1)["ancilla"]!["beta"] = 1e308; break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }
    }

    [Theory]
    [MemberData(nameof(Unresolvable))]
    public void An_unresolvable_parameter_exits_2_naming_the_bath_and_the_key(string change, string key)
    {
        string file = Write(root => Apply(change, root));
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--model-file", file, "--steps", "4", "--format", "json", "--quiet");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(key, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("exceeds 1E+06", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.StderrLines.Length <= 3, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cold_thermal_ancilla_has_a_finite_production_equal_to_the_entropy_change_minus_the_entropy_flow()
    {
        // β·ΔE = 40: the excited Gibbs weight e^{−40} ≈ 4e-18 lies below the eigenvalue resolution, yet η has full
        // support, so D(η′‖η) is finite and Σ(I + D) = ΔS_AB − Σ_j β_j Q_j (the initial state is pure: S_AB(0) = 0).
        string file = Write(root => Bath(root, 1)["ancilla"]!["beta"] = 40.0);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--model-file", file, "--steps", "4", "--format", "json", "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var last = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("records").EnumerateArray().Last();
        Assert.Equal(JsonValueKind.Number, last.GetProperty("entropy_production_total").ValueKind);
        double production = last.GetProperty("entropy_production_total").GetDouble();
        double identity = last.GetProperty("S_AB").GetDouble() - last.GetProperty("entropy_flow").GetDouble();
        Assert.Equal(identity, production, 1e-9);
    }
}
