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
        ("time", p.Time),
        ("rho_AB", p.State),
        ("S_A", p.EntropyA),
        ("S_B", p.EntropyB),
        ("S_AB", p.EntropyAB),
        ("E_R", p.RelativeEntropyOfEntanglement),
        ("E_R_lower", p.RelativeEntropyOfEntanglementLower),
        ("concurrence", p.Concurrence),
        ("sigma", p.Rates.EntropyProduction),
        ("sigma_E", p.Rates.EntanglementProduction),
        ("conjecture_ratio", p.Rates.ConjectureRatio),
        ("energy_S", p.Energy),
        ("heat_current", Currents(p.HeatCurrents)))).ToList();

    /// <summary>The top-level fields: <c>steady_state</c>, <c>steady_heat_current</c>, <c>max_conjecture_ratio</c>.</summary>
    public ResultRecord ToExtras() => ResultRecord.Of(
        ("steady_state", Study.SteadyState),
        ("steady_heat_current", Currents(Study.SteadyHeatCurrents)),
        ("max_conjecture_ratio", Study.MaxConjectureRatio));

    private static ListValue Currents(IReadOnlyList<double?> currents) => new(currents.Select(j => (ResultValue)j).ToArray());
}
