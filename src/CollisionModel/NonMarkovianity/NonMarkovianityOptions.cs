using CollisionModel.Validation;

namespace CollisionModel.NonMarkovianity;

/// <summary>What the non-Markovianity measures follow and emit. Immutable; <see cref="Validate"/> names a bad setting.</summary>
public sealed record NonMarkovianityOptions
{
    /// <summary>Condition number of Λ_n above which the step's intermediate map V_n = Λ_{n+1} Λ_n⁻¹ is not formed (RHP skips it).</summary>
    public const double ConditionLimit = 1e8;

    /// <summary>Seeded random orthogonal pairs N ≥ 0 followed besides the basis pairs (default 64).</summary>
    public int Pairs { get; init; } = 64;

    /// <summary>Seed of the random pairs: pair i is drawn from a stream fixed by (seed, i) alone (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Emit every M-th step (M ≥ 1); steps 0 and K are always emitted; the measures use every step.</summary>
    public int RecordEvery { get; init; } = 1;

    /// <summary>Throws <see cref="ParameterOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Pairs < 0) throw new ParameterOutOfRangeException($"pairs: must be ≥ 0, got {Pairs}.", "pairs");
        if (RecordEvery < 1) throw new ParameterOutOfRangeException($"record_every: must be ≥ 1, got {RecordEvery}.", "record_every");
    }
}
