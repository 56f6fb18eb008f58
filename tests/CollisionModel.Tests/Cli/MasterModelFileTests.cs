using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// <c>collision master --model-file</c>: the Lindblad limit of a model file against a closed form (a qubit decaying
/// into thermal qubits), against the eq. 5 preset for the paper's model written as a file, and against the collision
/// model's long-time heat per step; models without a limit are refused naming why.
/// </summary>
public class MasterModelFileTests
{
    private static string Write(string text) => CliHarness.WriteTemp(text, "model.json");

    private static JsonElement Run(params string[] args) => CliHarness.RunJson(args);

    private static Complex Entry(JsonElement matrix, int i, int j) => new(matrix[i][j][0].GetDouble(), matrix[i][j][1].GetDouble());

    private const double Omega = 1.3, Rate = 0.9, Beta = 0.8;

    // H_S = H_E = diag(0, ω); the partial swap |01⟩ ↔ |10⟩ of system and ancilla; thermal ancillas at β; ρ(0) = |+⟩.
    private static readonly string DecayModel = $$"""
        {"system": {"dims": [2], "b": [0], "ket": [0.7071067811865476, 0.7071067811865476], "hamiltonian": [[0, 0], [0, {{Omega.ToString("R", CultureInfo.InvariantCulture)}}]]},
         "baths": [{"name": "hot", "acts_on": [0], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, {{Omega.ToString("R", CultureInfo.InvariantCulture)}}]], "beta": {{Beta.ToString("R", CultureInfo.InvariantCulture)}}},
                    "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": {{Rate.ToString("R", CultureInfo.InvariantCulture)}}}]}
        """;

    /// <summary>
    /// The closed form of the decay model: with p₁ = e^{−βω}/(1 + e^{−βω}), ρ₁₁(t) = p₁ + (½ − p₁)e^{−rt},
    /// ρ₀₁(t) = ½ e^{iωt} e^{−rt/2}; energy ωρ₁₁, heat current dE/dt = −ωr(½ − p₁)e^{−rt}.
    /// </summary>
    private static (double P1, Complex Coherence) ClosedForm(double t)
    {
        double p1 = Math.Exp(-Beta * Omega) / (1 + Math.Exp(-Beta * Omega));
        return (p1 + (0.5 - p1) * Math.Exp(-Rate * t), 0.5 * Complex.FromPolarCoordinates(Math.Exp(-Rate * t / 2), Omega * t));
    }

    private static double Entropy2(double p1, Complex c)
    {
        // Eigenvalues of [[1 − p₁, c], [c̄, p₁]]: ½ ± √((½ − p₁)² + |c|²).
        double r = Math.Sqrt((0.5 - p1) * (0.5 - p1) + c.Magnitude * c.Magnitude);
        return -XLogX(0.5 + r) - XLogX(0.5 - r);
    }

    private static double XLogX(double x) => x <= 0 ? 0 : x * Math.Log(x);

    // D(ρ(t)‖ρ_ss) from the closed form, for σ = −dD/dt by a central difference.
    private static double RelativeEntropyToSteady(double t)
    {
        var (p1, c) = ClosedForm(t);
        double q1 = Math.Exp(-Beta * Omega) / (1 + Math.Exp(-Beta * Omega));
        // tr ρ ln ρ_ss with ρ_ss = diag(1 − q₁, q₁) diagonal.
        return -Entropy2(p1, c) - ((1 - p1) * Math.Log(1 - q1) + p1 * Math.Log(q1));
    }

