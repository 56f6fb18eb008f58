using CollisionModel.Validation;

namespace CollisionModel.Reproduction;

/// <summary>Sizes of the paper reproduction.</summary>
/// <param name="Reduced">Fewer points, collisions and random generators (quick checks, the test suite).</param>
/// <param name="Seed">Seed of every random choice (the conjecture search of claim 8).</param>
/// <param name="Samples">Number of random generators in the conjecture search (≥ 200 for the full reproduction).</param>
public sealed record PaperSettings(bool Reduced = false, int Seed = 20260101, int Samples = 200)
{
    /// <summary>Throws for a non-positive sample count.</summary>
    public void Validate()
    {
        if (Samples < 1) throw new ParameterOutOfRangeException($"samples must be ≥ 1, got {Samples}.", nameof(Samples));
    }
}
