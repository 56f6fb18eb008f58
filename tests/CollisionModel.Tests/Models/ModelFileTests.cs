using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Models;

public class ModelFileTests
{
    public static TheoryData<string> MalformedNames() => [.. ModelFileCases.Malformed().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public void A_malformed_file_is_refused_naming_the_key_and_the_problem(string name)
    {
        var c = ModelFileCases.Malformed().Single(x => x.Name == name);
        var e = Assert.Throws<ModelFileException>(() => ModelFile.Parse(c.Text));
        Assert.Contains(c.KeyPath, e.Message, StringComparison.Ordinal);
        Assert.Contains(c.Problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_path_is_exposed_exactly()
    {
        var c = ModelFileCases.Malformed().Single(x => x.Name == "non-Hermitian coupling");
        var e = Assert.Throws<ModelFileException>(() => ModelFile.Parse(c.Text));
        Assert.Equal("baths[0].coupling", e.KeyPath);
    }

    [Theory]
    [InlineData("angle", 1e100, "exceeds 1E+06")]
    [InlineData("rate", -1.0, "≥ 0")]
    public void A_named_baths_rate_or_angle_is_refused_under_the_baths_name(string key, double value, string problem)
    {
        // The protocol names a bath so when a step cannot be built (baths[0] ("hot").rate); reading the file does too.
        var root = System.Text.Json.Nodes.JsonNode.Parse(ModelFileCases.Base)!.AsObject();
        var bath = root["baths"]![0]!.AsObject();
        bath.Remove("rate");
        bath["name"] = "hot";
        bath[key] = value;
        var e = Assert.Throws<ModelFileException>(() => ModelFile.Parse(root.ToJsonString()));
        Assert.Equal($"baths[0] (\"hot\").{key}", e.KeyPath);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_file_reads_as_written()
    {
        var model = ModelFile.Parse(ModelFileCases.Base);
        var p = model.Protocol;
        Assert.Equal([2, 2], p.SystemSpace.Dimensions);
        Assert.Equal([1], p.SubsystemsB);
        Assert.Equal([0], p.SubsystemsA);
        Assert.Equal(SplittingOrder.Strang, p.Splitting);
        // H_S = ½σz on qubit 1, written out entry by entry in the file.
        var h = Tensor.Embed(0.5 * Pauli.Z, p.SystemSpace, 1);
        Assert.True((p.SystemHamiltonian! - h).FrobeniusNorm() < 1e-15);
        var bath = Assert.Single(p.Baths);
        Assert.Equal([1], bath.ActsOn);
        Assert.Equal(BathCollisionKind.Rate, bath.Collision.Kind);
        Assert.Equal(1.0, bath.Collision.Rate);
        Assert.True((bath.Collision.Coupling! - Tensor.Kron(Pauli.X, Pauli.X)).FrobeniusNorm() < 1e-15);
        Assert.Equal(1.0, bath.Ancilla.State[0, 0].Real);
        // (|00⟩ + |11⟩)/√2: ρ = ½ on the corners.
        Assert.Equal(0.5, model.InitialState[0, 3].Real, 15);
        Assert.Equal(0.5, model.InitialState[3, 3].Real, 15);
        Assert.Equal(0.0, model.InitialState[1, 1].Real, 15);
    }

    [Fact]
    public void A_thermal_qutrit_ancilla_is_the_Gibbs_state_of_its_hamiltonian()
    {
        // H_E = diag(0, 1, 3), β = 0.7: η = diag(1, e^{−0.7}, e^{−2.1}) / Z, written in closed form.
        const string json = """
            {"system": {"dims": [2], "b": [0], "ket": [1, 0]},
             "baths": [{"acts_on": [0], "ancilla": {"dim": 3, "hamiltonian": [[0,0,0],[0,1,0],[0,0,3]], "beta": 0.7},
                        "unitary": [[1,0,0,0,0,0],[0,1,0,0,0,0],[0,0,1,0,0,0],[0,0,0,1,0,0],[0,0,0,0,1,0],[0,0,0,0,0,1]]}]}
            """;
        var ancilla = Assert.Single(ModelFile.Parse(json).Protocol.Baths).Ancilla;
        double z = 1 + Math.Exp(-0.7) + Math.Exp(-2.1);
        Assert.Equal(1 / z, ancilla.State[0, 0].Real, 14);
        Assert.Equal(Math.Exp(-0.7) / z, ancilla.State[1, 1].Real, 14);
        Assert.Equal(Math.Exp(-2.1) / z, ancilla.State[2, 2].Real, 14);
        Assert.Equal(0.7, ancilla.Beta);
        Assert.Equal(3.0, ancilla.Hamiltonian![2, 2].Real);
    }

    [Fact]
    public void Entries_are_plain_numbers_or_re_im_pairs()
    {
        // V = σy_S ⊗ σx_E has imaginary entries: ⟨0|σy|1⟩ = −i.
        const string json = """
            {"system": {"dims": [2], "b": [0], "ket": [[0.6, 0], [0, 0.8]]},
             "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[0.5, 0], [0, 0.5]]},
                        "coupling": [[0, 0, 0, [0, -1]], [0, 0, [0, -1], 0], [0, [0, 1], 0, 0], [[0, 1], 0, 0, 0]], "angle": 0.3}]}
            """;
        var model = ModelFile.Parse(json);
        var bath = Assert.Single(model.Protocol.Baths);
        Assert.Equal(BathCollisionKind.Angle, bath.Collision.Kind);
        Assert.Equal(0.3, bath.Collision.FixedAngle);
        Assert.True((bath.Collision.Coupling! - Tensor.Kron(Pauli.Y, Pauli.X)).FrobeniusNorm() < 1e-15);
        // |ψ⟩ = 0.6|0⟩ + 0.8i|1⟩: ⟨0|ρ|1⟩ = 0.6 · conj(0.8i) = −0.48i.
        Assert.Equal(new Complex(0, -0.48), model.InitialState[0, 1]);
    }

    [Fact]
    public void Two_baths_keep_their_order_names_memory_and_splitting()
    {
        const string json = """
            {"system": {"dims": [3, 2], "b": [1], "ket": [1, 0, 0, 0, 0, 0],
                        "hamiltonian": [[1,0,0,0,0,0],[0,1,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,-1,0],[0,0,0,0,0,-1]],
                        "splitting": "lie"},
             "baths": [
               {"name": "hot", "acts_on": [1], "ancilla": {"dim": 2, "hamiltonian": [[0,0],[0,1]], "beta": 0.2},
                "coupling": [[0,0,0,1],[0,0,1,0],[0,1,0,0],[1,0,0,0]], "rate": 2, "memory_angle": 0.4},
               {"name": "cold", "acts_on": [0], "ancilla": {"dim": 2, "hamiltonian": [[0,0],[0,1]], "beta": 5},
                "coupling": [[0,0,0,0,0,0],[0,0,1,0,0,0],[0,1,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,0,0]], "rate": 0.5}]}
            """;
        var p = ModelFile.Parse(json).Protocol;
        Assert.Equal(SplittingOrder.Lie, p.Splitting);
        Assert.Equal(["hot", "cold"], p.Baths.Select(b => b.Name));
        Assert.Equal(0.4, p.Baths[0].MemoryAngle);
        Assert.Null(p.Baths[1].MemoryAngle);
        Assert.Equal([0], p.Baths[1].ActsOn);
        Assert.Equal(6, p.Baths[1].Collision.Dimension);
        Assert.Equal(5.0, p.Baths[1].Ancilla.Beta);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_not_an_error()
    {
        var model = ModelFile.Parse("\uFEFF" + ModelFileCases.Base);
        Assert.Equal(4, model.InitialState.Dimension);
    }

    [Fact]
    public void Load_reads_the_same_model_as_Parse()
    {
        string path = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ModelFileCases.Base);
        try
        {
            var loaded = ModelFile.Load(path);
            var parsed = ModelFile.Parse(ModelFileCases.Base);
            Assert.Equal(parsed.InitialState.ColumnMajor.ToArray(), loaded.InitialState.ColumnMajor.ToArray());
            Assert.Equal(parsed.Protocol.Baths[0].Collision.Coupling, loaded.Protocol.Baths[0].Collision.Coupling);
        }
        finally
        {
            File.Delete(path);
        }
    }

}
