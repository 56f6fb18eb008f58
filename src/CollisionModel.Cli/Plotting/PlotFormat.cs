namespace CollisionModel.Cli.Plotting;

/// <summary>The <c>paper --plot-format</c> choices: which image files each plot is written as.</summary>
public enum PlotFormat
{
    /// <summary>PNG only (raster, for viewing).</summary>
    Png,

    /// <summary>SVG only (vector, for printing and papers).</summary>
    Svg,

    /// <summary>PNG and SVG side by side.</summary>
    Both,
}
