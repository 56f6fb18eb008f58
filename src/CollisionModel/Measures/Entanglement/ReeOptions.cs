namespace CollisionModel.Measures.Entanglement;

/// <summary>Settings of <see cref="RelativeEntropyOfEntanglement.Compute"/>. All defaults are documented per property.</summary>
public sealed record ReeOptions
{
    /// <summary>The default options.</summary>
    public static ReeOptions Default { get; } = new();

    /// <summary>
    /// Target certified gap Value − LowerBound (nats). Null (the default) means 1e-9 for full-rank ρ and 1e-7 for
    /// rank-deficient ρ (smallest eigenvalue ≤ <see cref="RankTolerance"/>). A larger value lets the solver stop earlier.
    /// </summary>
    public double? GapTolerance { get; init; }

    /// <summary>Use the exact fast paths (pure, maximally correlated, Bell-diagonal, X state). Default true.</summary>
    public bool UseFastPaths { get; init; } = true;

    /// <summary>ρ counts as PPT (separable, E_R = 0) when λ_min(ρ^Γ) ≥ −this. Default 1e-14.</summary>
    public double SeparabilityTolerance { get; init; } = 1e-14;

    /// <summary>Entries of ρ at most this in magnitude count as zero when recognising a structure. Default 1e-13.</summary>
    public double StructureTolerance { get; init; } = 1e-13;

    /// <summary>Eigenvalues of ρ at most this count as zero (rank deficiency, purity). Default 1e-12.</summary>
    public double RankTolerance { get; init; } = 1e-12;

    /// <summary>Safety cap on quasi-Newton iterations of the global phase (the stop rule is the certificate). Default 3000.</summary>
    public int MaxIterations { get; init; } = 3000;
}
