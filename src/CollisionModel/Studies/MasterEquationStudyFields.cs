namespace CollisionModel.Studies;

/// <summary>
/// The field names of a <see cref="MasterEquationStudyResult"/> (eq. (5)), defined once for every writer (the CLI's
/// <c>master</c>): one record per output time (<see cref="Record"/>, in order; nats and nats per unit time), then the
/// summary fields (<see cref="Summary"/>, in order). <see cref="LindbladLimitStudyFields"/> shares the names they have in common.
/// </summary>
public static class MasterEquationStudyFields
{
    /// <summary>t.</summary>
    public const string Time = "time";

    /// <summary>ρ_AB(t) (row-major nested [re, im] pairs).</summary>
    public const string State = "rho_AB";

    /// <summary>S_AB.</summary>
    public const string EntropyAB = "S_AB";

    /// <summary>E_R (the solver's upper value).</summary>
    public const string Ree = "E_R";

    /// <summary>The certified lower bound on E_R.</summary>
    public const string ReeLower = "E_R_lower";

    /// <summary>The concurrence.</summary>
    public const string Concurrence = "concurrence";

    /// <summary>σ, Spohn's entropy production rate.</summary>
    public const string EntropyProduction = "sigma";

    /// <summary>σ_E = d E_R / dt.</summary>
    public const string EntanglementProduction = "sigma_E";

    /// <summary>|σ_E|/σ.</summary>
    public const string ConjectureRatio = "conjecture_ratio";

    /// <summary>The first t &gt; 0 where the concurrence reaches 0.</summary>
    public const string SuddenDeathTime = "sudden_death_time";

    /// <summary>ρ_T, the stationary state.</summary>
    public const string StationaryState = "rho_T";

    /// <summary>max |σ_E|/σ over the points.</summary>
    public const string MaxConjectureRatio = "max_conjecture_ratio";

    /// <summary>The fields of one record (one time), in output order.</summary>
    public static IReadOnlyList<string> Record { get; } =
        [Time, State, EntropyAB, Ree, ReeLower, Concurrence, EntropyProduction, EntanglementProduction, ConjectureRatio];

    /// <summary>The summary fields after the records, in output order.</summary>
    public static IReadOnlyList<string> Summary { get; } = [SuddenDeathTime, StationaryState, MaxConjectureRatio];
}
