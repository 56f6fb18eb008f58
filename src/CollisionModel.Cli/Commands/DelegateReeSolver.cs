using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>An <see cref="IReeSolver"/> from a function (the one-line glue to the library's solver).</summary>
/// <param name="Solve">Computes the estimate.</param>
public sealed record DelegateReeSolver(Func<DensityMatrix, ReeEstimate> Solve) : IReeSolver
{
    /// <inheritdoc />
    public ReeEstimate Compute(DensityMatrix rho) => Solve(rho);
}
