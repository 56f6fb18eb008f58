using System.Text.Json.Nodes;

namespace CollisionModel.Tests.TestSupport;

/// <summary>
/// Model-file texts for the reader and CLI tests: a valid two-qubit base model and the malformed variants every
/// reader must refuse, each with the key path the error has to name and a word of the problem.
/// </summary>
internal static class ModelFileCases
{
    /// <summary>
    /// Two qubits in (|00⟩ + |11⟩)/√2, B = qubit 1, one bath: a ground-state qubit ancilla coupled by V = σx_B ⊗ σx_E at
    /// rate 1 (zero mean on |0⟩, so it has a Lindblad limit), and H_S = ½σz_B.
    /// </summary>
    public const string Base = """
        {
          "system": {
            "dims": [2, 2],
            "b": [1],
            "ket": [0.7071067811865476, 0, 0, 0.7071067811865476],
            "hamiltonian": [[0.5, 0, 0, 0], [0, -0.5, 0, 0], [0, 0, 0.5, 0], [0, 0, 0, -0.5]]
          },
          "baths": [
            {
              "acts_on": [1],
              "ancilla": { "dim": 2, "state": [[1, 0], [0, 0]] },
              "coupling": [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0]],
              "rate": 1.0
            }
          ]
        }
        """;

    private static JsonObject Root() => JsonNode.Parse(Base)!.AsObject();

    private static JsonObject System(JsonObject root) => root["system"]!.AsObject();

    private static JsonObject Bath0(JsonObject root) => root["baths"]![0]!.AsObject();

    private static JsonObject Ancilla0(JsonObject root) => Bath0(root)["ancilla"]!.AsObject();

    /// <summary>Bath 0 as a cascade: the same ancilla meets qubit 0 (σx⊗σx, rate 1), then qubit 1 (rate 0.5).</summary>
    private static void MakeCascade(JsonObject root)
    {
        var bath = Bath0(root);
        var coupling = bath["coupling"]!;
        foreach (string key in (string[])["acts_on", "coupling", "rate"]) bath.Remove(key);
        bath["cascade"] = new JsonArray(
            new JsonObject { ["acts_on"] = new JsonArray(0), ["coupling"] = coupling.DeepClone(), ["rate"] = 1.0 },
            new JsonObject { ["acts_on"] = new JsonArray(1), ["coupling"] = coupling.DeepClone(), ["rate"] = 0.5 });
    }

    /// <summary>The base model with bath 0 made a cascade (<see cref="MakeCascade"/>).</summary>
    public static string Cascade => Edit(MakeCascade);

    private static JsonObject Entry(JsonObject root, int i) => Bath0(root)["cascade"]![i]!.AsObject();

    private static JsonNode Matrix(params double[][] rows) => new JsonArray(rows.Select(r => (JsonNode)new JsonArray(r.Select(x => (JsonNode)x).ToArray())).ToArray());

