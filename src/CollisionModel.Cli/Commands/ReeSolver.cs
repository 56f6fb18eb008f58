using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision ree</c>: the relative entropy of entanglement of a two-qubit state with its certified
/// lower bound and the closest separable state (to be backed by
/// <c>CollisionModel.Entanglement.RelativeEntropyOfEntanglement.Compute</c>).
/// </summary>
public interface IReeSolver
{
    /// <summary>E_R(ρ) = min over separable σ of S(ρ‖σ), in nats.</summary>
    ReeEstimate Compute(DensityMatrix rho);
}

/// <summary>E_R with its certificate.</summary>
/// <param name="Value">S(ρ‖σ*) at the solver's σ* (an upper bound on E_R, equal to it at convergence), nats.</param>
/// <param name="LowerBound">Certified: E_R ≥ LowerBound (nats).</param>
/// <param name="ClosestSeparable">The separable σ* the value was computed at.</param>
public sealed record ReeEstimate(double Value, double LowerBound, DensityMatrix ClosestSeparable);

/// <summary>An <see cref="IReeSolver"/> from a function (the one-line glue to the library's solver).</summary>
/// <param name="Solve">Computes the estimate.</param>
public sealed record DelegateReeSolver(Func<DensityMatrix, ReeEstimate> Solve) : IReeSolver
{
    /// <inheritdoc />
    public ReeEstimate Compute(DensityMatrix rho) => Solve(rho);
}
