using CollisionModel.Cli.Output;
using CollisionModel.Studies;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision converge</c>: the collision model with k collisions against the master equation at
/// time T, for every k of <see cref="ConvergeOptions.Steps"/>. Report progress (0…1).
/// </summary>
public interface IConvergeRunner
{
    /// <summary>Runs the convergence study.</summary>
    ConvergeResult Run(ConvergeOptions options, IProgress<double> progress);
}

/// <summary>The errors per k and the fitted summary.</summary>
/// <param name="Points">One entry per k, in the order of <see cref="ConvergeOptions.Steps"/>.</param>
/// <param name="Order">Least-squares slope of −log(trace_distance) against log k over nonzero distances; null if fewer than two.</param>
/// <param name="Richardson">Trace distance of the Richardson-extrapolated ρ_AB from the two largest k; null with fewer than two k.</param>
public sealed record ConvergeResult(IReadOnlyList<ConvergePoint> Points, double? Order, double? Richardson)
{
    /// <summary>The top-level fields with the contract's names.</summary>
    public ResultRecord ToExtras() => ResultRecord.Of((ConvergenceFields.Order, Order), (ConvergenceFields.Richardson, Richardson));
}

/// <summary>The errors of the collision model with k collisions at time T.</summary>
/// <param name="Steps">k.</param>
/// <param name="TraceDistance">½‖ρ_AB^collision(T) − ρ_AB^master(T)‖₁ (ρ_AB the whole system state).</param>
/// <param name="CoherenceError">| |ρ_{00,11}| collision − |ρ_{00,11}| master |; null unless the system is two qubits.</param>
/// <param name="RelativeEntropyOfEntanglementError">|E_R collision − E_R master| (nats); null unless the system is two qubits.</param>
public sealed record ConvergePoint(long Steps, double TraceDistance, double? CoherenceError, double? RelativeEntropyOfEntanglementError)
{
    /// <summary>The record with the contract's field names, in the contract's order.</summary>
    public ResultRecord ToRecord() => ResultRecord.Of(
        (ConvergenceFields.Steps, Steps),
        (ConvergenceFields.TraceDistance, TraceDistance),
        (ConvergenceFields.CoherenceError, CoherenceError),
        (ConvergenceFields.EntanglementError, RelativeEntropyOfEntanglementError));
}
