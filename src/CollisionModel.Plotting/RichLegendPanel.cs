using ScottPlot;
using ScottPlot.Plottables;

namespace CollisionModel.Plotting;

/// <summary>
/// The legend, to the right of the data area, with each entry's label drawn as <see cref="RichText"/> (σ_E with a
/// real subscript E) beside a sample of the series' line and marker, in a framed box aligned with the data area's top.
/// Replaces ScottPlot's legend, whose labels are plain strings.
/// </summary>
public sealed class RichLegendPanel(IReadOnlyList<(Scatter Series, RichText Label)> entries) : IPanel
{
    private const float Margin = 10, Inner = 8, SymbolWidth = 34, SymbolGap = 8, RowGap = 6;

    /// <summary>The entries, top to bottom.</summary>
    public IReadOnlyList<(Scatter Series, RichText Label)> Entries { get; } = entries;

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public Edge Edge => Edge.Right;

    /// <inheritdoc/>
    public bool ShowDebugInformation { get; set; }

    /// <inheritdoc/>
    public float MinimumSize { get; set; }

    /// <inheritdoc/>
    public float MaximumSize { get; set; } = float.MaxValue;

    private float BoxWidth => 2 * Inner + SymbolWidth + SymbolGap + Entries.Max(e => e.Label.Width);

    /// <inheritdoc/>
    public float Measure(Paint paint) => IsVisible && Entries.Count > 0 ? 2 * Margin + BoxWidth : 0;

    /// <inheritdoc/>
    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(left: dataRect.Right + offset, right: dataRect.Right + offset + size, bottom: dataRect.Bottom, top: dataRect.Top);

    /// <inheritdoc/>
    public void Render(RenderPack rp, float size, float offset)
    {
        ArgumentNullException.ThrowIfNull(rp);
        if (!IsVisible || Entries.Count == 0) return;
        using var paint = Paint.NewDisposablePaint();
        var rect = GetPanelRect(rp.DataRect, size, offset, paint);
        float left = rect.Left + Margin, top = rect.Top;
        float height = 2 * Inner + Entries.Sum(e => e.Label.Height) + RowGap * (Entries.Count - 1);
        var box = new PixelRect(left: left, right: left + BoxWidth, bottom: top + height, top: top);
        Drawing.FillRectangle(rp.Canvas, box, paint, new FillStyle { Color = Colors.White });
        Drawing.DrawRectangle(rp.Canvas, box, paint, new LineStyle { Width = 1, Color = Colors.Black.WithAlpha(0.5) });
        float y = top + Inner;
        foreach (var (series, label) in Entries)
        {
            float middle = y + label.Lines[0].Baseline - label.Size * 0.3f;
            Drawing.DrawLine(rp.Canvas, paint, new Pixel(left + Inner, middle), new Pixel(left + Inner + SymbolWidth, middle), series.LineStyle);
            if (series.MarkerStyle.Size > 0 && series.MarkerStyle.Shape != MarkerShape.None)
                Drawing.DrawMarker(rp.Canvas, paint, new Pixel(left + Inner + SymbolWidth / 2, middle), series.MarkerStyle);
            label.Draw(rp.Canvas, left + Inner + SymbolWidth + SymbolGap, y, centred: false);
            y += label.Height + RowGap;
        }
    }
}
