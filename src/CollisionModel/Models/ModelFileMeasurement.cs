using CollisionModel.Monitoring;

namespace CollisionModel.Models;

/// <summary>
/// Reads a bath's optional <c>measure</c> key: <c>"energy"</c> (the two-point measurement in H_E's eigenspaces) or
/// <c>{"basis": [[ket], …], "values": [n, …]}</c> (the outgoing ancilla in an orthonormal basis, values default 0, 1, …).
/// Every problem is a <see cref="ModelFileException"/> at the key's path.
/// </summary>
internal static class ModelFileMeasurement
{
    private static readonly string[] BasisKeys = ["basis", "values"];

    /// <summary>The bath's measurement, or null when it has no <c>measure</c> key.</summary>
    public static AncillaMeasurement? Read(ModelFileElement bath, AncillaState ancilla)
    {
        if (!bath.Element.TryGetProperty("measure", out var json)) return null;
        var element = new ModelFileElement(json, bath.ChildPath("measure"));
        if (json.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            string word = element.String();
            if (word != "energy") throw element.Error($"expected \"energy\" or {{\"basis\": …, \"values\": …}}, got \"{word}\".");
            if (ancilla.Hamiltonian is null)
                throw element.Error("\"energy\" needs the ancilla's Hamiltonian (give the ancilla as {\"dim\", \"hamiltonian\", \"beta\"}).");
            return element.Checked(() => AncillaMeasurement.Energy(ancilla));
        }
        if (json.ValueKind != System.Text.Json.JsonValueKind.Object)
            throw element.Error($"expected \"energy\" or {{\"basis\": …, \"values\": …}}, got {ModelFileElement.Kind(json)}.");
        var members = element.Object(BasisKeys);
        int d = ancilla.Dimension;
        var basisElement = element.Required(members, "basis", $"the {d} orthonormal kets of the outgoing ancilla's measurement");
        var kets = basisElement.Array();
        if (kets.Length != d) throw basisElement.Error($"expected {d} kets (one per ancilla level), got {kets.Length}.");
        var basis = kets.Select(k => k.Vector(d, $"the ancilla dimension {d}")).ToArray();
        int[]? values = null;
        if (members.TryGetValue("values", out var valuesElement))
        {
            var items = valuesElement.Array();
            if (items.Length != d) throw valuesElement.Error($"expected one integer per basis ket ({d}), got {items.Length}.");
            values = items.Select(i => i.Integer()).ToArray();
        }
        return basisElement.Checked(() => AncillaMeasurement.InBasis(basis, values));
    }
}
