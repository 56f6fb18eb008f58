using System.Numerics;
using System.Text.Json;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// Model files of shapes beyond the presets run through <c>collision simulate --model-file</c> with the real engines
/// and compared with <see cref="CollisionReference"/>, a brute-force computation written in the tests; preset-shaped
/// files reproduce the presets; <c>converge --model-file</c> converges with order 1.
/// </summary>
public class ModelFilePhysicsTests
{
    private const double Tolerance = 1e-10;

    private static readonly string[] Scalars = ["S_A", "S_B", "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "D_E", "entropy_production_total"];

    private static Matrix<Complex> RandomPure(int n, Random rng)
    {
        var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(n, _ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        psi /= psi.L2Norm();
        return psi.OuterProduct(psi.Conjugate());
    }

    /// <summary>Gibbs state of diag(energies) at β, written out.</summary>
    private static Matrix<Complex> Gibbs(double beta, params double[] energies)
    {
        double z = energies.Sum(x => Math.Exp(-beta * x));
        return Reference.Diag(energies.Select(x => Math.Exp(-beta * x) / z).ToArray());
    }

    private static string WriteModel(string text) => CliHarness.WriteTemp(text, "model.json");

    private static JsonElement Run(params string[] args) => CliHarness.RunJson(args);

    private static Matrix<Complex> ReadMatrix(JsonElement m)
    {
        int n = m.GetArrayLength();
        var result = Matrix<Complex>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) result[i, j] = new Complex(m[i][j][0].GetDouble(), m[i][j][1].GetDouble());
        return result;
    }

    // A JSON number, or +∞ written as the string "Infinity".
    private static double Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.String && e.GetString() == "Infinity" ? double.PositiveInfinity : e.GetDouble();

    private static void AssertMatchesReference(ReferenceModel model, double time, int steps, bool twoQubits, bool isExplicit = false)
    {
        string file = WriteModel(CollisionReference.ToJson(model));
        var doc = Run("simulate", "--model-file", file, "--time", time.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--steps", steps.ToString(System.Globalization.CultureInfo.InvariantCulture), "--representation", isExplicit ? "explicit" : "streaming");
        var reference = isExplicit ? CollisionReference.RunExplicit(model, steps, time / steps) : CollisionReference.Run(model, steps, time / steps);
        var records = doc.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(steps + 1, records.Count);
        foreach (var r in records)
        {
            int k = r.GetProperty("step").GetInt32();
            var expected = reference[k];
            Reference.AssertClose(expected.RhoS, ReadMatrix(r.GetProperty("rho_AB")), Tolerance, $"rho_AB at step {k}");
            double[] values = [expected.SA, expected.SB, expected.SAB, expected.SE, expected.SAE, expected.SBE, expected.SABE, expected.DE, expected.EntropyProductionTotal];
            for (int f = 0; f < Scalars.Length; f++)
                Reference.AssertClose(values[f], Number(r.GetProperty(Scalars[f])), Tolerance, $"{Scalars[f]} at step {k}");
            Reference.AssertClose(expected.SAB + expected.SE - expected.SABE, r.GetProperty("I_AB_E").GetDouble(), Tolerance, $"I_AB_E at step {k}");
            Reference.AssertClose(expected.SAB + expected.SBE - expected.SABE - expected.SB, r.GetProperty("ssa_slack").GetDouble(), Tolerance, $"ssa_slack at step {k}");
            Assert.Equal(twoQubits ? JsonValueKind.Number : JsonValueKind.Null, r.GetProperty("concurrence").ValueKind);
            Assert.Equal(twoQubits ? JsonValueKind.Number : JsonValueKind.Null, r.GetProperty("E_R").ValueKind);
        }
        Assert.Equal(file, doc.GetProperty("parameters").GetProperty("model_file").GetString());
    }

    [Fact]
    public void A_qubit_and_a_qutrit_touched_in_reverse_order_match_the_brute_force_reference()
    {
        // dims [2, 3], B = the qutrit; the bath's coupling acts on (qutrit, qubit, ancilla) — acts_on [1, 0], the
        // reverse of the system order — with a random Hermitian V (12×12), a random H_S and a random mixed ρ_S(0).
        var rng = new Random(12);
        var model = new ReferenceModel([2, 3], [1], RandomMatrices.State(6, rng), RandomMatrices.Hermitian(6, rng),
            [new ReferenceBath([1, 0], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(12, rng), Rate: 1.3)]);
        AssertMatchesReference(model, time: 0.9, steps: 6, twoQubits: false);
    }

    [Fact]
    public void Two_qubits_between_a_hot_and_a_cold_thermal_bath_match_the_brute_force_reference()
    {
        // Hot ancillas on A (H_E = diag(0, 1), β = 0.3), cold ancillas on B (β = 2.5), both thermal states given by
        // their Hamiltonian and β in the file; random couplings and H_S.
        var rng = new Random(21);
        var hE = Reference.Diag(0, 1);
        var model = new ReferenceModel([2, 2], [1], RandomMatrices.State(4, rng), RandomMatrices.Hermitian(4, rng),
        [
            new ReferenceBath([0], Gibbs(0.3, 0, 1), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 0.8, AncillaHamiltonian: hE, Beta: 0.3),
            new ReferenceBath([1], Gibbs(2.5, 0, 1), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.1, AncillaHamiltonian: hE, Beta: 2.5),
        ]);
        AssertMatchesReference(model, time: 1.2, steps: 5, twoQubits: true);
    }

    [Fact]
    public void Qutrit_ancillas_with_a_fixed_angle_match_the_brute_force_reference()
    {
        var rng = new Random(3);
        var model = new ReferenceModel([2, 2], [0], RandomMatrices.State(4, rng), null,
            [new ReferenceBath([0], RandomMatrices.State(3, rng), Coupling: RandomMatrices.Hermitian(6, rng), Angle: 0.37)]);
        AssertMatchesReference(model, time: 0.5, steps: 5, twoQubits: true);
    }

    [Fact]
    public void A_memory_bath_beside_a_memoryless_one_matches_the_brute_force_reference()
    {
        // Bath 0 on B passes correlations on through U = cos φ·1 + i sin φ·SWAP (φ = 0.7) between its used and next
        // ancilla; bath 1 on A is memoryless. The reference carries the next ancilla of every bath explicitly and takes
        // each bath's production term right after its collision with the system, before the memory collision.
        var rng = new Random(44);
        var model = new ReferenceModel([2, 2], [1], RandomMatrices.State(4, rng), RandomMatrices.Hermitian(4, rng),
        [
            new ReferenceBath([1], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.4, MemoryAngle: 0.7),
            new ReferenceBath([0], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Angle: 0.45),
        ]);
        AssertMatchesReference(model, time: 0.8, steps: 5, twoQubits: true);
    }

    [Fact]
    public void Explicit_runs_of_a_qutrit_system_and_of_qutrit_ancillas_match_the_brute_force_reference()
    {
        // --representation explicit keeps every ancilla: E is all of them. The reference keeps them too (density matrices).
        // Pure initial system states here; mixed ones (purified by a reference R_S) are tested below.
        var rng = new Random(12);
        var qutritSystem = new ReferenceModel([2, 3], [1], RandomPure(6, rng), RandomMatrices.Hermitian(6, rng),
            [new ReferenceBath([1, 0], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(12, rng), Rate: 1.3)]);
        AssertMatchesReference(qutritSystem, time: 0.9, steps: 3, twoQubits: false, isExplicit: true);
        var qutritAncillas = new ReferenceModel([2, 2], [0], RandomPure(4, rng), null,
            [new ReferenceBath([0], RandomMatrices.State(3, rng), Coupling: RandomMatrices.Hermitian(6, rng), Angle: 0.37)]);
        AssertMatchesReference(qutritAncillas, time: 0.5, steps: 2, twoQubits: true, isExplicit: true);
    }

    [Fact]
    public void An_explicit_run_with_a_memory_bath_and_two_baths_matches_the_brute_force_reference()
    {
        var rng = new Random(44);
        var model = new ReferenceModel([2, 2], [1], RandomPure(4, rng), RandomMatrices.Hermitian(4, rng),
        [
            new ReferenceBath([1], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.4, MemoryAngle: 0.7),
            new ReferenceBath([0], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Angle: 0.45),
        ]);
        AssertMatchesReference(model, time: 0.8, steps: 2, twoQubits: true, isExplicit: true);
    }

    [Fact]
    public void Explicit_runs_from_a_mixed_initial_state_in_the_file_match_the_brute_force_reference()
    {
        // "state" in the file is a full-rank random ρ_S(0); the explicit engine purifies it by a reference R_S that is
        // neither A, B nor E. Pure ancillas |0⟩ on B, then mixed ancillas with a memory bath beside a memoryless one.
        var rng = new Random(61);
        var pureAncillas = new ReferenceModel([2, 2], [1], RandomMatrices.State(4, rng), RandomMatrices.Hermitian(4, rng),
            [new ReferenceBath([1], Reference.Diag(1, 0), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.1)]);
        AssertMatchesReference(pureAncillas, time: 0.6, steps: 4, twoQubits: true, isExplicit: true);
        var memory = new ReferenceModel([2, 2], [1], RandomMatrices.State(4, rng), RandomMatrices.Hermitian(4, rng),
        [
            new ReferenceBath([1], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.4, MemoryAngle: 0.7),
            new ReferenceBath([0], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Angle: 0.45),
        ]);
        AssertMatchesReference(memory, time: 0.4, steps: 2, twoQubits: true, isExplicit: true);
    }

    private static void AssertSameRecords(JsonElement expected, JsonElement actual, double tolerance)
    {
        var e = expected.GetProperty("records").EnumerateArray().ToList();
        var a = actual.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(e.Count, a.Count);
        for (int i = 0; i < e.Count; i++)
        {
            var names = e[i].EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names, a[i].EnumerateObject().Select(p => p.Name).ToList());
            foreach (string name in names)
            {
                var x = e[i].GetProperty(name);
                var y = a[i].GetProperty(name);
                if (name == "rho_AB") Reference.AssertClose(ReadMatrix(x), ReadMatrix(y), tolerance, $"rho_AB of record {i}");
                else if (x.ValueKind == JsonValueKind.Number) Reference.AssertClose(x.GetDouble(), y.GetDouble(), tolerance, $"{name} of record {i}");
                else Assert.Equal(x.ToString(), y.ToString());
            }
        }
    }

    [Fact]
    public void The_decay_preset_written_as_a_model_file_reproduces_the_preset_records()
    {
        // The paper angle θ = √((γ+κ)δt) is the rate law with rate γ + κ; thermal ancilla diag(γ, κ)/(γ+κ); H_S = (ω/2)σz_B.
        const string file = """
            {"system": {"dims": [2, 2], "b": [1], "ket": [0.6, 0, 0, 0.8],
                        "hamiltonian": [[1, 0, 0, 0], [0, -1, 0, 0], [0, 0, 1, 0], [0, 0, 0, -1]]},
             "baths": [{"acts_on": [1], "ancilla": {"dim": 2, "state": [[0.6666666666666666, 0], [0, 0.3333333333333333]]},
                        "coupling": [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]], "rate": 1.5}]}
            """;
        var preset = Run("simulate", "--model", "decay", "--gamma", "1", "--kappa", "0.5", "--omega", "2", "--a", "0.6",
            "--environment", "mixed", "--time", "0.8", "--steps", "10");
        var fromFile = Run("simulate", "--model-file", WriteModel(file), "--time", "0.8", "--steps", "10");
        AssertSameRecords(preset, fromFile, 1e-12);
    }

    [Fact]
    public void The_dephasing_preset_written_as_a_model_file_reproduces_the_preset_records()
    {
        // The paper's dephasing angle 1 − cos θ = η δt is, at a given δt, the fixed angle θ = 2 arcsin √(η δt / 2) of
        // V = |1⟩⟨1|_B ⊗ σy_E; pure |0⟩ ancillas; H_S = (ω/2)σz_B with ω = 0.7.
        double eta = 1.3, dt = 0.9 / 12;
        double theta = 2 * Math.Asin(Math.Sqrt(eta * dt / 2));
        string file = $$"""
            {"system": {"dims": [2, 2], "b": [1], "ket": [0.6, 0, 0, 0.8],
                        "hamiltonian": [[0.35, 0, 0, 0], [0, -0.35, 0, 0], [0, 0, 0.35, 0], [0, 0, 0, -0.35]]},
             "baths": [{"acts_on": [1], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]},
                        "coupling": [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, [0, -1]], [0, 0, [0, 1], 0]],
                        "angle": {{theta.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}]}
            """;
        var preset = Run("simulate", "--model", "dephasing", "--eta", "1.3", "--omega", "0.7", "--a", "0.6",
            "--time", "0.9", "--steps", "12");
        var fromFile = Run("simulate", "--model-file", WriteModel(file), "--time", "0.9", "--steps", "12");
        AssertSameRecords(preset, fromFile, 1e-12);
    }

    [Fact]
    public void Converge_on_a_rate_only_qutrit_model_has_order_one()
    {
        // The qutrit cooled by thermal qubits (docs/model-files.md): V = J⁻⊗σ⁺ + h.c. has zero mean on a diagonal η,
        // so the Lindblad limit exists; the collision model's error is O(δt), an order of 1.
        const string file = """
            {"system": {"dims": [2, 3], "b": [1], "ket": [0.7071067811865476, 0, 0, 0, 0, 0.7071067811865476],
                        "hamiltonian": [[0,0,0,0,0,0],[0,1,0,0,0,0],[0,0,2,0,0,0],[0,0,0,0,0,0],[0,0,0,0,1,0],[0,0,0,0,0,2]]},
             "baths": [{"acts_on": [1], "ancilla": {"dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 1.0},
                        "coupling": [[0,0,0,0,0,0],[0,0,1,0,0,0],[0,1,0,0,0,0],[0,0,0,0,1,0],[0,0,0,1,0,0],[0,0,0,0,0,0]],
                        "rate": 1.0}]}
            """;
        var doc = Run("converge", "--model-file", WriteModel(file), "--time", "1", "--steps", "100,1000,10000");
        Assert.InRange(doc.GetProperty("order").GetDouble(), 0.95, 1.05);
        foreach (var r in doc.GetProperty("records").EnumerateArray())
        {
            Assert.True(r.GetProperty("trace_distance").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("coherence_error").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("E_R_error").ValueKind);
        }
    }

    [Fact]
    public void Converge_on_a_two_qubit_model_file_reports_the_two_qubit_errors()
    {
        // Two baths on a two-qubit system (examples/TwoBaths): the corner coherence and E_R errors exist; order ≈ 1.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollisionModel.sln"))) dir = dir.Parent;
        string file = Path.Combine(dir!.FullName, "examples", "TwoBaths", "two-baths.json");
        var doc = Run("converge", "--model-file", file, "--time", "1", "--steps", "10,100,1000");
        Assert.InRange(doc.GetProperty("order").GetDouble(), 0.95, 1.05);
        foreach (var r in doc.GetProperty("records").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Number, r.GetProperty("coherence_error").ValueKind);
            Assert.Equal(JsonValueKind.Number, r.GetProperty("E_R_error").ValueKind);
        }
    }