    private static JsonNode Identity(int n) =>
        Matrix(Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => i == j ? 1.0 : 0.0).ToArray()).ToArray());

    private static string Edit(Action<JsonObject> edit)
    {
        var root = Root();
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>(case name, file text, key path the message must contain, a word of the problem).</summary>
    public static IEnumerable<(string Name, string Text, string KeyPath, string Problem)> Malformed()
    {
        // Sizes.
        yield return ("coupling 2×2 instead of 4×4", Edit(r => Bath0(r)["coupling"] = Identity(2)), "baths[0].coupling", "4×4");
        yield return ("coupling row too short", Edit(r => Bath0(r)["coupling"]![1] = new JsonArray(0, 0, 1)), "baths[0].coupling[1]", "4 entries");
        yield return ("state of the wrong size", Edit(r => { System(r).Remove("ket"); System(r)["state"] = Identity(3); }), "system.state", "4×4");
        yield return ("ket of the wrong length", Edit(r => System(r)["ket"] = new JsonArray(1, 0)), "system.ket", "4 entries");
        yield return ("ancilla state of the wrong size", Edit(r => Ancilla0(r)["state"] = Identity(3)), "baths[0].ancilla.state", "2×2");
        // Hermiticity.
        yield return ("non-Hermitian coupling", Edit(r => Bath0(r)["coupling"]![0]![3] = 2), "baths[0].coupling", "not Hermitian");
        yield return ("non-Hermitian state", Edit(r => { System(r).Remove("ket"); System(r)["state"] = Matrix([0.5, 0.3, 0, 0], [0, 0.5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]); }), "system.state", "not Hermitian");
        yield return ("non-Hermitian system hamiltonian", Edit(r => System(r)["hamiltonian"]![0]![1] = new JsonArray(0, 1)), "system.hamiltonian", "not Hermitian");
        yield return ("non-Hermitian ancilla hamiltonian", Edit(r => Bath0(r)["ancilla"] = new JsonObject { ["dim"] = 2, ["hamiltonian"] = Matrix([0, 1], [0, 0]), ["beta"] = 1 }), "baths[0].ancilla.hamiltonian", "not Hermitian");
        // Trace, positivity, norm.
        yield return ("state with trace 0.9", Edit(r => { System(r).Remove("ket"); System(r)["state"] = Matrix([0.4, 0, 0, 0], [0, 0.5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]); }), "system.state", "trace 1");
        yield return ("ancilla state with trace 2", Edit(r => Ancilla0(r)["state"] = Identity(2)), "baths[0].ancilla.state", "trace 1");
        yield return ("state with a negative eigenvalue", Edit(r => { System(r).Remove("ket"); System(r)["state"] = Matrix([1.2, 0, 0, 0], [0, -0.2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]); }), "system.state", "eigenvalue");
        yield return ("ket not normalised", Edit(r => System(r)["ket"] = new JsonArray(1, 0, 0, 1)), "system.ket", "norm 1");
        // Unitary.
        yield return ("non-unitary unitary", Edit(r => { Bath0(r).Remove("rate"); Bath0(r).Remove("coupling"); Bath0(r)["unitary"] = Matrix([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 2]); }), "baths[0].unitary", "not unitary");
        yield return ("unitary of the wrong size", Edit(r => { Bath0(r).Remove("rate"); Bath0(r).Remove("coupling"); Bath0(r)["unitary"] = Identity(8); }), "baths[0].unitary", "4×4");
        // β.
        yield return ("negative beta", Edit(r => Bath0(r)["ancilla"] = new JsonObject { ["dim"] = 2, ["hamiltonian"] = Matrix([0, 0], [0, 1]), ["beta"] = -1 }), "baths[0].ancilla.beta", "≥ 0");
        yield return ("beta without hamiltonian", Edit(r => Bath0(r)["ancilla"] = new JsonObject { ["dim"] = 2, ["beta"] = 1 }), "baths[0].ancilla.beta", "without");
        yield return ("hamiltonian without beta", Edit(r => Bath0(r)["ancilla"] = new JsonObject { ["dim"] = 2, ["hamiltonian"] = Matrix([0, 0], [0, 1]) }), "baths[0].ancilla.beta", "missing");
        yield return ("state and hamiltonian both", Edit(r => Ancilla0(r)["hamiltonian"] = Matrix([0, 0], [0, 1])), "baths[0].ancilla", "not both");
        // Unknown keys, at every level.
        yield return ("unknown top-level key", Edit(r => r["sytem"] = 1), "sytem", "unknown key");
        yield return ("unknown system key", Edit(r => System(r)["hamiltonain"] = 1), "system.hamiltonain", "unknown key");
        yield return ("unknown bath key", Edit(r => Bath0(r)["rates"] = 1), "baths[0].rates", "unknown key");
        yield return ("unknown ancilla key", Edit(r => Ancilla0(r)["temperature"] = 1), "baths[0].ancilla.temperature", "unknown key");
        yield return ("duplicate key", Base.Replace("\"b\": [1],", "\"b\": [1], \"b\": [0],", StringComparison.Ordinal), "system.b", "twice");
        // Missing keys.
        yield return ("missing system", Edit(r => r.Remove("system")), "system", "missing");
        yield return ("missing baths", Edit(r => r.Remove("baths")), "baths", "missing");
        yield return ("missing dims", Edit(r => System(r).Remove("dims")), "system.dims", "missing");
        yield return ("missing b", Edit(r => System(r).Remove("b")), "system.b", "missing");
        yield return ("missing initial state", Edit(r => System(r).Remove("ket")), "system.state", "missing");
        yield return ("missing acts_on", Edit(r => Bath0(r).Remove("acts_on")), "baths[0].acts_on", "missing");
        yield return ("missing ancilla", Edit(r => Bath0(r).Remove("ancilla")), "baths[0].ancilla", "missing");
        yield return ("missing ancilla dim", Edit(r => Ancilla0(r).Remove("dim")), "baths[0].ancilla.dim", "missing");
        yield return ("missing coupling with a rate", Edit(r => Bath0(r).Remove("coupling")), "baths[0].coupling", "missing");
        yield return ("no rate, angle or unitary", Edit(r => Bath0(r).Remove("rate")), "baths[0]", "exactly one");
        // Two of rate / angle / unitary; coupling with a unitary.
        yield return ("rate and angle", Edit(r => Bath0(r)["angle"] = 0.3), "baths[0]", "\"rate\" and \"angle\"");
        yield return ("rate and unitary", Edit(r => Bath0(r)["unitary"] = Identity(4)), "baths[0]", "\"rate\" and \"unitary\"");
        yield return ("coupling with a unitary", Edit(r => { Bath0(r).Remove("rate"); Bath0(r)["unitary"] = Identity(4); }), "baths[0].coupling", "not allowed");
        // Numbers: NaN, infinities, strings, out-of-range values.
        yield return ("rate as the string NaN", Edit(r => Bath0(r)["rate"] = "NaN"), "baths[0].rate", "expected a number");
        yield return ("matrix entry as the string Infinity", Edit(r => Bath0(r)["coupling"]![0]![0] = "Infinity"), "baths[0].coupling[0][0]", "expected a number");
        yield return ("rate overflowing a double", Base.Replace("\"rate\": 1.0", "\"rate\": 1e400", StringComparison.Ordinal), "baths[0].rate", "range");
        yield return ("negative rate", Edit(r => Bath0(r)["rate"] = -1), "baths[0].rate", "≥ 0");
        yield return ("entry pair of three numbers", Edit(r => Bath0(r)["coupling"]![0]![0] = new JsonArray(0, 0, 0)), "baths[0].coupling[0][0]", "[re, im]");
        yield return ("dims entry as a string", Edit(r => System(r)["dims"]![0] = "2"), "system.dims[0]", "expected an integer");
        yield return ("memory_angle as a string", Edit(r => Bath0(r)["memory_angle"] = "0.3"), "baths[0].memory_angle", "expected a number");
        yield return ("splitting unknown", Edit(r => System(r)["splitting"] = "trotter"), "system.splitting", "strang");
        // Cascades: each entry is read like a bath's collision, on its own parts.
        yield return ("cascade entry without rate, angle or unitary", Edit(r => { MakeCascade(r); Entry(r, 1).Remove("rate"); }), "baths[0].cascade[1]", "exactly one");
        yield return ("cascade entry coupling of the wrong dimension", Edit(r => { MakeCascade(r); Entry(r, 0)["coupling"] = Identity(8); }), "baths[0].cascade[0].coupling", "4×4");
        yield return ("cascade entry unitary of the wrong dimension", Edit(r => { MakeCascade(r); Entry(r, 1).Remove("rate"); Entry(r, 1).Remove("coupling"); Entry(r, 1)["unitary"] = Identity(2); }), "baths[0].cascade[1].unitary", "4×4");
        yield return ("cascade entry acts_on out of range", Edit(r => { MakeCascade(r); Entry(r, 1)["acts_on"] = new JsonArray(2); }), "baths[0].cascade[1].acts_on[0]", "out of range");
        yield return ("cascade entry unknown key", Edit(r => { MakeCascade(r); Entry(r, 0)["ancilla"] = 1; }), "baths[0].cascade[0].ancilla", "unknown key");
        yield return ("cascade beside acts_on", Edit(r => { MakeCascade(r); Bath0(r)["acts_on"] = new JsonArray(1); }), "baths[0].acts_on", "not allowed with \"cascade\"");
        yield return ("cascade empty", Edit(r => { MakeCascade(r); Bath0(r)["cascade"] = new JsonArray(); }), "baths[0].cascade", "at least one");
        // Invalid JSON.
        yield return ("missing comma", Base.Replace("\"b\": [1],", "\"b\": [1]", StringComparison.Ordinal), "line 5", "invalid JSON");
        yield return ("bare NaN", Base.Replace("\"rate\": 1.0", "\"rate\": NaN", StringComparison.Ordinal), "line 13", "invalid JSON");
        yield return ("empty file", "", "line 1", "invalid JSON");
        yield return ("document not an object", "[1, 2]", "(document)", "expected an object");
        // Ranges.
        yield return ("acts_on out of range", Edit(r => Bath0(r)["acts_on"] = new JsonArray(2)), "baths[0].acts_on[0]", "out of range");
        yield return ("acts_on listed twice", Edit(r => Bath0(r)["acts_on"] = new JsonArray(1, 1)), "baths[0].acts_on[1]", "twice");
        yield return ("b out of range", Edit(r => System(r)["b"] = new JsonArray(-1)), "system.b[0]", "out of range");
        yield return ("B empty", Edit(r => System(r)["b"] = new JsonArray()), "system.b", "at least one");
        yield return ("dims product above 64", Edit(r => System(r)["dims"] = new JsonArray(4, 4, 4, 2)), "system.dims", "64");
        yield return ("dims entry 1", Edit(r => System(r)["dims"] = new JsonArray(2, 1)), "system.dims[1]", "≥ 2");
        yield return ("ancilla dim 9", Edit(r => Ancilla0(r)["dim"] = 9), "baths[0].ancilla.dim", "2 … 8");
        yield return ("no baths", Edit(r => r["baths"] = new JsonArray()), "baths", "at least one");
        yield return ("state and ket both", Edit(r => System(r)["state"] = Identity(4)), "system", "exactly one");
    }
}
