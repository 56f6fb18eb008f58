using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Measures;

/// <summary>
/// Quantum relative entropy S(ρ‖σ) = tr ρ(ln ρ − ln σ) in nats; <see cref="double.PositiveInfinity"/> when
/// supp ρ ⊄ supp σ, never NaN.
/// </summary>
public static class RelativeEntropy
{
    /// <summary>
    /// S(ρ‖σ). σ's eigenvalues at or below <paramref name="zeroTolerance"/> span its kernel; when ρ puts weight
    /// above <paramref name="supportTolerance"/> on that kernel the result is +∞ (a genuine value here:
    /// zero-temperature reference states are rank deficient). O(D³).
    /// </summary>
    public static double Compute(DensityMatrix rho, DensityMatrix sigma,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double supportTolerance = Tolerances.Support,
        InformationUnit unit = InformationUnit.Nats)
    {
        ComparedStates.Check(rho, sigma);
        var es = HermitianEigen.Decompose(sigma.ToMatrix());
        var r = rho.ToMatrix();
        // ⟨j|ρ|j⟩ for σ's eigenvectors |j⟩.
        var inSigmaBasis = es.Vectors.ConjugateTranspose() * r * es.Vectors;
        double crossTerm = 0, outside = 0;
        for (int j = 0; j < es.Values.Length; j++)
        {
            double w = inSigmaBasis[j, j].Real;
            if (es.Values[j] > zeroTolerance) crossTerm -= w * Math.Log(es.Values[j]);
            else outside += w;
        }
        if (outside > supportTolerance) return double.PositiveInfinity;
        double value = -Entropy.FromEigenvalues(rho.Eigenvalues, zeroTolerance) + crossTerm;
        // Klein's inequality: tiny negatives are rounding.
        return unit.Convert(Math.Max(value, 0));
    }
}
