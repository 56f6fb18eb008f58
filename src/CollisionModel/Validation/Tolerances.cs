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
}
