using CollisionModel.Plotting;
using ScottPlot;

namespace CollisionModel.Tests.Plotting;

/// <summary>
/// The examples' one call per label (RichTitle, RichXLabel, RichYLabel, RichRightLabel, ShowRichLegend) draws T_h with a
/// real subscript h and leaves ScottPlot nothing to draw as a literal "T_h".
/// </summary>
public class RichPlotTextTests
{
    private static Plot PlotWithLabels()
    {
        var plot = new Plot();
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 }).LegendText = "J_c, Lindblad limit";
        plot.RichTitle("heat drawn against T_h");
        plot.RichXLabel("hot bath temperature T_h");
        plot.RichYLabel("cooling current J_c");
        plot.RichRightLabel("efficiency −W/Q_h");
        return plot;
    }

    [Fact]
    public void EachLabelIsARichPanelOnItsEdgeAndScottPlotsOwnTextIsEmpty()
    {
        using var plot = PlotWithLabels();
        Assert.Equal(["", "", "", ""], new[] { plot.Axes.Title.Label.Text, plot.Axes.Bottom.Label.Text, plot.Axes.Left.Label.Text, plot.Axes.Right.Label.Text });
        var labels = plot.Axes.GetPanels().OfType<RichLabelPanel>().Select(p => (p.Edge, p.Text.Markup)).ToList();
        Assert.Equal([(Edge.Top, "heat drawn against T_h"), (Edge.Bottom, "hot bath temperature T_h"), (Edge.Left, "cooling current J_c"), (Edge.Right, "efficiency −W/Q_h")], labels);
    }

    [Fact]
    public void TheHOfTHIsASubscriptRun()
    {
        using var plot = PlotWithLabels();
        var x = plot.Axes.GetPanels().OfType<RichLabelPanel>().Single(p => p.Edge == Edge.Bottom);
        var last = x.Text.Lines[0].Runs[^1];
        Assert.Equal(("h", TextScript.Subscript), (last.Text, last.Script));
    }

    [Fact]
    public void SettingALabelAgainReplacesIt()
    {
        using var plot = PlotWithLabels();
        plot.RichXLabel("T_c");
        var bottom = plot.Axes.GetPanels().OfType<RichLabelPanel>().Where(p => p.Edge == Edge.Bottom).Select(p => p.Text.Markup);
        Assert.Equal(["T_c"], bottom);
    }

    [Fact]
    public void TheLabelsTakeScottPlotsFontSizeAndWeight()
    {
        using var plot = new Plot();
        plot.Axes.Left.Label.FontSize = 21;
        plot.Axes.Left.Label.Bold = false;
        var label = plot.RichYLabel("J_c");
        Assert.Equal(21f, label.Text.Size);
        Assert.Equal(SkiaSharp.SKFontStyleWeight.Normal, (SkiaSharp.SKFontStyleWeight)label.Text.Typeface.FontWeight);
    }

    [Fact]
    public void ALegendInsideTheDataAreaReplacesScottPlotsAtTheAlignmentAsked()
    {
        using var plot = PlotWithLabels();
        var legend = plot.ShowRichLegend(Alignment.UpperRight);
        Assert.Same(legend, plot.Legend);
        Assert.Equal((true, Alignment.UpperRight), (legend.IsVisible, legend.Alignment));
        Assert.Empty(plot.Axes.GetPanels().OfType<RichLegendEdgePanel>());
    }

    [Fact]
    public void ALegendOnAnEdgeIsOnePanelThereAndNotAlsoInsideTheDataArea()
    {
        using var plot = PlotWithLabels();
        plot.ShowRichLegend(Edge.Bottom, columns: 2);
        plot.ShowRichLegend(Edge.Bottom, columns: 2);
        var panel = Assert.Single(plot.Axes.GetPanels().OfType<RichLegendEdgePanel>());
        Assert.Equal(Edge.Bottom, panel.Edge);
        Assert.False(plot.Legend.IsVisible);
    }

    [Fact]
    public void AnAxisLabelSetAfterALegendOnItsEdgeStillSitsNextToTheAxis()
    {
        using var plot = new Plot();
        plot.ShowRichLegend(Edge.Bottom);
        plot.RichXLabel("T_h");
        // Panels on one edge are stacked outwards in their order: the label must come before the legend.
        var bottom = plot.Axes.GetPanels().Where(p => p is RichLabelPanel or RichLegendEdgePanel && p.Edge == Edge.Bottom).ToList();
        Assert.IsType<RichLabelPanel>(bottom[0]);
        Assert.IsType<RichLegendEdgePanel>(bottom[1]);
    }

    [Fact]
    public void ColumnsSetTheRowsFourEntriesInTwoColumnsStandAsTallAsTwoInOne()
    {
        static PixelSize Box(int entries, int columns)
        {
            using var plot = new Plot();
            for (int i = 0; i < entries; i++) plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { i, i }).LegendText = $"β_{i}";
            var legend = plot.ShowRichLegend();
            legend.Columns = columns;
            return legend.Measure();
        }
        var (twoRowsOneColumn, twoRowsTwoColumns) = (Box(2, 1), Box(4, 2));
        Assert.Equal(twoRowsOneColumn.Height, twoRowsTwoColumns.Height, 1e-3);
        Assert.True(twoRowsTwoColumns.Width > 1.5 * twoRowsOneColumn.Width, $"{twoRowsTwoColumns.Width} px against {twoRowsOneColumn.Width} px");
    }

    [Fact]
    public void ALegendWithoutEntriesTakesNoSpace()
    {
        using var plot = new Plot();
        var panel = plot.ShowRichLegend(Edge.Right);
        using var paint = Paint.NewDisposablePaint();
        Assert.Equal(0f, panel.Measure(paint));
    }

    [Fact]
    public void ALegendBelowTheDataAreaTakesItsRoomFromTheDataAreaSoNothingOverlaps()
    {
        static float DataHeight(bool legend)
        {
            using var plot = PlotWithLabels();
            if (legend) plot.ShowRichLegend(Edge.Bottom, columns: 2);
            plot.GetImage(400, 300);
            return plot.RenderManager.LastRender.DataRect.Height;
        }
        float without = DataHeight(false), with = DataHeight(true);
        using var probe = PlotWithLabels();
        float box = probe.ShowRichLegend(Edge.Bottom, columns: 2).Legend.Measure().Height;
        Assert.Equal(without - box - 40, with, 1.0); // 40: the panel's 20 px above and below the box
    }
}
