using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Measures;

/// <summary>Concurrence of a two-qubit state (dimensionless, 0 for separable, 1 for Bell states).</summary>
public static class Concurrence
{
    /// <summary>
    /// Wootters' formula C = max(0, λ₁ − λ₂ − λ₃ − λ₄), λ the decreasing square roots of the eigenvalues of
    /// √ρ ρ̃ √ρ with ρ̃ = (σy⊗σy) ρ* (σy⊗σy). Computed as the singular values of M = √ρ (σy⊗σy) (√ρ)*
    /// (since √ρ ρ̃ √ρ = M M†), with ρ's eigenvalues ≤ <see cref="Tolerances.ZeroEigenvalue"/> set to 0: no square
    /// root of rounding noise, so the result is accurate to ~1e−15 also for pure and rank-deficient states. O(1).
    /// </summary>
    public static double Wootters(DensityMatrix rho)
    {
        CheckTwoQubits(rho);
        var yy = Tensor.Kron(Pauli.Y, Pauli.Y);
        var sqrt = HermitianEigen.Decompose(rho.ToMatrix()).Map(x => x > Tolerances.ZeroEigenvalue ? Math.Sqrt(x) : 0);
        var m = sqrt * yy * sqrt.Conjugate();
        var sv = m.Svd(computeVectors: false).S.Select(z => z.Magnitude).OrderByDescending(x => x).ToArray();
        return Math.Max(0, sv[0] - sv[1] - sv[2] - sv[3]);
    }

    /// <summary>
    /// X-state formula C = 2 max(0, |ρ₁₄| − √(ρ₂₂ρ₃₃), |ρ₂₃| − √(ρ₁₁ρ₄₄)). Exact only when ρ is an X state
    /// (nonzero entries on the diagonal and anti-diagonal only); a cross-check of <see cref="Wootters"/>.
    /// </summary>
    public static double XState(DensityMatrix rho)
    {
        CheckTwoQubits(rho);
        double p11 = rho[0, 0].Real, p22 = rho[1, 1].Real, p33 = rho[2, 2].Real, p44 = rho[3, 3].Real;
        double c1 = rho[0, 3].Magnitude - Math.Sqrt(Math.Max(0, p22 * p33));
        double c2 = rho[1, 2].Magnitude - Math.Sqrt(Math.Max(0, p11 * p44));
        return 2 * Math.Max(0, Math.Max(c1, c2));
    }

    /// <summary>True when every entry off the diagonal and anti-diagonal is at most <paramref name="tolerance"/> in magnitude.</summary>
    public static bool IsXState(DensityMatrix rho, double tolerance = 1e-14)
    {
        CheckTwoQubits(rho);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                if (i != j && i + j != 3 && rho[i, j].Magnitude > tolerance) return false;
        return true;
    }

    private static void CheckTwoQubits(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        if (rho.Dimension != 4)
            throw new DimensionMismatchException($"Concurrence needs a two-qubit (4×4) state, got {rho.Dimension}×{rho.Dimension}.", nameof(rho));
    }
}
