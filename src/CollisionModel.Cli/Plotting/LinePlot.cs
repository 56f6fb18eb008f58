using System.Globalization;
using CollisionModel.Cli.Output;
using CollisionModel.Plotting;
using ScottPlot;

namespace CollisionModel.Cli.Plotting;

/// <summary>
/// Renders a <see cref="LinePlotSpec"/> to PNG or SVG with ScottPlot (SkiaSharp, headless). Log axes are drawn the
/// usual ScottPlot way: the data are plotted as log₁₀ values and the ticks are labelled 10ᴷ (10¹², 10⁻³) with minor log ticks; a
/// point a log axis cannot show (≤ 0) is counted in its series' legend.
/// Curves that coincide (σ against −σ_E, a result against its closed form) stay distinguishable: each series has its
/// own line pattern, marker shape and width, the first drawn widest so the later ones show on top of it. The legend
/// sits outside the data area, to the right. The title, axis labels and legend are drawn as <see cref="RichText"/>
/// panels (σ_E with a real subscript E: Unicode has no capital subscripts); tick labels go through
/// <see cref="PlotText.Render"/>. Files are written atomically.
/// </summary>
public static class LinePlot
{
    /// <summary>Writes the plot to <paramref name="path"/> as a <paramref name="width"/>×<paramref name="height"/> PNG.</summary>
    public static void SavePng(LinePlotSpec spec, string path, int width = 1000, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(path);
        using var plot = Build(spec);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }

    /// <summary>Writes the plot to <paramref name="path"/> as a <paramref name="width"/>×<paramref name="height"/> SVG.</summary>
    public static void SaveSvg(LinePlotSpec spec, string path, int width = 1000, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(path);
        // Skia's SVG canvas drops dash patterns (and says so on stderr): solid lines, told apart by width and markers.
        using var plot = Build(spec, dashes: false);
        string svg = plot.GetSvgHtml(width, height);
        AtomicFile.WriteAllText(path, svg);
    }

    // Solid, dashed, dotted, dash-dot-like: with decreasing widths a later curve is visible on an earlier one.
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
    private static readonly MarkerShape[] Markers = [MarkerShape.None, MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.OpenTriangleUp, MarkerShape.Cross];
    private static readonly float[] Widths = [4.5f, 2.5f, 1.5f, 1.5f];

    /// <summary>
    /// The ScottPlot figure for <paramref name="spec"/> (for callers that want another output); <paramref name="dashes"/>
    /// off draws every line solid (for back ends without dash support).
    /// </summary>
    public static Plot Build(LinePlotSpec spec, bool dashes = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plot = new Plot();
        string title = spec.Title;
        var legend = new List<(ScottPlot.Plottables.Scatter, RichText)>();
        for (int s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            if (series.X.Count != series.Y.Count)
                throw new ArgumentException($"Series '{series.Label}' has {series.X.Count} x values and {series.Y.Count} y values.", nameof(spec));
            var xs = new List<double>(series.X.Count);
            var ys = new List<double>(series.Y.Count);
            int offLogAxis = 0;
            for (int k = 0; k < series.X.Count; k++)
            {
                double x = series.X[k], y = series.Y[k];
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                if (spec.LogX && x <= 0 || spec.LogY && y <= 0) { offLogAxis++; continue; }
                xs.Add(spec.LogX ? Math.Log10(x) : x);
                ys.Add(spec.LogY ? Math.Log10(y) : y);
            }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = series.Label + OffLogAxisNote(offLogAxis, series.X.Count, spec.LogX && !spec.LogY);
            legend.Add((line, new RichText(line.LegendText, LegendSize, bold: false, Colors.Black)));
            if (spec.Series.Count == 1 && offLogAxis > 0) title = spec.Title + "\n" + line.LegendText;
            bool single = spec.Series.Count == 1;
            line.LineWidth = single ? 2 : Widths[Math.Min(s, Widths.Length - 1)];
            line.LinePattern = single || !dashes ? LinePattern.Solid : Patterns[s % Patterns.Length];
            // Markers on every point only when they stay legible; the first series is the wide plain line.
            var shape = single ? MarkerShape.FilledCircle : Markers[s % Markers.Length];
            line.MarkerShape = shape;
            line.MarkerSize = xs.Count <= 60 && shape != MarkerShape.None ? 7 : 0;
        }
        if (spec.LogX) plot.Axes.Bottom.TickGenerator = LogTicks();
        if (spec.LogY) plot.Axes.Left.TickGenerator = LogTicks();
        // ScottPlot's own title, axis labels and legend stay empty: these panels draw them with real scripts.
        plot.HideLegend();
        plot.RichTitle(title);
        plot.RichXLabel(spec.XLabel);
        plot.RichYLabel(spec.YLabel);
        if (spec.Series.Count > 1) plot.Axes.AddPanel(new RichLegendPanel(legend));
        // Pick installed fonts that cover the labels' characters (Greek letters, subscripts, ∞).
        plot.Font.Automatic();
        return plot;
    }

    private const float LegendSize = 14;

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = LogTickLabel,
    };

    /// <summary>The label of the log tick at log₁₀ value <paramref name="k"/>: 10 with a superscript power (10¹², 10⁻³).</summary>
    public static string LogTickLabel(double k) =>
        PlotText.Render("10^{" + Math.Round(k).ToString(CultureInfo.InvariantCulture) + "}");

    /// <summary>
    /// What the legend adds when a log axis cannot show some of a series' points (a value ≤ 0, e.g. a ratio of exactly
    /// 0): how many of how many, so a reader counting the markers is not misled. Empty when every point is drawn.
    /// </summary>
    public static string OffLogAxisNote(int off, int total, bool logX) => off == 0 ? ""
        : $" ({off} of {total} at ≤ 0, off the log {(logX ? "x" : "y")} axis)";
}
