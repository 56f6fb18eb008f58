namespace CollisionModel.Reproduction;

/// <summary>One data series of a plot; non-finite points are skipped when drawing.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates (same length as <paramref name="X"/>).</param>
public sealed record PlotSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>A line plot of a claim, written as <c>{claim id}_{Name}.png</c>.</summary>
/// <param name="Name">File-safe plot name.</param>
/// <param name="Title">Plot title.</param>
/// <param name="XLabel">x-axis label with units, e.g. "time t (1/γ)".</param>
/// <param name="YLabel">y-axis label with units, e.g. "entropy production σ (nats per unit time)".</param>
/// <param name="LogLog">Both axes logarithmic.</param>
/// <param name="Series">The lines.</param>
public sealed record ClaimPlot(string Name, string Title, string XLabel, string YLabel, bool LogLog, IReadOnlyList<PlotSeries> Series)
{
    /// <summary>A logarithmic y axis with a linear x axis, for a quantity spanning decades (e.g. the conjecture ratio).</summary>
    public bool LogY { get; init; }
}
