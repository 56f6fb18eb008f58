namespace CollisionModel.MasterEquation;

/// <summary>
/// Spohn's entropy production rate split as in the paper, σ = ΔṠ_int + ΔṠ_ext (nats per unit time):
/// <see cref="EntropyRate"/> = dS/dt = −tr[ρ̇ ln ρ] and <see cref="ExternalRate"/> = tr[ρ̇ ln ρ_T]
/// (= −<see cref="EntropyFlow"/>), so σ = −tr[ρ̇(ln ρ − ln ρ_T)] = −d/dt S(ρ‖ρ_T).
/// Infinite parts are values: +∞ for the external rate when ρ_T is rank deficient and ρ̇ removes weight from
/// ker ρ_T (e.g. zero-temperature decay, κ = 0, t &gt; 0).
/// </summary>
/// <param name="EntropyRate">
/// dS/dt. Finite when ρ̇ puts no weight on ker ρ; +∞ (the right derivative) when it does, which happens only
/// where the rank of ρ jumps, e.g. a pure ρ(0) at t = 0.
/// </param>
/// <param name="ExternalRate">tr[ρ̇ ln ρ_T], finite or ±∞ (defined as the limit ρ_T → (1−ε)ρ_T + ε/D, ε → 0).</param>
public sealed record EntropyProductionRate(double EntropyRate, double ExternalRate)
{
    /// <summary>The entropy flow Φ = −tr[ρ̇ ln ρ_T] (for a thermal ρ_T: the heat current into the system times β).</summary>
    public double EntropyFlow => -ExternalRate;

    /// <summary>
    /// σ = dS/dt + tr[ρ̇ ln ρ_T] in nats per unit time; +∞ is a value. Null (the quantity does not exist) when S(t)
    /// is not differentiable at this instant — ρ's rank jumps, as for a pure ρ(0) at t = 0 — or the split is ∞ − ∞.
    /// </summary>
    public double? Sigma
    {
        get
        {
            if (double.IsInfinity(EntropyRate)) return null;
            return EntropyRate + ExternalRate;
        }
    }
}
