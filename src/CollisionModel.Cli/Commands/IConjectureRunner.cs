namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision conjecture</c>: samples one random undriven detailed-balance generator and follows a
/// relaxation to its Gibbs state. Report progress (0…1); library input exceptions become exit code 2.
/// </summary>
public interface IConjectureRunner
{
    /// <summary>Runs one sample.</summary>
    ConjectureResult Run(ConjectureOptions options, IProgress<double> progress);
}
