using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Measures;

/// <summary>Trace distance T(ρ, σ) = ½‖ρ − σ‖₁ = ½ Σ |eigenvalues of ρ − σ| ∈ [0, 1].</summary>
public static class TraceDistance
{
    /// <summary>T(ρ, σ). O(D³).</summary>
    public static double Compute(DensityMatrix rho, DensityMatrix sigma)
    {
        ComparedStates.Check(rho, sigma);
        return OfHermitianDifference(rho.ToMatrix() - sigma.ToMatrix());
    }

    /// <summary>
    /// ½‖Δ‖₁ of a Hermitian matrix Δ (e.g. a difference of two states or of two unnormalised estimates). Throws
    /// <see cref="DimensionMismatchException"/>, <see cref="NonFiniteValueException"/> or <see cref="NotHermitianException"/>
    /// (beyond <paramref name="hermiticityTolerance"/>) instead of silently using the Hermitian part. O(D³).
    /// </summary>
    public static double OfHermitianDifference(Matrix<Complex> delta, double hermiticityTolerance = Tolerances.Hermiticity)
    {
        Guard.Hermitian(delta, nameof(delta), hermiticityTolerance);
        var h = 0.5 * (delta + delta.ConjugateTranspose());
        return 0.5 * HermitianEigen.Eigenvalues(h).Sum(Math.Abs);
    }
}
