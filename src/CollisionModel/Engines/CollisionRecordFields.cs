namespace CollisionModel.Engines;

/// <summary>
/// The field names of one emitted collision step, defined once for every exporter (the library's
/// <see cref="CollisionTrajectory"/> CSV/JSON and the CLI's writers): the entropies (nats), informations, slacks and
/// the running production, in record order, with ρ_AB written before the running totals; the mps extras after the
/// ledger fields (<see cref="Thermodynamics.LedgerRecordFields"/>).
/// </summary>
public static class CollisionRecordFields
{
    /// <summary>The system state ρ_AB (row-major nested [re, im] pairs); JSON only.</summary>
    public const string State = "rho_AB";

    /// <summary>The largest bond dimension so far (mps only).</summary>
    public const string MaxBond = "max_bond";

    /// <summary>The discarded weight summed over all splits (mps only).</summary>
    public const string TruncationError = "truncation_error";

    /// <summary>I(AB:F) for the m oldest ancillas, indexed by m (mps with fragments only).</summary>
    public const string FragmentsOldest = "I_AB_F_oldest";

    /// <summary>I(AB:F) for the m newest ancillas, indexed by m (mps with fragments only).</summary>
    public const string FragmentsNewest = "I_AB_F_newest";

    /// <summary>The scalar fields in record order (the CSV columns before the ledger's and the observers').</summary>
    public static IReadOnlyList<string> Scalars { get; } =
    [
        "step", "time", "S_A", "S_B", "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "I_A_E", "I_B_E", "I_AB_E",
        "ssa_slack", "D_E", "E_R", "concurrence", "entropy_production_total", "min_ssa_slack",
    ];

    /// <summary>How many of <see cref="Scalars"/> precede <see cref="State"/> in a JSON record (the state sits before the running totals).</summary>
    public static int ScalarsBeforeState { get; } = Array.IndexOf([.. Scalars], "entropy_production_total");
}
