using CollisionModel.Cli.Output;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>master --model-file</c>'s output: the library's <see cref="LindbladLimitStudyResult"/> with the contract's field
/// names (entropies in nats, rates and currents per unit time).
/// </summary>
/// <param name="Study">The trajectory of the Lindblad limit and its steady state.</param>
public sealed record ModelMasterResult(LindbladLimitStudyResult Study)
{
    /// <summary>One record per output time, in the order of <c>master</c>'s fields, then the energy and the currents.</summary>
    public IReadOnlyList<ResultRecord> ToRecords() => Study.Points.Select(p => ResultRecord.Of(
        (MasterEquationStudyFields.Time, p.Time),
        (MasterEquationStudyFields.State, p.State),
        (LindbladLimitStudyFields.EntropyA, p.EntropyA),
        (LindbladLimitStudyFields.EntropyB, p.EntropyB),
        (MasterEquationStudyFields.EntropyAB, p.EntropyAB),
        (MasterEquationStudyFields.Ree, p.RelativeEntropyOfEntanglement),
        (MasterEquationStudyFields.ReeLower, p.RelativeEntropyOfEntanglementLower),
        (MasterEquationStudyFields.Concurrence, p.Concurrence),
        (MasterEquationStudyFields.EntropyProduction, p.Rates.EntropyProduction),
        (MasterEquationStudyFields.EntanglementProduction, p.Rates.EntanglementProduction),
        (MasterEquationStudyFields.ConjectureRatio, p.Rates.ConjectureRatio),
        (LindbladLimitStudyFields.Energy, p.Energy),
        (LindbladLimitStudyFields.HeatCurrent, Currents(p.HeatCurrents)))).ToList();

    /// <summary>The top-level fields: <c>steady_state</c>, <c>steady_heat_current</c>, <c>max_conjecture_ratio</c>.</summary>
    public ResultRecord ToExtras() => ResultRecord.Of(
        (LindbladLimitStudyFields.SteadyState, Study.SteadyState),
        (LindbladLimitStudyFields.SteadyHeatCurrent, Currents(Study.SteadyHeatCurrents)),
        (MasterEquationStudyFields.MaxConjectureRatio, Study.MaxConjectureRatio));

    private static ListValue Currents(IReadOnlyList<double?> currents) => new(currents.Select(j => (ResultValue)j).ToArray());
}
