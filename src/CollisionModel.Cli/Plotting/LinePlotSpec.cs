using CollisionModel.Reproduction;

namespace CollisionModel.Cli.Plotting;

/// <summary>A line plot of several series, with axis labels that carry units.</summary>
/// <param name="Name">File stem (the PNG is written as Name.png).</param>
/// <param name="Title">Plot title.</param>
/// <param name="XLabel">x-axis label with unit, e.g. "time t (1/γ)".</param>
/// <param name="YLabel">y-axis label with unit, e.g. "E_R (nats)".</param>
/// <param name="Series">The curves.</param>
/// <param name="LogX">Logarithmic x axis (non-positive x are skipped).</param>
/// <param name="LogY">Logarithmic y axis (non-positive y are skipped).</param>
public sealed record LinePlotSpec(
    string Name,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<PlotSeries> Series,
    bool LogX = false,
    bool LogY = false);
