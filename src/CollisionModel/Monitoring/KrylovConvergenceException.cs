namespace CollisionModel.Monitoring;

/// <summary>
/// A restarted Krylov iteration (the Arnoldi search for the leading eigenvalue of a tilted map above the dense maps'
/// d_S) used up its cycles without reaching its residual tolerance: the eigenvalue, and θ(s) or the rates built on it,
/// would be inaccurate, so none is returned. Not an input error: the input was accepted, and the numerics failed on it
/// (typically a map with several eigenvalues of nearly the same largest modulus).
/// </summary>
public sealed class KrylovConvergenceException : InvalidOperationException
{
    /// <summary>Creates the exception for an iteration that stopped after <paramref name="cycles"/> cycles at the given relative residual.</summary>
    public KrylovConvergenceException(int cycles, double residual, double tolerance)
        : base($"the Arnoldi iteration for the leading eigenvalue did not converge in {cycles} restarts (relative residual {residual:G3} > {tolerance:G3}); "
            + "no eigenvalue is reported rather than an inaccurate one.")
    {
        Cycles = cycles;
        RelativeResidual = residual;
    }

    /// <summary>The restart cycles the iteration ran.</summary>
    public int Cycles { get; }

    /// <summary>The last cycle's relative residual ‖A v − λ v‖ / |λ| (v normalised).</summary>
    public double RelativeResidual { get; }
}
