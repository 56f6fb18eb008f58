namespace CollisionModel.Monitoring;

/// <summary>
/// A restarted Krylov iteration (the Arnoldi search for the leading eigenvalue of a tilted map above the dense maps'
/// d_S, or the GMRES solve behind the variance rate) used up its cycles, or stalled, without reaching its residual
/// tolerance: the eigenvalue or solution, and θ(s) or the rates built on it, would be inaccurate, so none is returned. Not an input error: the input was accepted, and the numerics failed on it
/// (typically a map with several eigenvalues of nearly the same largest modulus).
/// </summary>
public sealed class KrylovConvergenceException : InvalidOperationException
{
    /// <summary>Creates the exception for an iteration that stopped after <paramref name="cycles"/> cycles at the given relative residual.</summary>
    public KrylovConvergenceException(int cycles, double residual, double tolerance)
        : this("the Arnoldi iteration for the leading eigenvalue", "no eigenvalue is reported rather than an inaccurate one", cycles, residual, tolerance)
    {
    }

    /// <summary>
    /// Creates the exception for the iteration <paramref name="what"/> (a GMRES solve, say) that stopped after
    /// <paramref name="cycles"/> cycles at the given relative residual; <paramref name="consequence"/> says what is not reported.
    /// </summary>
    public KrylovConvergenceException(string what, string consequence, int cycles, double residual, double tolerance)
        : base($"{what} did not converge in {cycles} restarts (relative residual {residual:G3} > {tolerance:G3}); {consequence}.")
    {
        Cycles = cycles;
        RelativeResidual = residual;
    }

    /// <summary>The restart cycles the iteration ran.</summary>
    public int Cycles { get; }

    /// <summary>The last cycle's relative residual: ‖A v − λ v‖ / |λ| (v normalised) for an eigenpair, ‖b − A x‖ / ‖b‖ for a solve.</summary>
    public double RelativeResidual { get; }
}