    /// <summary>σx ⊗ σx.</summary>
    private const string XX = "[[0,0,0,1],[0,0,1,0],[0,1,0,0],[1,0,0,0]]";

    [Theory]
    [InlineData("\"ancilla\": {\"dim\": 2, \"state\": [[0.5, 0.5], [0.5, 0.5]]}, \"coupling\": " + XX + ", \"rate\": 1.0", "nonzero mean")]
    [InlineData("\"ancilla\": {\"dim\": 2, \"state\": [[1, 0], [0, 0]]}, \"coupling\": " + XX + ", \"angle\": 0.3", "fixed angle")]
    [InlineData("\"ancilla\": {\"dim\": 2, \"state\": [[1, 0], [0, 0]]}, \"coupling\": " + XX + ", \"rate\": 1.0, \"memory_angle\": 0.2", "memory")]
    [InlineData("\"ancilla\": {\"dim\": 2, \"state\": [[1, 0], [0, 0]]}, \"unitary\": " + XX, "unitary")]
    public void Converge_refuses_a_model_without_a_Lindblad_limit_naming_the_bath(string secondBath, string why)
    {
        // Bath 0 has a limit (σx⊗σx on |0⟩: zero mean); bath 1 has none, for the stated reason.
        string file = WriteModel($$"""
            {"system": {"dims": [2], "b": [0], "ket": [1, 0]},
             "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]}, "coupling": {{XX}}, "rate": 1.0},
                       {"acts_on": [0], {{secondBath}}}]}
            """);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "converge", "--model-file", file, "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("baths[1]", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(why, run.Stderr, StringComparison.Ordinal);
        Assert.True(run.StderrLines.Length <= 3, run.Stderr);
    }
}
