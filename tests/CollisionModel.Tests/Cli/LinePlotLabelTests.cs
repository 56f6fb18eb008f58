using CollisionModel.Cli.Plotting;
using CollisionModel.Plotting;
using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Cli;

/// <summary>The CLI's line plots draw every label with the rich-text panels, none with ScottPlot's plain strings.</summary>
public class LinePlotLabelTests
{
    [Fact]
    public void EveryLabelOfALinePlotIsDrawnByARichPanelAndScottPlotDrawsNoneOfThem()
    {
        var spec = new LinePlotSpec("p", "σ and −σ_E", "time t (1/γ)", "E_R (nats)",
            [new PlotSeries("−σ_E", [0, 1], [1, 2]), new PlotSeries("S(ρ‖ρ_T)", [0, 1], [2, 1])]);
        using var plot = LinePlot.Build(spec);
        Assert.Equal("", plot.Axes.Title.Label.Text);
        Assert.Equal("", plot.Axes.Bottom.Label.Text);
        Assert.Equal("", plot.Axes.Left.Label.Text);
        Assert.False(plot.Legend.IsVisible);
        var panels = plot.Axes.GetPanels();
        var labels = panels.OfType<RichLabelPanel>().Select(p => (p.Edge, p.Text.Markup)).ToList();
        Assert.Equal([(ScottPlot.Edge.Top, "σ and −σ_E"), (ScottPlot.Edge.Bottom, "time t (1/γ)"), (ScottPlot.Edge.Left, "E_R (nats)")], labels);
        var legend = Assert.Single(panels.OfType<RichLegendPanel>());
        Assert.Equal(["−σ_E", "S(ρ‖ρ_T)"], legend.Entries.Select(e => e.Label.Markup));
        Assert.Contains(legend.Entries[0].Label.Lines[0].Runs, r => r is { Text: "E", Script: TextScript.Subscript });
    }
}
