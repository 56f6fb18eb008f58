using CollisionModel.Cli.Output;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Commands;

/// <summary>One sampled generator: its Gibbs state, the ratio along a relaxation and the cutoff-free coefficient c.</summary>
/// <param name="Points">One entry per evaluation time.</param>
/// <param name="Beta">β of the sample (inverse energy units; H has unit spectral width).</param>
/// <param name="GibbsRee">E_R of the Gibbs state ρ_G (nats).</param>
/// <param name="GibbsConcurrence">Concurrence of ρ_G.</param>
/// <param name="GibbsSeparableDistance">½‖ρ_G − σ*_G‖₁ with σ*_G the E_R-closest separable state: an upper bound on
/// the trace distance from ρ_G to the separable set (0 when ρ_G is separable).</param>
/// <param name="C">c = limsup ε·|σ_E|/σ at equilibrium along the slowest mode (dimensionless; 0 for a separable ρ_G).</param>
/// <param name="SlowDecayRate">g of the slowest mode (inverse time units).</param>
/// <param name="SlowFrequency">|Im λ| of the slowest mode (0: non-oscillating).</param>
/// <param name="MaxConjectureRatio">max |σ_E|/σ over the evaluated times; null if nowhere defined.</param>
public sealed record ConjectureResult(
    IReadOnlyList<ConjecturePoint> Points,
    double Beta,
    double GibbsRee,
    double GibbsConcurrence,
    double GibbsSeparableDistance,
    double C,
    double SlowDecayRate,
    double SlowFrequency,
    double? MaxConjectureRatio)
{
    /// <summary>The top-level fields.</summary>
    public ResultRecord ToExtras() => ResultRecord.Of(
        (ConjectureStudyFields.Beta, Beta),
        (ConjectureStudyFields.GibbsRee, GibbsRee),
        (ConjectureStudyFields.GibbsConcurrence, GibbsConcurrence),
        (ConjectureStudyFields.GibbsSeparableDistance, GibbsSeparableDistance),
        (ConjectureStudyFields.C, C),
        (ConjectureStudyFields.SlowDecayRate, SlowDecayRate),
        (ConjectureStudyFields.SlowFrequency, SlowFrequency),
        (ConjectureStudyFields.MaxConjectureRatio, MaxConjectureRatio),
        (ConjectureStudyFields.Violates, MaxConjectureRatio is double r && r > 1 + ConjectureTolerance));

    /// <summary>Ratios up to 1 + this count as |σ_E| ≤ σ (equality is reached under pure dephasing, up to rounding).</summary>
    public const double ConjectureTolerance = 1e-9;
}

/// <summary>One time of the relaxation (nats, nats per unit time).</summary>
/// <param name="Time">t.</param>
/// <param name="Distance">ε = ½‖ρ(t) − ρ_G‖₁.</param>
/// <param name="Ree">E_R(ρ(t)).</param>
/// <param name="EntropyProduction">σ; null below the equilibrium resolution or where undefined.</param>
/// <param name="EntanglementProduction">σ_E; null below the equilibrium resolution or where undefined.</param>
/// <param name="ConjectureRatio">|σ_E|/σ; null where undefined.</param>
public sealed record ConjecturePoint(double Time, double Distance, double Ree, double? EntropyProduction,
    double? EntanglementProduction, double? ConjectureRatio)
{
    /// <summary>The record with its output field names.</summary>
    public ResultRecord ToRecord() => ResultRecord.Of(
        (ConjectureStudyFields.Time, Time),
        (ConjectureStudyFields.Distance, Distance),
        (ConjectureStudyFields.Ree, Ree),
        (ConjectureStudyFields.EntropyProduction, EntropyProduction),
        (ConjectureStudyFields.EntanglementProduction, EntanglementProduction),
        (ConjectureStudyFields.ConjectureRatio, ConjectureRatio),
        (ConjectureStudyFields.RatioTimesDistance, ConjectureRatio is double r ? r * Distance : (double?)null));
}
