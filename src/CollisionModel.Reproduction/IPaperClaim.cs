namespace CollisionModel.Reproduction;

/// <summary>One claim of the seed paper that the engine re-evaluates (with the corrections of docs/errata.md).</summary>
public interface IPaperClaim
{
    /// <summary>File-safe identifier, e.g. <c>1-entropy-production</c>.</summary>
    string Id { get; }

    /// <summary>Evaluates the claim; reports its own progress (0…1) when a sink is given.</summary>
    ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null);
}
