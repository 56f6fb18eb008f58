using CollisionModel.Protocols;
using CollisionModel.States;

namespace CollisionModel.Convergence;

/// <summary>A convergence study: one record per k, the fitted order and the Richardson-extrapolated error.</summary>
/// <param name="Protocol">The protocol studied.</param>
/// <param name="Time">The final time T.</param>
/// <param name="Master">ρ_S(T) of the protocol's Lindblad limit.</param>
/// <param name="Records">One record per requested k, in the order requested.</param>
/// <param name="Order">Least-squares slope of −ln(trace distance) against ln k over records with a nonzero distance; null with fewer than two.</param>
/// <param name="Richardson">Trace distance to the master state of the first-order Richardson extrapolation from the two largest k; null with fewer than two distinct k.</param>
public sealed record ConvergenceResult(CollisionProtocol Protocol, double Time, DensityMatrix Master, IReadOnlyList<ConvergenceRecord> Records, double? Order, double? Richardson);
