namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision paper</c>: evaluates each claim of the seed paper (with the project's corrections)
/// and returns one table and its plots per claim. Report progress (0…1) over all claims.
/// </summary>
public interface IPaperRunner
{
    /// <summary>Runs every claim.</summary>
    IReadOnlyList<PaperClaim> Run(PaperOptions options, IProgress<double> progress);
}
