using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.States;

/// <summary>
/// The density matrix nearest to entries that were rounded to a few digits: the Hermitian part (M + M†)/2, its
/// negative eigenvalues set to 0, divided by its trace. <see cref="Of"/> reports what this changed and refuses input
/// further than <see cref="MaxDistance"/> (trace distance) from the state it would use: that is no longer rounding.
/// Immutable.
/// </summary>
/// <param name="State">The state used.</param>
/// <param name="InputTrace">Re tr M of the input.</param>
/// <param name="HermiticityDefect">max |M − M†|/2 over the entries.</param>
/// <param name="ClippedNegativeWeight">The sum of |λ| over the negative eigenvalues λ of (M + M†)/2 that were set to 0.</param>
/// <param name="TraceDistanceToInput">½‖ρ − (M + M†)/2‖₁ between the state used and the input's Hermitian part.</param>
public sealed record NearestState(DensityMatrix State, double InputTrace, double HermiticityDefect, double ClippedNegativeWeight, double TraceDistanceToInput)
{
    /// <summary>The largest trace distance between the input's Hermitian part and the state used that counts as rounding.</summary>
    public const double MaxDistance = 0.05;

    /// <summary>
    /// The nearest state to the square matrix <paramref name="entries"/> (row-major, finite). Throws
    /// <see cref="ParameterOutOfRangeException"/> naming <paramref name="name"/> when the Hermitian part has no positive
    /// eigenvalue or the state is further than <see cref="MaxDistance"/> from it. O(n³).
    /// </summary>
    public static NearestState Of(Complex[,] entries, string name = "rho")
    {
        ArgumentNullException.ThrowIfNull(entries);
        int n = entries.GetLength(0);
        if (entries.GetLength(1) != n) throw new DimensionMismatchException($"{name} must be square, got {n}×{entries.GetLength(1)}.", name);
        var m = Matrix<Complex>.Build.Dense(n, n, (i, j) => entries[i, j]);
        Guard.SquareFinite(m, name);
        var hermitian = (m + m.ConjugateTranspose()) / 2;
        double defect = (m - m.ConjugateTranspose()).Enumerate().Max(z => z.Magnitude) / 2;
        double inputTrace = m.Trace().Real;
        var e = HermitianEigen.Decompose(hermitian);
        double clipped = e.Values.Where(v => v < 0).Sum(v => -v);
        double kept = e.Values.Where(v => v > 0).Sum();
        if (!(kept > 0)) throw new ParameterOutOfRangeException("has no positive eigenvalue, so no state is near it.", name);
        var state = e.Map(v => Math.Max(v, 0) / kept);
        double distance = TraceDistance.OfHermitianDifference(state - hermitian);
        if (distance > MaxDistance)
            throw new ParameterOutOfRangeException(
                $"is {distance:G3} (trace distance) from the nearest state, more than rounding ({MaxDistance}); check the entries.", name);
        var rho = DensityMatrix.Create((state + state.ConjugateTranspose()) / 2);
        return new NearestState(rho, inputTrace, defect, clipped, distance);
    }
}
