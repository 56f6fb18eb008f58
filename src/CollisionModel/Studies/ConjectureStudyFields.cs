namespace CollisionModel.Studies;

/// <summary>
/// The field names of one conjecture sample (a <see cref="ConjectureStudyResult"/> with its Gibbs state and
/// near-equilibrium coefficient), defined once for every writer (the CLI's <c>conjecture</c>): one record per
/// evaluation time (<see cref="Record"/>, in order), then the summary fields (<see cref="Summary"/>, in order).
/// </summary>
public static class ConjectureStudyFields
{
    /// <summary>t.</summary>
    public const string Time = "time";

    /// <summary>ε = ½‖ρ(t) − ρ_G‖₁.</summary>
    public const string Distance = "distance";

    /// <summary>E_R(ρ(t)) in nats.</summary>
    public const string Ree = "E_R";

    /// <summary>σ.</summary>
    public const string EntropyProduction = "sigma";

    /// <summary>σ_E.</summary>
    public const string EntanglementProduction = "sigma_E";

    /// <summary>|σ_E|/σ.</summary>
    public const string ConjectureRatio = "conjecture_ratio";

    /// <summary>ε·|σ_E|/σ.</summary>
    public const string RatioTimesDistance = "ratio_times_distance";

    /// <summary>β of the sample.</summary>
    public const string Beta = "beta";

    /// <summary>E_R of the Gibbs state.</summary>
    public const string GibbsRee = "E_R_gibbs";

    /// <summary>The concurrence of the Gibbs state.</summary>
    public const string GibbsConcurrence = "concurrence_gibbs";

    /// <summary>½‖ρ_G − σ*_G‖₁.</summary>
    public const string GibbsSeparableDistance = "gibbs_distance_to_separable";

    /// <summary>c = limsup ε·|σ_E|/σ at equilibrium.</summary>
    public const string C = "c";

    /// <summary>g of the slowest mode.</summary>
    public const string SlowDecayRate = "slow_decay_rate";

    /// <summary>|Im λ| of the slowest mode.</summary>
    public const string SlowFrequency = "slow_frequency";

    /// <summary>max |σ_E|/σ over the evaluated times.</summary>
    public const string MaxConjectureRatio = "max_conjecture_ratio";

    /// <summary>Whether that maximum exceeds 1 beyond the tolerance.</summary>
    public const string Violates = "violates";

    /// <summary>The fields of one record (one time), in output order.</summary>
    public static IReadOnlyList<string> Record { get; } =
        [Time, Distance, Ree, EntropyProduction, EntanglementProduction, ConjectureRatio, RatioTimesDistance];

    /// <summary>The summary fields after the records, in output order.</summary>
    public static IReadOnlyList<string> Summary { get; } =
        [Beta, GibbsRee, GibbsConcurrence, GibbsSeparableDistance, C, SlowDecayRate, SlowFrequency, MaxConjectureRatio, Violates];
}
