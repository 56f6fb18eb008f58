using M = CollisionModel.Studies.MasterEquationStudyFields;

namespace CollisionModel.Studies;

/// <summary>
/// The field names of a <see cref="LindbladLimitStudyResult"/> (any model's Lindblad limit), defined once for every
/// writer (the CLI's <c>master --model-file</c>): eq. (5)'s names (<see cref="MasterEquationStudyFields"/>) where the
/// quantity is the same, in <see cref="Record"/>'s order, then the energy and the heat currents; the summary fields in
/// <see cref="Summary"/>'s order.
/// </summary>
public static class LindbladLimitStudyFields
{
    /// <summary>S_A.</summary>
    public const string EntropyA = "S_A";

    /// <summary>S_B.</summary>
    public const string EntropyB = "S_B";

    /// <summary>tr ρ_S H_S (energy units).</summary>
    public const string Energy = "energy_S";

    /// <summary>J_j per bath (energy per unit time).</summary>
    public const string HeatCurrent = "heat_current";

    /// <summary>ρ_ss, the steady state.</summary>
    public const string SteadyState = "steady_state";

    /// <summary>J_j(ρ_ss) per bath.</summary>
    public const string SteadyHeatCurrent = "steady_heat_current";

    /// <summary>The fields of one record (one time), in output order.</summary>
    public static IReadOnlyList<string> Record { get; } =
    [
        M.Time, M.State, EntropyA, EntropyB, M.EntropyAB, M.Ree, M.ReeLower, M.Concurrence, M.EntropyProduction,
        M.EntanglementProduction, M.ConjectureRatio, Energy, HeatCurrent,
    ];

    /// <summary>The summary fields after the records, in output order.</summary>
    public static IReadOnlyList<string> Summary { get; } = [SteadyState, SteadyHeatCurrent, M.MaxConjectureRatio];
}
