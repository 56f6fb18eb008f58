namespace CollisionModel.Models;

// The "cascade" key of a bath: the same ancilla meets each entry's subsystems in order (docs/model-files.md).
public static partial class ModelFile
{
    private static readonly string[] CascadeEntryKeys = ["acts_on", "coupling", "rate", "angle", "unitary"];

    // {"ancilla": …, "cascade": [{"acts_on", "coupling", "rate" | "angle"} | {"acts_on", "unitary"}, …], …}: the entries
    // replace the bath's own acts_on and collision; each entry is read like a bath's collision on its own parts.
    private static Bath ReadCascadeBath(ModelFileElement element, Dictionary<string, ModelFileElement> members, ModelFileElement cascadeElement, int[] dims)
    {
        foreach (string key in CascadeEntryKeys)
            if (members.TryGetValue(key, out var extra))
                throw extra.Error("not allowed with \"cascade\" (each cascade entry gives its own acts_on and collision).");
        // A returning ancilla of a cascade would meet every entry again; no engine path has been verified for that.
        if (members.TryGetValue("drive", out var driveElement))
            throw driveElement.Error("not taken together with \"cascade\": a drive scales one rate or angle, a cascade has one per entry.");
        if (members.TryGetValue("feedback", out var feedbackElement))
            throw feedbackElement.Error("not taken together with \"cascade\": give the delay line to a bath with its own acts_on and collision.");
        var ancilla = ReadAncilla(element.Required(members, "ancilla", "the ancilla: {\"dim\", \"state\"} or {\"dim\", \"hamiltonian\", \"beta\"}"));
        var items = cascadeElement.Array();
        if (items.Length == 0) throw cascadeElement.Error("a cascade needs at least one entry.");
        var entries = new CascadeEntry[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            var entryMembers = items[i].Object(CascadeEntryKeys);
            var actsOnElement = items[i].Required(entryMembers, "acts_on", "the system subsystems this entry's collision touches, e.g. [0]");
            var actsOn = SubsystemList(actsOnElement, dims.Length, "acts_on");
            int local = actsOn.Aggregate(1, (p, k) => p * dims[k]) * ancilla.Dimension;
            string why = $"acts_on [{string.Join(", ", actsOn)}] of dimension {string.Join("·", actsOn.Select(k => dims[k]))} ⊗ ancilla of dimension {ancilla.Dimension} = {local}";
            var given = CollisionKeys(items[i], entryMembers);
            entries[i] = new CascadeEntry(actsOn, ReadCollision(items[i], entryMembers, given[0], [.. actsOn.Select(k => dims[k]), ancilla.Dimension], why));
        }
        double? memoryAngle = members.TryGetValue("memory_angle", out var memoryElement) ? memoryElement.Number() : null;
        string? name = members.TryGetValue("name", out var nameElement) ? nameElement.String() : null;
        return cascadeElement.Checked(() => Bath.Cascaded(entries, dims, ancilla, memoryAngle, name));
    }
}
