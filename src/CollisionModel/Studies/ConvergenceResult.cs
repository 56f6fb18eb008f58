using CollisionModel.Models;
using CollisionModel.States;

namespace CollisionModel.Studies;

/// <summary>A convergence study: one record per k, the fitted order and the Richardson-extrapolated error.</summary>
/// <param name="Protocol">The protocol studied.</param>
/// <param name="Time">The final time T.</param>
/// <param name="Master">ρ_S(T) of the protocol's Lindblad limit.</param>
/// <param name="Records">One record per requested k, in the order requested.</param>
/// <param name="Order">Least-squares slope of −ln(trace distance) against ln k over records with a distance above rounding level (<see cref="ConvergenceStudy.RoundingLevel"/>); null with fewer than two.</param>
/// <param name="Richardson">Trace distance to the master state of the first-order Richardson extrapolation from the two largest k; null with fewer than two distinct k.</param>
public sealed record ConvergenceResult(CollisionProtocol Protocol, double Time, DensityMatrix Master, IReadOnlyList<ConvergenceRecord> Records, double? Order, double? Richardson)
{
    /// <summary>
    /// A few-digit summary: T, each k with its trace distance, the fitted order and the Richardson error, e.g.
    /// <c>ConvergenceResult at T = 1: k = 10 → 0.0081, k = 100 → 0.00081; order 1, Richardson 1.2e-06</c>.
    /// </summary>
    public override string ToString() =>
        $"ConvergenceResult at T = {ReadableText.Number(Time)}: "
        + string.Join(", ", Records.Take(ReadableText.MaxEntries).Select(r => $"k = {r.Steps} → {ReadableText.Number(r.TraceDistance)}"))
        + (Records.Count > ReadableText.MaxEntries ? ", …" : "")
        + $"; order {ReadableText.Number(Order)}, Richardson {ReadableText.Number(Richardson)}";
}
