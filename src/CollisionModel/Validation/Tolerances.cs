namespace CollisionModel.Validation;

/// <summary>
/// Default tolerances used across the library. Every method that applies one also takes it as an
/// optional parameter, so these are only the defaults.
/// </summary>
public static class Tolerances
{
    /// <summary>Maximum |A − A†| entry accepted for a Hermitian matrix (absolute, scaled by max(1, ‖A‖_max)).</summary>
    public const double Hermiticity = 1e-10;

    /// <summary>Maximum |tr ρ − 1| accepted for a density matrix.</summary>
    public const double Trace = 1e-10;

    /// <summary>Eigenvalues above −this are accepted as zero in a positive semidefinite matrix.</summary>
    public const double NegativeEigenvalue = 1e-10;

    /// <summary>
    /// Eigenvalues at or below this are treated as exact zeros when computing entropies and supports:
    /// an eigenvalue of −8.7e−33 or 3e−17 is numerical noise, not a state with weight there.
    /// </summary>
    public const double ZeroEigenvalue = 1e-14;

    /// <summary>Weight of ρ outside supp σ above which S(ρ‖σ) is reported as +∞.</summary>
    public const double Support = 1e-12;

    /// <summary>Maximum |U†U − 1| entry accepted for a unitary matrix.</summary>
    public const double Unitarity = 1e-10;

    /// <summary>
    /// The invariant guard's bound on |tr ρ_S − 1|, max |ρ_S − ρ_S†| and −λ_min(ρ_S) after every step. The engines
    /// evolve by unitaries and renormalise (streaming) or keep a unit vector (explicit, matrix product), so rounding
    /// leaves ~10⁻¹⁵ per step; 10⁻⁹ leaves six orders of headroom for 10⁶-step runs and still catches a lost amplitude,
    /// a non-unitary collision or a failed eigen-solver long before a printed entropy would be visibly wrong.
    /// </summary>
    public const double InvariantState = 1e-9;

    /// <summary>
    /// The invariant guard's bound on −(SSA slack) and −(per-collision production of a fresh ancilla), nats. Both are
    /// differences of a few entropies, each accurate to ~10⁻¹³ for the spectra the engines diagonalise (eigenvalues
    /// below <see cref="ZeroEigenvalue"/> dropped: −λ ln λ ≤ 5·10⁻¹³ per dropped eigenvalue); 10⁻⁹ is far above that
    /// noise and far below any physical violation worth reporting.
    /// </summary>
    public const double InvariantEntropy = 1e-9;
}
