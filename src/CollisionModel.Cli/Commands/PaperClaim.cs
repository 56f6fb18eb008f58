using CollisionModel.Cli.Output;
using CollisionModel.Cli.Plotting;

namespace CollisionModel.Cli.Commands;

/// <summary>One claim of the paper: its table (records), a summary (top-level fields) and plots.</summary>
/// <param name="Id">File-safe identifier (letters, digits, '-', '_'), e.g. <c>1-entropy-production</c>; names the files.</param>
/// <param name="Title">The claim in words.</param>
/// <param name="Parameters">The parameters the claim was evaluated at.</param>
/// <param name="Records">The table rows.</param>
/// <param name="Summary">Top-level results (e.g. the fitted order, the worst ratio, a verdict).</param>
/// <param name="Plots">Plots written as <c>{Id}_{plot.Name}.png</c>.</param>
public sealed record PaperClaim(
    string Id,
    string Title,
    ResultRecord Parameters,
    IReadOnlyList<ResultRecord> Records,
    ResultRecord Summary,
    IReadOnlyList<LinePlotSpec> Plots)
{
    /// <summary>The claim as a document of its own (what goes to <c>{Id}.json</c> and <c>{Id}.csv</c>).</summary>
    public ResultDocument ToDocument() =>
        new($"paper {Id}", Conventions.Text, Parameters, Records, Summary) { Title = Title };
}
