namespace CollisionModel.Engines;

/// <summary>
/// The scalar bookkeeping of one step (nats), computed at every step without allocating. E is every ancilla so far
/// (explicit) or the latest ancilla (streaming). <see cref="EntropyProductionTotal"/> and <see cref="MinSsaSlack"/>
/// run over all collisions so far. The matrix-product engine leaves the whole-E fields (S_E, S_AE, S_BE, S_ABE, D_E
/// and the slacks) NaN — absent, written as null — where it does not compute them (mixed ancillas beyond
/// <see cref="MpsCollisionEngine.MaxMixedWholeEnvironment"/>).
/// </summary>
/// <param name="Step">Collisions done (0 = initial state).</param>
/// <param name="Time">Step · δt.</param>
/// <param name="EntropyA">S_A.</param>
/// <param name="EntropyB">S_B.</param>
/// <param name="EntropyAB">S_AB.</param>
/// <param name="EntropyE">S_E.</param>
/// <param name="EntropyAE">S_AE.</param>
/// <param name="EntropyBE">S_BE.</param>
/// <param name="EntropyABE">S_ABE.</param>
/// <param name="RelativeEntropyE">D(ρ_E‖ρ_E initial); +∞ when ρ_E leaves the support of the initial state.</param>
/// <param name="EntropyProductionTotal">Σ_j I(AB′:E_j′) + D(η_j′‖η_j) over the collisions so far, each term right after
/// collision j (before that ancilla's memory collision and the step's later collisions); may be +∞.</param>
/// <param name="MinSsaSlack">Minimum of <see cref="SsaSlack"/> over the collisions so far; null at step 0 (no collision yet: the
/// initial state's slack is 0 by construction for a product with E, and would mask the collisions' values).</param>
public readonly record struct StepBookkeeping(
    int Step, double Time,
    double EntropyA, double EntropyB, double EntropyAB, double EntropyE,
    double EntropyAE, double EntropyBE, double EntropyABE,
    double RelativeEntropyE, double EntropyProductionTotal, double? MinSsaSlack)
{
    /// <summary>I(A:E) = S_A + S_E − S_AE.</summary>
    public double MutualInformationAE => EntropyA + EntropyE - EntropyAE;

    /// <summary>I(B:E) = S_B + S_E − S_BE.</summary>
    public double MutualInformationBE => EntropyB + EntropyE - EntropyBE;

    /// <summary>I(AB:E) = S_AB + S_E − S_ABE.</summary>
    public double MutualInformationABE => EntropyAB + EntropyE - EntropyABE;

    /// <summary>SSA slack I(A:E|B) = S_AB + S_BE − S_ABE − S_B ≥ 0.</summary>
    public double SsaSlack => EntropyAB + EntropyBE - EntropyABE - EntropyB;
}