    [Fact]
    public void A_qubit_decaying_into_thermal_qubits_follows_the_closed_form()
    {
        var doc = Run("master", "--model-file", Write(DecayModel), "--time", "2", "--points", "5");
        foreach (var r in doc.GetProperty("records").EnumerateArray())
        {
            double t = r.GetProperty("time").GetDouble();
            var (p1, c) = ClosedForm(t);
            var rho = r.GetProperty("rho_AB");
            Assert.True(Math.Abs(Entry(rho, 1, 1).Real - p1) < 1e-12, $"ρ₁₁ at t = {t}");
            Assert.True((Entry(rho, 0, 1) - c).Magnitude < 1e-12, $"ρ₀₁ at t = {t}");
            Assert.True(Math.Abs(r.GetProperty("S_AB").GetDouble() - Entropy2(p1, c)) < 1e-10, $"S_AB at t = {t}");
            Assert.True(Math.Abs(r.GetProperty("energy_S").GetDouble() - Omega * p1) < 1e-12, $"energy_S at t = {t}");
            double q1 = Math.Exp(-Beta * Omega) / (1 + Math.Exp(-Beta * Omega));
            double current = -Omega * Rate * (0.5 - q1) * Math.Exp(-Rate * t);
            Assert.True(Math.Abs(r.GetProperty("heat_current")[0].GetDouble() - current) < 1e-12, $"heat_current at t = {t}");
            Assert.Equal(JsonValueKind.Null, r.GetProperty("E_R").ValueKind);
            if (t == 0) { Assert.Equal(JsonValueKind.Null, r.GetProperty("sigma").ValueKind); continue; }
            const double h = 1e-5;
            double sigma = -(RelativeEntropyToSteady(t + h) - RelativeEntropyToSteady(t - h)) / (2 * h);
            Assert.True(Math.Abs(r.GetProperty("sigma").GetDouble() - sigma) < 1e-8, $"σ at t = {t}: {r.GetProperty("sigma").GetDouble()} vs {sigma}");
        }
        double q = Math.Exp(-Beta * Omega) / (1 + Math.Exp(-Beta * Omega));
        var steady = doc.GetProperty("steady_state");
        Assert.True(Math.Abs(Entry(steady, 1, 1).Real - q) < 1e-12 && Entry(steady, 0, 1).Magnitude < 1e-12, "ρ_ss = diag(1 − p₁, p₁)");
        Assert.True(Math.Abs(doc.GetProperty("steady_heat_current")[0].GetDouble()) < 1e-12, "one bath: no steady current");
    }

