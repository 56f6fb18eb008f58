using System.Text.Json;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// A cascade model file through <c>master</c> and <c>converge</c>: a resonantly driven source qubit (H = (Ω/2)σx on
/// qubit 0, Ω = 1.3) feeding qubit 1 through one vacuum waveguide, rates γ₁ = 0.8 (source) and γ₂ = 1.7 (target).
/// </summary>
public class CascadeCommandTests
{
    private const string Model = """
        {"system": {"dims": [2, 2], "b": [1], "ket": [1, 0, 0, 0],
                    "hamiltonian": [[0, 0, 0.65, 0], [0, 0, 0, 0.65], [0.65, 0, 0, 0], [0, 0.65, 0, 0]]},
         "baths": [{"name": "waveguide", "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]},
                    "cascade": [{"acts_on": [0], "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 0.8},
                                {"acts_on": [1], "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.7}]}]}
        """;

    private static JsonElement Run(params string[] args)
    {
        string file = Path.Combine(CliHarness.TempFolder(), "cascade.json");
        File.WriteAllText(file, Model);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--model-file", file, "--format", "json", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void Master_gives_the_source_its_resonance_fluorescence_steady_state()
    {
        // Closed form: the source's excited population Ω²/(γ₁² + 2Ω²) = 1.69/4.02, whatever the target does; 1e-9.
        var steady = Run("master", "--time", "1", "--points", "2").GetProperty("steady_state");
        double sourceExcited = steady[2][2][0].GetDouble() + steady[3][3][0].GetDouble();
        Assert.Equal(1.69 / 4.02, sourceExcited, 1e-9);
    }

    [Fact]
    public void Converge_reports_first_order()
    {
        // θ_i = √(γ_i δt): the error of the step is O(δt²), of the run O(δt); the fitted order within 1 ± 0.05.
        var result = Run("converge", "--time", "2", "--steps", "200,400,800,1600");
        Assert.InRange(result.GetProperty("order").GetDouble(), 0.95, 1.05);
    }
}
