using ScottPlot;

namespace CollisionModel.Plotting;

/// <summary>
/// A title or axis label drawn as <see cref="RichText"/>, in place of ScottPlot's own (which draws plain strings):
/// a panel on <see cref="Edge"/>, outside the tick labels, centred along the data area; on a vertical edge the text is
/// rotated to read bottom to top.
/// </summary>
public sealed class RichLabelPanel(Edge edge, RichText text, float padding = 8) : IPanel
{
    /// <summary>The label.</summary>
    public RichText Text { get; } = text;

    /// <inheritdoc/>
    public bool IsVisible { get; set; } = true;

    /// <inheritdoc/>
    public Edge Edge { get; } = edge;

    /// <inheritdoc/>
    public bool ShowDebugInformation { get; set; }

    /// <inheritdoc/>
    public float MinimumSize { get; set; }

    /// <inheritdoc/>
    public float MaximumSize { get; set; } = float.MaxValue;

    /// <inheritdoc/>
    public float Measure(Paint paint) => IsVisible && Text.Lines.Any(l => l.Runs.Count > 0) ? Text.Height + 2 * padding : 0;

    /// <inheritdoc/>
    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) => Edge switch
    {
        Edge.Top => new PixelRect(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Top - offset, top: dataRect.Top - offset - size),
        Edge.Bottom => new PixelRect(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Bottom + offset + size, top: dataRect.Bottom + offset),
        Edge.Left => new PixelRect(left: dataRect.Left - offset - size, right: dataRect.Left - offset, bottom: dataRect.Bottom, top: dataRect.Top),
        _ => new PixelRect(left: dataRect.Right + offset, right: dataRect.Right + offset + size, bottom: dataRect.Bottom, top: dataRect.Top),
    };

    /// <inheritdoc/>
    public void Render(RenderPack rp, float size, float offset)
    {
        ArgumentNullException.ThrowIfNull(rp);
        if (!IsVisible) return;
        using var paint = Paint.NewDisposablePaint();
        var rect = GetPanelRect(rp.DataRect, size, offset, paint);
        var canvas = rp.Canvas;
        if (Edge is Edge.Top or Edge.Bottom)
        {
            Text.Draw(canvas, rect.HorizontalCenter, rect.Top + padding, centred: true);
            return;
        }
        // Rotated a quarter turn anticlockwise: the text's top faces away from the data area on the left edge.
        canvas.Save();
        canvas.Translate(Edge == Edge.Left ? rect.Left + padding : rect.Right - padding, rect.VerticalCenter);
        canvas.RotateDegrees(Edge == Edge.Left ? -90 : 90);
        Text.Draw(canvas, 0, 0, centred: true);
        canvas.Restore();
    }
}
