using ScottPlot;
using ScottPlot.Panels;

namespace CollisionModel.Plotting;

/// <summary>
/// A <see cref="RichLegend"/> outside the data area, in a panel on an edge of the figure, centred along it (what
/// ScottPlot's <c>Plot.ShowLegend(Edge)</c> does for its own legend). The panel is as deep as the legend's box plus
/// <see cref="Padding"/> on both sides; the legend's <see cref="RichLegend.Columns"/> set how wide it is.
/// </summary>
public sealed class RichLegendEdgePanel : PanelBase
{
    /// <summary>A panel on <paramref name="edge"/> drawing <paramref name="legend"/>.</summary>
    public RichLegendEdgePanel(RichLegend legend, Edge edge)
    {
        ArgumentNullException.ThrowIfNull(legend);
        Legend = legend;
        Edge = edge;
    }

    /// <summary>The legend drawn.</summary>
    public RichLegend Legend { get; }

    /// <summary>Space between the legend's box and the panel's sides, in pixels (ScottPlot's legend panel default).</summary>
    public PixelPadding Padding { get; set; } = new(20, 20);

    /// <inheritdoc/>
    public override float Measure(Paint paint)
    {
        if (!IsVisible) return 0;
        var size = Legend.Measure();
        if (size.Width == 0) return 0;
        return Edge.IsVertical() ? size.Width + Padding.Horizontal : size.Height + Padding.Vertical;
    }

    /// <inheritdoc/>
    public override void Render(RenderPack rp, float size, float offset)
    {
        ArgumentNullException.ThrowIfNull(rp);
        if (!IsVisible) return;
        Legend.DrawInside(rp.Canvas, rp.Paint, GetPanelRect(rp.DataRect, size, offset, rp.Paint), Alignment.MiddleCenter);
    }
}
