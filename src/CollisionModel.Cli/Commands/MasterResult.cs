using CollisionModel.Cli.Output;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision master</c>: integrates eq. (5) and evaluates entropy and entanglement production at
/// the <see cref="MasterOptions.Points"/> times. Report progress (0…1); library input exceptions become exit code 2.
/// </summary>
public interface IMasterRunner
{
    /// <summary>Runs the master equation.</summary>
    MasterResult Run(MasterOptions options, IProgress<double> progress);
}

/// <summary>The trajectory and its top-level summary.</summary>
/// <param name="Points">One entry per output time.</param>
/// <param name="SuddenDeathTime">First t &gt; 0 where the concurrence reaches 0; null if it never does.</param>
/// <param name="StationaryState">ρ_T, the stationary state reached from ρ(0).</param>
/// <param name="MaxConjectureRatio">max |σ_E|/σ over the points where it is defined; null if nowhere.</param>
public sealed record MasterResult(
    IReadOnlyList<MasterPoint> Points,
    double? SuddenDeathTime,
    DensityMatrix StationaryState,
    double? MaxConjectureRatio)
{
    /// <summary>The top-level fields with the contract's names.</summary>
    public ResultRecord ToExtras() => ResultRecord.Of(
        (MasterEquationStudyFields.SuddenDeathTime, SuddenDeathTime),
        (MasterEquationStudyFields.StationaryState, StationaryState),
        (MasterEquationStudyFields.MaxConjectureRatio, MaxConjectureRatio));
}

/// <summary>One time of the master-equation trajectory (nats, nats per unit time).</summary>
/// <param name="Time">t.</param>
/// <param name="RhoAB">ρ_AB(t).</param>
/// <param name="EntropyAB">S_AB.</param>
/// <param name="RelativeEntropyOfEntanglement">E_R (upper value of the solver).</param>
/// <param name="RelativeEntropyOfEntanglementLower">Certified lower bound on E_R.</param>
/// <param name="Concurrence">Concurrence.</param>
/// <param name="EntropyProduction">σ (Spohn) against ρ_T; +∞ allowed; null where undefined.</param>
/// <param name="EntanglementProduction">σ_E = d E_R / dt; null where undefined.</param>
/// <param name="ConjectureRatio">|σ_E|/σ; null when σ is 0 or ∞.</param>
public sealed record MasterPoint(
    double Time,
    DensityMatrix RhoAB,
    double EntropyAB,
    double RelativeEntropyOfEntanglement,
    double RelativeEntropyOfEntanglementLower,
    double Concurrence,
    double? EntropyProduction,
    double? EntanglementProduction,
    double? ConjectureRatio)
{
    /// <summary>The record with the contract's field names, in the contract's order.</summary>
    public ResultRecord ToRecord() => ResultRecord.Of(
        (MasterEquationStudyFields.Time, Time),
        (MasterEquationStudyFields.State, RhoAB),
        (MasterEquationStudyFields.EntropyAB, EntropyAB),
        (MasterEquationStudyFields.Ree, RelativeEntropyOfEntanglement),
        (MasterEquationStudyFields.ReeLower, RelativeEntropyOfEntanglementLower),
        (MasterEquationStudyFields.Concurrence, Concurrence),
        (MasterEquationStudyFields.EntropyProduction, EntropyProduction),
        (MasterEquationStudyFields.EntanglementProduction, EntanglementProduction),
        (MasterEquationStudyFields.ConjectureRatio, ConjectureRatio));
}
