using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Information;

/// <summary>Uhlmann fidelity, squared convention: F(ρ, σ) = (tr √(√ρ σ √ρ))², 1 for equal states.</summary>
public static class Fidelity
{
    /// <summary>F(ρ, σ) ∈ [0, 1]. O(D³).</summary>
    public static double Compute(DensityMatrix rho, DensityMatrix sigma)
    {
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(sigma);
        if (rho.Dimension != sigma.Dimension)
            throw new DimensionMismatchException($"States have dimensions {rho.Dimension} and {sigma.Dimension}.", nameof(sigma));
        var s = MatrixFunctions.Sqrt(rho.ToMatrix());
        var m = s * sigma.ToMatrix() * s;
        m = 0.5 * (m + m.ConjugateTranspose());
        double tr = HermitianEigen.Eigenvalues(m).Sum(x => Math.Sqrt(Math.Max(x, 0)));
        return Math.Min(1, tr * tr);
    }
}
