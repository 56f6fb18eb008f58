using CollisionModel.Validation;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// Permission to truncate the matrix-product state of a <see cref="CollisionMps"/>. The default (<see cref="None"/>)
/// keeps the state exact: only singular directions at rounding level (weight ≤ <see cref="CollisionMps.RankTolerance"/>²
/// of the norm) are dropped, which is rank detection, not truncation. With <see cref="MaxBond"/> every bond keeps at
/// most that many singular values; with <see cref="Cutoff"/> ε the smallest singular values are dropped while their
/// summed relative weight Σσ²/Σσ² stays ≤ ε. The discarded weight is summed in <see cref="CollisionMps.TruncationError"/>
/// and the state renormalised. Immutable.
/// </summary>
public sealed record MpsTruncation
{
    /// <summary>No truncation: exact (the default).</summary>
    public static MpsTruncation None { get; } = new();

    /// <summary>The largest bond dimension kept (≥ 1), or null for no limit.</summary>
    public int? MaxBond { get; init; }

    /// <summary>The largest relative weight discarded per split, in [0, 1), or null for none.</summary>
    public double? Cutoff { get; init; }

    /// <summary>True when some truncation is permitted.</summary>
    public bool Permitted => MaxBond is not null || Cutoff is > 0;

    /// <summary>Throws a <see cref="ParameterOutOfRangeException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (MaxBond is < 1) throw new ParameterOutOfRangeException($"The maximum bond dimension must be ≥ 1, got {MaxBond}.", "max_bond");
        if (Cutoff is { } c && (!double.IsFinite(c) || c < 0 || c >= 1))
            throw new ParameterOutOfRangeException($"The truncation cutoff must lie in [0, 1), got {c}.", "cutoff");
    }
}
