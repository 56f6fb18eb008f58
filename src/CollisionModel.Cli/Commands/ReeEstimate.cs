using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>E_R with its certificate.</summary>
/// <param name="Value">S(ρ‖σ*) at the solver's σ* (an upper bound on E_R, equal to it at convergence), nats.</param>
/// <param name="LowerBound">Certified: E_R ≥ LowerBound (nats).</param>
/// <param name="ClosestSeparable">The separable σ* the value was computed at.</param>
public sealed record ReeEstimate(double Value, double LowerBound, DensityMatrix ClosestSeparable);
