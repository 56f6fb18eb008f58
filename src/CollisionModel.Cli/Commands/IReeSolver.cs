using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision ree</c>: the relative entropy of entanglement of a two-qubit state with its certified
/// lower bound and the closest separable state (to be backed by
/// <c>CollisionModel.Measures.Entanglement.RelativeEntropyOfEntanglement.Compute</c>).
/// </summary>
public interface IReeSolver
{
    /// <summary>E_R(ρ) = min over separable σ of S(ρ‖σ), in nats.</summary>
    ReeEstimate Compute(DensityMatrix rho);
}
