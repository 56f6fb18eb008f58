using CollisionModel.Cli.Plotting;
using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Cli;

/// <summary>Log axes read as powers of ten and never hide points silently.</summary>
public class LogAxisPlotTests
{
    [Theory]
    [InlineData(12, "10¹²")]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "10⁰")]
    public void Log_ticks_are_ten_to_a_superscript_power(double log10, string label) =>
        Assert.Equal(label, LinePlot.LogTickLabel(log10));

    [Fact]
    public void A_series_with_zeros_on_a_log_axis_says_in_its_legend_how_many_are_not_drawn()
    {
        // 5 ratios, 2 of them exactly 0 (what the random conjecture plot has for generators with σ_E = 0).
        var spec = new LinePlotSpec("p", "t", "rank", "ratio",
            [new PlotSeries("worst ratio", [1, 2, 3, 4, 5], [10, 1, 0.1, 0, 0]), new PlotSeries("bound", [1, 5], [1, 1])], LogY: true);
        using var plot = LinePlot.Build(spec);
        var legends = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Select(s => s.LegendText).ToList();
        Assert.Equal(["worst ratio (2 of 5 at ≤ 0, off the log y axis)", "bound"], legends);
    }
}
