using CollisionModel.Cli.Plotting;
using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// Plot labels draw subscripts Unicode lacks (every capital: σ_E, E_R, S_AB) as real subscripts, a smaller run below
/// the baseline, instead of a lowercase stand-in (σₑ).
/// </summary>
public class RichTextTests
{
    private static readonly TextRun[] SigmaE = [new("σ", TextScript.Normal), new("E", TextScript.Subscript)];

    [Fact]
    public void SigmaSubEIsASigmaThenASubscriptCapitalE() => Assert.Equal(SigmaE, PlotText.Parse("σ_E"));

    [Fact]
    public void MarkupSplitsIntoRunsOfEachScript() => Assert.Equal(
        [new("ΔS", TextScript.Normal), new("AB", TextScript.Subscript), new(" + e", TextScript.Normal), new("−ηT", TextScript.Superscript), new(" (nats)", TextScript.Normal)],
        PlotText.Parse("ΔS_AB + e^{−ηT} (nats)"));

    [Fact]
    public void TextWithoutMarkupIsOneRun() =>
        Assert.Equal([new TextRun("time t (1/γ), a_ b", TextScript.Normal)], PlotText.Parse("time t (1/γ), a_ b"));

    [Fact]
    public void ASubscriptIsDrawnSmallerAndBelowTheBaselineAfterTheMainText()
    {
        var text = new RichText("σ_E", 16, bold: false, ScottPlot.Colors.Black);
        var (sigma, e) = (text.Lines[0].Runs[0], text.Lines[0].Runs[1]);
        Assert.Equal((TextScript.Normal, 16f, 0f), (sigma.Script, sigma.Size, sigma.Shift));
        Assert.Equal(16 * RichText.ScriptScale, e.Size, 1e-4);
        Assert.Equal(16 * RichText.SubscriptDrop, e.Shift, 1e-4); // y grows downwards
        Assert.True(e.X > 0 && e.X < text.Width, $"the E starts at {e.X} px, within the label's {text.Width} px, after σ");
    }

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
