namespace CollisionModel.Validation;

/// <summary>
/// A run produced a state or a bookkeeping value that quantum mechanics forbids (trace ≠ 1, a non-Hermitian or
/// non-positive ρ_S, a negative SSA slack or per-collision production) beyond the tolerances of
/// <see cref="Tolerances"/>: the run stops rather than report an impossible number. Not an input error: the input was
/// accepted, and the numerics failed on it.
/// </summary>
public sealed class InvariantViolationException : InvalidOperationException
{
    /// <summary>Creates the exception for step <paramref name="step"/> and the named invariant.</summary>
    public InvariantViolationException(int step, string invariant, string detail)
        : base($"invariant violated at step {step}: {invariant} ({detail}).")
    {
        Step = step;
        Invariant = invariant;
    }

    /// <summary>The collision step (1-based; 0 = the initial state) at which the check failed.</summary>
    public int Step { get; }

    /// <summary>The invariant's name, e.g. "trace ρ_S = 1".</summary>
    public string Invariant { get; }
}
