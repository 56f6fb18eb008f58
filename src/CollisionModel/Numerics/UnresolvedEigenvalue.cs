namespace CollisionModel.Numerics;

/// <summary>
/// How a rate tr[ρ̇ ln M] treats an eigenvalue λ of M at or below the zero tolerance (too small to be told from 0
/// by the eigen-solver) that carries a weight w = ⟨i|ρ̇|i⟩ of the derivative.
/// <para>Along a trajectory an eigenvalue that is exactly 0 can only gain weight at the instant the rank of ρ jumps
/// (a pure ρ(0) at t = 0): there it grows linearly, λ ≈ w τ, and −d/dt λ ln λ = +∞. Anywhere else a growing
/// eigenvalue is positive, and one that is still below the tolerance must have been born quadratically,
/// λ ≈ ½ λ̈ τ², so its weight w = λ̈ τ ≈ √(2 λ λ̈) is at most √(2 · tolerance) · λ̈ with λ̈ of the order of
/// ‖ρ̇‖²/‖ρ‖ (e.g. a²b²γκt²/(a²+b²) in the {|00⟩, |11⟩} block of eq. (5) with κ &gt; 0 from a pure state).
/// So the derivative decides: a weight above <see cref="JumpFactor"/> · √tolerance · ‖ρ̇‖_max is a rank jump; a
/// smaller one belongs to a tiny positive eigenvalue, whose finite term w ln λ is kept with λ clamped below at
/// the rounding level <see cref="Floor"/> (the error this introduces, w · ln(Floor/λ_true), is below w · 40,
/// i.e. below 1e-5 · ‖ρ̇‖ for the default tolerances).</para>
/// </summary>
public static class UnresolvedEigenvalue
{
    /// <summary>Safety factor between the largest weight a quadratically born eigenvalue can carry and a rank jump.</summary>
    public const double JumpFactor = 10;

    /// <summary>The rounding level of an eigenvalue of a unit-trace state (2⁻⁵² ≈ 2.2e-16): ln is taken at least here.</summary>
    public const double Floor = 2.220446049250313e-16;

    /// <summary>
    /// True when weight <paramref name="weight"/> entering a direction whose eigenvalue is at most
    /// <paramref name="zeroTolerance"/> means the rank changes at this instant; false for a tiny positive eigenvalue.
    /// <paramref name="derivativeScale"/> is ‖ρ̇‖_max. O(1).
    /// </summary>
    public static bool IsRankJump(double weight, double zeroTolerance, double derivativeScale)
        => weight > JumpFactor * Math.Sqrt(zeroTolerance) * derivativeScale;

    /// <summary>ln λ for an eigenvalue below the tolerance that is positive in truth: ln max(λ, <see cref="Floor"/>).</summary>
    public static double Log(double lambda) => Math.Log(Math.Max(lambda, Floor));
}