    [Fact]
    public void The_paper_model_as_a_file_reproduces_the_eq5_preset_field_by_field()
    {
        // Eq. 5 on B (γ = 1, κ = 0.5, η = 0.3, ω = 1.2): the thermal partial swap at rate γ + κ with ancilla
        // diag(γ, κ)/(γ + κ), and the dephasing coupling |1⟩⟨1|_B ⊗ σy_E at rate 2η on |0⟩ ancillas; H_S = (ω/2)σz_B.
        const string file = """
            {"system": {"dims": [2, 2], "b": [1], "ket": [0.6, 0, 0, 0.8],
                        "hamiltonian": [[0.6, 0, 0, 0], [0, -0.6, 0, 0], [0, 0, 0.6, 0], [0, 0, 0, -0.6]]},
             "baths": [{"acts_on": [1], "ancilla": {"dim": 2, "state": [[0.6666666666666666, 0], [0, 0.3333333333333333]]},
                        "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.5},
                       {"acts_on": [1], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]},
                        "coupling": [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, [0, -1]], [0, 0, [0, 1], 0]], "rate": 0.6}]}
            """;
        var preset = Run("master", "--a", "0.6", "--gamma", "1", "--kappa", "0.5", "--eta", "0.3", "--omega", "1.2", "--time", "1.5", "--points", "7");
        var fromFile = Run("master", "--model-file", Write(file), "--time", "1.5", "--points", "7");
        var expected = preset.GetProperty("records").EnumerateArray().ToList();
        var actual = fromFile.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            foreach (var field in new[] { "time", "S_AB", "E_R", "E_R_lower", "concurrence", "sigma", "sigma_E", "conjecture_ratio" })
            {
                var e = expected[i].GetProperty(field);
                var a = actual[i].GetProperty(field);
                Assert.Equal(e.ValueKind, a.ValueKind);
                if (e.ValueKind == JsonValueKind.Number)
                    Assert.True(Math.Abs(e.GetDouble() - a.GetDouble()) < 1e-9 * Math.Max(1, Math.Abs(e.GetDouble())), $"{field} at record {i}: {e} vs {a}");
            }
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 4; c++)
                    Assert.True((Entry(expected[i].GetProperty("rho_AB"), r, c) - Entry(actual[i].GetProperty("rho_AB"), r, c)).Magnitude < 1e-12, $"rho_AB[{r},{c}] at record {i}");
        }
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                Assert.True((Entry(preset.GetProperty("rho_T"), r, c) - Entry(fromFile.GetProperty("steady_state"), r, c)).Magnitude < 1e-12, $"steady_state[{r},{c}]");
    }

    [Fact]
    public void Steady_heat_currents_are_the_collision_models_long_time_heat_per_step_over_dt_to_order_dt()
    {
        // A qubit (H_S = diag(0, 1)) between a hot (β = 0.2) and a cold (β = 2) bath of resonant thermal qubits, partial
        // swaps at rates 1 and 0.7. After T = 30 (≫ 1/rate) the collision model's heat per step / δt is its steady
        // current, which differs from the Lindblad limit's by O(δt): the error at δt and δt/2 must shrink by ≈ 2 (order 1).
        string file = Write("""
            {"system": {"dims": [2], "b": [0], "ket": [1, 0], "hamiltonian": [[0, 0], [0, 1]]},
             "baths": [{"name": "hot", "acts_on": [0], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.2},
                        "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.0},
                       {"name": "cold", "acts_on": [0], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 2.0},
                        "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 0.7}]}
            """);
        var limit = Run("master", "--model-file", file, "--time", "1", "--points", "2").GetProperty("steady_heat_current");
        double[] errors = new double[2];
        int[] steps = [1500, 3000];
        for (int n = 0; n < 2; n++)
        {
            int k = steps[n];
            double dt = 30.0 / k;
            var records = Run("simulate", "--model-file", file, "--time", "30", "--steps", k.ToString(CultureInfo.InvariantCulture),
                "--record-every", (k - 1).ToString(CultureInfo.InvariantCulture), "--no-ree").GetProperty("records").EnumerateArray().ToList();
            var before = records[^2].GetProperty("heat");
            var after = records[^1].GetProperty("heat");
            for (int j = 0; j < 2; j++)
            {
                double collision = (after[j].GetDouble() - before[j].GetDouble()) / dt;
                errors[n] = Math.Max(errors[n], Math.Abs(collision - limit[j].GetDouble()));
            }
        }
        Assert.True(Math.Abs(limit[0].GetDouble()) > 0.05, $"a real current flows: {limit[0]}");
        Assert.True(Math.Abs(limit[0].GetDouble() + limit[1].GetDouble()) < 1e-12, "J_hot = −J_cold in the steady state");
        double order = Math.Log2(errors[0] / errors[1]);
        Assert.True(order is > 0.9 and < 1.1, $"errors {errors[0]:G3}, {errors[1]:G3}: order {order:G3}");
    }

    [Fact]
    public void A_model_without_a_limit_is_refused_naming_the_bath_and_why()
    {
        string file = Write("""
            {"system": {"dims": [2], "b": [0], "ket": [1, 0]},
             "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]}, "coupling": [[0,0,0,1],[0,0,1,0],[0,1,0,0],[1,0,0,0]], "angle": 0.3}]}
            """);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "master", "--model-file", file, "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("baths[0]", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("fixed angle", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.StderrLines.Length <= 3, run.Stderr);
    }

    [Theory]
    [InlineData("1e10")]
    [InlineData("1e30")]
    public void A_rate_beyond_what_the_production_rates_resolve_is_refused_naming_the_bath(string rate)
    {
        // The two-qubit decay model with rate·‖V‖² = rate (‖V‖ = 1) at T = 1: 1e10 failed a trace check of ρ̇ with exit
        // 2 and no bath named, 1e30 made the propagated state NaN (exit 1, internal error).
        string file = Write($$"""
            {"system": {"dims": [2, 2], "b": [1], "ket": [0.6, 0, 0, 0.8], "hamiltonian": [[0.5,0,0,0],[0,-0.5,0,0],[0,0,0.5,0],[0,0,0,-0.5]]},
             "baths": [{"name": "hot", "acts_on": [1], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 0.5},
                        "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": {{rate}}}]}
            """);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "master", "--model-file", file, "--time", "1", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("baths[0] (\"hot\").rate", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("exceeds 1E+06", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.StderrLines.Length <= 3, run.Stderr);
    }

    [Fact]
    public void Csv_splits_the_heat_current_into_one_column_per_bath_named_after_it()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "master", "--model-file", Write(DecayModel), "--time", "1", "--points", "2", "--format", "csv", "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var header = run.Stdout.Split('\n')[0].Split(',');
        Assert.Contains("heat_current_hot", header);
        Assert.Contains("energy_S", header);
    }
}
