namespace CollisionModel.NonMarkovianity;

/// <summary>
/// The BLP and RHP measures of one protocol over K steps (dimensionless; BLP in units of trace distance).
/// Both are 0 for a CP-divisible dynamics (every memoryless protocol) up to rounding.
/// </summary>
public sealed record NonMarkovianityResult
{
    /// <summary>BLP over the basis pairs only: max_pairs Σ_n max(0, D_{n+1} − D_n) (deterministic).</summary>
    public required double BlpBasis { get; init; }

    /// <summary>The basis pair that attains <see cref="BlpBasis"/> (the first one on a tie).</summary>
    public required StatePair BlpBasisPair { get; init; }

    /// <summary>BLP over the basis pairs and the seeded random pairs: a lower bound on the BLP measure, ≥ <see cref="BlpBasis"/>.</summary>
    public required double Blp { get; init; }

    /// <summary>The pair that attains <see cref="Blp"/> (the first one on a tie; basis pairs come first).</summary>
    public required StatePair BlpPair { get; init; }

    /// <summary>RHP: Σ_n max(0, ‖(V_n ⊗ 1)|Φ⟩⟨Φ|‖₁ − 1) over the steps whose Λ_n is invertible within the condition limit.</summary>
    public required double Rhp { get; init; }

    /// <summary>Steps n whose Λ_n had a condition number above <see cref="NonMarkovianityOptions.ConditionLimit"/> (left out of RHP).</summary>
    public required int RhpSingularSteps { get; init; }

    /// <summary>Every followed pair's backflow Σ_n max(0, D_{n+1} − D_n): the basis pairs first, then the random ones.</summary>
    public required IReadOnlyList<double> PairBackflows { get; init; }

    /// <summary>Every followed pair, in the order of <see cref="PairBackflows"/>.</summary>
    public required IReadOnlyList<StatePair> FollowedPairs { get; init; }

    /// <summary>The emitted steps (0, M, 2M, …, K).</summary>
    public required IReadOnlyList<NonMarkovianityRecord> Records { get; init; }
}
