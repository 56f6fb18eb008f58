using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Measures;

/// <summary>The argument check of every measure that compares two states ρ and σ: both given, on spaces of one dimension.</summary>
internal static class ComparedStates
{
    /// <summary>Throws <see cref="ArgumentNullException"/> for a missing state and <see cref="DimensionMismatchException"/> (naming σ) when the dimensions differ.</summary>
    public static void Check(DensityMatrix rho, DensityMatrix sigma)
    {
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(sigma);
        if (rho.Dimension != sigma.Dimension)
            throw new DimensionMismatchException($"ρ lives on {rho.Space} but σ on {sigma.Space}.", nameof(sigma));
    }
}
