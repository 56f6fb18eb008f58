using CollisionModel.Cli.Commands;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;

namespace CollisionModel.Cli.Runners;

/// <summary><c>collision ree</c> backed by <see cref="RelativeEntropyOfEntanglement.Compute"/> (default options).</summary>
public sealed class ReeRunner : IReeSolver
{
    /// <inheritdoc />
    public ReeEstimate Compute(DensityMatrix rho)
    {
        var r = RelativeEntropyOfEntanglement.Compute(rho);
        return new ReeEstimate(r.Value, r.LowerBound, r.ClosestSeparable);
    }
}
