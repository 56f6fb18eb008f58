using ScottPlot;

namespace CollisionModel.Plotting;

/// <summary>
/// The rich-text counterparts of ScottPlot's <c>Title</c>, <c>XLabel</c>, <c>YLabel</c> and <c>ShowLegend</c>: the same
/// calls on a <see cref="Plot"/>, taking the <see cref="PlotText"/> markup (T_h, β_{hc}, e^{−ηT}), so that a subscript
/// Unicode lacks (every capital, most letters) is drawn as a real one. Each label is a <see cref="RichLabelPanel"/> in
/// the font size, weight and colour ScottPlot would have used, and ScottPlot's own text is left empty so nothing is
/// drawn twice; legend entries stay the plottables' <c>LegendText</c>, written in the same markup. Calling one of the
/// label methods again replaces that label.
/// </summary>
public static class RichPlotText
{
    /// <summary>The title, above the data area.</summary>
    public static RichLabelPanel RichTitle(this Plot plot, string markup)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var style = plot.Axes.Title.Label;
        style.Text = "";
        return Place(plot, Edge.Top, new RichText(markup, style.FontSize, style.Bold, style.ForeColor));
    }

    /// <summary>The label of the bottom axis.</summary>
    public static RichLabelPanel RichXLabel(this Plot plot, string markup) => AxisLabel(plot, Edge.Bottom, markup);

    /// <summary>The label of the left axis.</summary>
    public static RichLabelPanel RichYLabel(this Plot plot, string markup) => AxisLabel(plot, Edge.Left, markup);

    /// <summary>The label of the right axis (for series drawn against <c>plot.Axes.Right</c>), read top to bottom.</summary>
    public static RichLabelPanel RichRightLabel(this Plot plot, string markup) => AxisLabel(plot, Edge.Right, markup);

    /// <summary>
    /// Shows the legend inside the data area at <paramref name="alignment"/>, its labels as rich text: the plot's
    /// <see cref="Plot.Legend"/> becomes a <see cref="RichLegend"/> (settings made on the old legend are not carried over).
    /// </summary>
    public static RichLegend ShowRichLegend(this Plot plot, Alignment alignment = Alignment.LowerRight)
    {
        var legend = Install(plot);
        legend.Alignment = alignment;
        legend.IsVisible = true;
        return legend;
    }

    /// <summary>
    /// Shows the legend outside the data area on <paramref name="edge"/>, its labels as rich text, with
    /// <paramref name="columns"/> entries per row (1 on the left or right edge reads best).
    /// </summary>
    public static RichLegendEdgePanel ShowRichLegend(this Plot plot, Edge edge, int columns = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var legend = Install(plot);
        legend.IsVisible = false; // not inside the data area as well
        legend.Columns = columns;
        var panel = new RichLegendEdgePanel(legend, edge);
        plot.Axes.AddPanel(panel);
        return panel;
    }

    private static RichLabelPanel AxisLabel(Plot plot, Edge edge, string markup)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var axis = edge switch
        {
            Edge.Bottom => (IAxis)plot.Axes.Bottom,
            Edge.Left => plot.Axes.Left,
            _ => plot.Axes.Right,
        };
        var style = axis.Label;
        style.Text = "";
        return Place(plot, edge, new RichText(markup, style.FontSize, style.Bold, style.ForeColor));
    }

    private static RichLegend Install(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (plot.Legend is not RichLegend legend)
        {
            plot.Legend.IsVisible = false;
            legend = new RichLegend(plot);
            plot.Legend = legend;
        }
        foreach (var panel in plot.Axes.GetPanels().OfType<RichLegendEdgePanel>().ToList()) plot.Axes.Remove(panel);
        return legend;
    }

    /// <summary>
    /// Adds the label on <paramref name="edge"/>, replacing an earlier one there, next to the axis: a legend already
    /// on that edge is moved outside it (panels on an edge are stacked outwards in the order they were added).
    /// </summary>
    private static RichLabelPanel Place(Plot plot, Edge edge, RichText text)
    {
        var panels = plot.Axes.GetPanels();
        foreach (var old in panels.OfType<RichLabelPanel>().Where(p => p.Edge == edge)) plot.Axes.Remove(old);
        var legends = panels.OfType<RichLegendEdgePanel>().Where(p => p.Edge == edge).ToList();
        foreach (var legend in legends) plot.Axes.Remove(legend);
        var label = new RichLabelPanel(edge, text);
        plot.Axes.AddPanel(label);
        foreach (var legend in legends) plot.Axes.AddPanel(legend);
        return label;
    }
}
