namespace CollisionModel.Reproduction;

/// <summary>A named value of a claim's parameters or summary: double, double? (null = does not exist), long, int, string, bool or DensityMatrix.</summary>
/// <param name="Name">Field name (snake_case, as written to CSV/JSON).</param>
/// <param name="Value">The value.</param>
public sealed record ClaimField(string Name, object? Value);

/// <summary>
/// One claim of the seed paper evaluated by the engine: a table (columns and rows), a summary, plots, and whether
/// the (corrected) claim holds at the evaluated parameters. Values are nats and nats per unit time.
/// </summary>
/// <param name="Id">File-safe identifier, e.g. <c>1-entropy-production</c>.</param>
/// <param name="Title">The claim in words.</param>
/// <param name="Parameters">What it was evaluated at.</param>
/// <param name="Columns">Column names of the table.</param>
/// <param name="Rows">Table rows; each row has one value per column (double, double?, long, int, string, bool or DensityMatrix).</param>
/// <param name="Summary">Top-level results (fitted order, worst ratio, maximal deviation, …).</param>
/// <param name="Plots">Plots of the claim.</param>
/// <param name="Holds">Whether the claim, as corrected in docs/errata.md, holds within the stated tolerance.</param>
/// <param name="Finding">One sentence stating what was found, with the decisive number.</param>
public sealed record ClaimReport(
    string Id,
    string Title,
    IReadOnlyList<ClaimField> Parameters,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<ClaimField> Summary,
    IReadOnlyList<ClaimPlot> Plots,
    bool Holds,
    string Finding)
{
    /// <summary>
    /// True when the claim holds only in the corrected form of docs/errata.md (the paper's own formula or sign is
    /// wrong); false when it holds as the paper states it.
    /// </summary>
    public bool Corrected { get; init; }

    /// <summary>The verdict in one word: "refuted" unless it holds, else "corrected" or "held".</summary>
    public string Verdict => !Holds ? "refuted" : Corrected ? "corrected" : "held";
}
