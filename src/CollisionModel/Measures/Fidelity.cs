using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Measures;

/// <summary>Uhlmann fidelity, squared convention: F(ρ, σ) = (tr √(√ρ σ √ρ))², 1 for equal states.</summary>
public static class Fidelity
{
    /// <summary>
    /// F(ρ, σ) ∈ [0, 1]. Computed as ‖√ρ √σ‖₁² (the nuclear norm, from singular values; equal to (tr √(√ρ σ √ρ))²)
    /// with eigenvalues ≤ <see cref="Tolerances.ZeroEigenvalue"/> set to 0, so no square root of rounding noise enters
    /// and pure states are accurate to ~1e−15. O(D³).
    /// </summary>
    public static double Compute(DensityMatrix rho, DensityMatrix sigma)
    {
        ComparedStates.Check(rho, sigma);
        var a = SqrtOnSupport(rho);
        var b = SqrtOnSupport(sigma);
        double tr = (a * b).Svd(computeVectors: false).S.Sum(z => z.Magnitude);
        return Math.Min(1, tr * tr);
    }

    private static MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex> SqrtOnSupport(DensityMatrix rho) =>
        HermitianEigen.Decompose(rho.ToMatrix()).Map(x => x > Tolerances.ZeroEigenvalue ? Math.Sqrt(x) : 0);
}
