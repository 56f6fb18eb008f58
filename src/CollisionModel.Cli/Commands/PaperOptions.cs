using CollisionModel.Cli.Output;
using CollisionModel.Cli.Plotting;

namespace CollisionModel.Cli.Commands;

/// <summary>The validated options of <c>collision paper</c>.</summary>
/// <param name="OutputDirectory">Folder the per-claim CSV, JSON and PNG files go to (created if missing).</param>
/// <param name="Reduced">Smaller sizes (fewer points, collisions and random generators) for quick checks and tests.</param>
/// <param name="Seed">Seed of the random generators of the conjecture search (claim 8).</param>
/// <param name="Samples">Number of random generators for the conjecture search (the paper reproduction uses ≥ 200).</param>
/// <param name="PlotFormat">The image files written per plot: PNG, SVG or both.</param>
public sealed record PaperOptions(string OutputDirectory, bool Reduced, int Seed, int Samples, PlotFormat PlotFormat = PlotFormat.Png)
{
    /// <summary>Every option's value, named as on the command line.</summary>
    public IEnumerable<(string Name, ResultValue Value)> ToParameters()
    {
        yield return ("out", OutputDirectory);
        yield return ("reduced", Reduced);
        yield return ("seed", Seed);
        yield return ("samples", Samples);
        yield return ("plot_format", PlotFormat.ToString().ToLowerInvariant());
    }
}
