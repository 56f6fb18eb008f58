using System.Globalization;
using CollisionModel.Cli.Output;
using ScottPlot;

namespace CollisionModel.Cli.Plotting;

/// <summary>
/// Renders a <see cref="LinePlotSpec"/> to PNG with ScottPlot (SkiaSharp, headless). Log axes are drawn the usual
/// ScottPlot way: the data are plotted as log₁₀ values and the ticks are labelled 10^k with minor log ticks.
/// The file is written atomically.
/// </summary>
public static class LinePlot
{
    /// <summary>Writes the plot to <paramref name="path"/> as a <paramref name="width"/>×<paramref name="height"/> PNG.</summary>
    public static void SavePng(LinePlotSpec spec, string path, int width = 900, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(path);
        using var plot = Build(spec);
        AtomicFile.Write(path, temp => plot.SavePng(temp, width, height));
    }

    /// <summary>The ScottPlot figure for <paramref name="spec"/> (for callers that want another output).</summary>
    public static Plot Build(LinePlotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plot = new Plot();
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel);
        plot.YLabel(spec.YLabel);
        foreach (var series in spec.Series)
        {
            if (series.X.Count != series.Y.Count)
                throw new ArgumentException($"Series '{series.Label}' has {series.X.Count} x values and {series.Y.Count} y values.", nameof(spec));
            var xs = new List<double>(series.X.Count);
            var ys = new List<double>(series.Y.Count);
            for (int k = 0; k < series.X.Count; k++)
            {
                double x = series.X[k], y = series.Y[k];
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                if (spec.LogX && x <= 0 || spec.LogY && y <= 0) continue;
                xs.Add(spec.LogX ? Math.Log10(x) : x);
                ys.Add(spec.LogY ? Math.Log10(y) : y);
            }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = series.Label;
            line.LineWidth = 2;
            line.MarkerSize = xs.Count <= 40 ? 5 : 0;
        }
        if (spec.LogX) plot.Axes.Bottom.TickGenerator = LogTicks();
        if (spec.LogY) plot.Axes.Left.TickGenerator = LogTicks();
        if (spec.Series.Count > 1) plot.ShowLegend();
        else plot.HideLegend();
        // Pick installed fonts that cover the labels' characters (Greek letters, subscripts, ∞).
        plot.Font.Automatic();
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = k => "1e" + Math.Round(k).ToString(CultureInfo.InvariantCulture),
    };
}
