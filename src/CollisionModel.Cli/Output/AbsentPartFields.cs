using CollisionModel.Models;

namespace CollisionModel.Cli.Output;

/// <summary>
/// The record fields that describe a part of the system a model does not have. A model file whose every subsystem is
/// B (a one-qubit system, say) has an empty A: S_A and I(A:E) are 0, S_AE is S_E, the SSA slack I(A:E|B) is 0 and
/// E_R, E_R_lower, the concurrence, σ_E and the conjecture ratio (entanglement between A and B) do not exist. Tables
/// leave these columns out instead of printing a column of zeros or nulls; JSON and CSV keep the fixed field set.
/// </summary>
public static class AbsentPartFields
{
    /// <summary>The fields of part A, in record order (record fields and the top-level <c>max_conjecture_ratio</c>).</summary>
    public static IReadOnlyList<string> OfA { get; } =
        ["S_A", "S_AE", "I_A_E", "ssa_slack", "E_R", "E_R_lower", "concurrence", "sigma_E", "conjecture_ratio",
         "min_ssa_slack", "max_conjecture_ratio"];

    /// <summary>The fields a table of <paramref name="protocol"/>'s records omits: <see cref="OfA"/> when A is empty, else none.</summary>
    public static IReadOnlyList<string> For(CollisionProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return protocol.SubsystemsA.Count == 0 ? OfA : [];
    }

    /// <summary>The note under a table that omitted them (so a reader knows where they went).</summary>
    public static string Note(IReadOnlyList<string> omitted) =>
        $"A is empty (every subsystem is B): {string.Join(", ", omitted)} are left out of this table (they would read 0, "
        + "S_E or null); --format json and csv keep them.";
}
