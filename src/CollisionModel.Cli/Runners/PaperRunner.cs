using CollisionModel.Cli.Commands;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Plotting;
using CollisionModel.Reproduction;
using CollisionModel.States;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>collision paper</c>: evaluates every claim of <see cref="PaperReproduction"/> and turns each library
/// <see cref="ClaimReport"/> into the tool's table, files and plots. No physics here.
/// </summary>
internal sealed class PaperRunner : IPaperRunner
{
    /// <inheritdoc />
    public IReadOnlyList<PaperClaim> Run(PaperOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new PaperSettings(options.Reduced, options.Seed, options.Samples);
        return PaperReproduction.Run(settings, progress).Select(ToClaim).ToList();
    }

    private static PaperClaim ToClaim(ClaimReport report)
    {
        var summary = new List<ResultField>
        {
            new("holds", report.Holds),
            new("verdict", report.Verdict),
            new("finding", report.Finding),
        };
        summary.AddRange(report.Summary.Select(f => new ResultField(f.Name, ToValue(f.Value))));
        var rows = report.Rows.Select(row => new ResultRecord(report.Columns.Select((c, i) => new ResultField(c, ToValue(row[i]))))).ToList();
        var plots = report.Plots.Select(p => new LinePlotSpec(p.Name, p.Title, p.XLabel, p.YLabel, p.Series, p.LogLog, p.LogLog || p.LogY)).ToList();
        return new PaperClaim(report.Id, report.Title,
            new ResultRecord(report.Parameters.Select(f => new ResultField(f.Name, ToValue(f.Value)))),
            rows, new ResultRecord(summary), plots);
    }

    private static ResultValue ToValue(object? value) => value switch
    {
        null => ResultValue.Null,
        double d => d,
        float f => (double)f,
        long l => l,
        int i => i,
        bool b => b,
        string s => s,
        DensityMatrix rho => rho,
        _ => throw new InvalidOperationException($"internal error: a claim produced a value of unsupported type {value.GetType().Name}."),
    };
}
