using ScottPlot;
using SkiaSharp;

namespace CollisionModel.Plotting;

/// <summary>
/// ScottPlot's legend with every entry's label drawn as <see cref="RichText"/> (J_c, T_h*, β_r with real subscripts):
/// the same entries (each plottable's <c>LegendText</c>, in plot order), symbols, frame, shadow and spacing as
/// <see cref="Legend"/>, laid out in <see cref="Columns"/> columns filled row by row. Installed as the plot's
/// <see cref="Plot.Legend"/> by <see cref="RichPlotText.ShowRichLegend(Plot, Alignment)"/> it is drawn inside the data
/// area at <see cref="Legend.Alignment"/>; a <see cref="RichLegendEdgePanel"/> draws it outside, on an edge.
/// Of the base legend's options, <c>Orientation</c>, <c>MarkerShapeOverride</c> and the fading of hidden plottables'
/// entries are not drawn (no example uses them), nor is its <c>GetImage</c>/<c>GetSvgXml</c> rich.
/// </summary>
public sealed class RichLegend(Plot plot) : Legend(plot)
{
    /// <summary>Entries per row (1: a single column, the entries one below the other).</summary>
    public int Columns { get; set; } = 1;

    /// <summary>Draws the legend inside the data area at <see cref="Legend.Alignment"/> (called by ScottPlot's render).</summary>
    public override void Render(RenderPack rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        if (!IsVisible) return;
        DrawInside(rp.Canvas, rp.Paint, rp.DataRect.Contract(Margin), Alignment);
    }

    /// <summary>The size of the framed box, in pixels (zero when there is no entry).</summary>
    public PixelSize Measure() => Arrange(Entries()).Size;

    /// <summary>Draws the framed box aligned inside <paramref name="rect"/>.</summary>
    public void DrawInside(SKCanvas canvas, Paint paint, PixelRect rect, Alignment alignment)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(paint);
        var entries = Entries();
        if (entries.Count == 0) return;
        var box = Arrange(entries);
        var frame = new PixelRect(box.Size).AlignedInside(rect, alignment);
        Drawing.FillRectangle(canvas, frame.WithOffset(ShadowOffset), paint, ShadowFillStyle);
        Drawing.FillRectangle(canvas, frame, paint, BackgroundFillStyle);
        Drawing.DrawRectangle(canvas, frame, paint, OutlineStyle);
        for (int i = 0; i < entries.Count; i++)
        {
            var (item, label) = entries[i];
            float left = frame.Left + Padding.Left + i % box.Columns * (box.ItemWidth + InterItemPadding.Right);
            float top = frame.Top + Padding.Top + i / box.Columns * (box.ItemHeight + InterItemPadding.Bottom);
            float symbolWidth = Math.Max(SymbolWidth, item.MarkerStyle.Size);
            // The symbol exactly as ScottPlot's legend draws it: line, fill box, outline, marker, arrow.
            var symbol = new PixelRect(left: left, right: left + symbolWidth, bottom: top + box.ItemHeight, top: top);
            var fill = symbol.Contract(0, symbol.Height * .2f);
            var line = new PixelLine(symbol.RightCenter, symbol.LeftCenter);
            item.LineStyle.Render(canvas, line, paint);
            item.FillStyle.Render(canvas, fill, paint);
            item.OutlineStyle.Render(canvas, fill.Expand(1 - item.OutlineWidth), paint);
            item.MarkerStyle.Render(canvas, symbol.Center, paint);
            item.ArrowStyle.Render(canvas, line, paint);
            label.Draw(canvas, symbol.Right + SymbolPadding, symbol.VerticalCenter - label.Height / 2, centred: false);
        }
    }

    private List<(LegendItem Item, RichText Label)> Entries() =>
        [.. GetItems().Select(item => (item, new RichText(item.LabelText, item.LabelFontSize, item.LabelBold, item.LabelFontColor)))];

    private Arrangement Arrange(List<(LegendItem Item, RichText Label)> entries)
    {
        if (entries.Count == 0) return new Arrangement(1, 0, 0, PixelSize.Zero);
        int columns = Math.Clamp(Columns, 1, entries.Count);
        int rows = (entries.Count + columns - 1) / columns;
        float marker = entries.Max(e => e.Item.MarkerStyle.Size);
        // Uniform cells, as ScottPlot's wrapping layout: the widest label sets every column's width.
        float itemWidth = Math.Max(SymbolWidth, marker) + SymbolPadding + entries.Max(e => e.Label.Width);
        float itemHeight = Math.Max(entries.Max(e => e.Label.Height), Math.Max(SymbolHeight, marker));
        float width = columns * itemWidth + (columns - 1) * InterItemPadding.Right + Padding.Horizontal;
        float height = rows * itemHeight + (rows - 1) * InterItemPadding.Bottom + Padding.Vertical;
        return new Arrangement(columns, itemWidth, itemHeight, new PixelSize(width, height));
    }

    private sealed record Arrangement(int Columns, float ItemWidth, float ItemHeight, PixelSize Size);
}
