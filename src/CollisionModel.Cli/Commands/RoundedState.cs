using System.Numerics;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Information;
using CollisionModel.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>ree --normalize</c>: the density matrix nearest to entries that were rounded to a few digits. The Hermitian part
/// (M + M†)/2 is taken, its negative eigenvalues are set to 0 and the result is divided by its trace. What this
/// changed is reported, and input further than <see cref="MaxDistance"/> (trace distance) from the state used is
/// refused: that is no longer rounding.
/// </summary>
public static class RoundedState
{
    /// <summary>The largest trace distance between the input's Hermitian part and the state used that counts as rounding.</summary>
    public const double MaxDistance = 0.05;

    /// <summary>The state used and what normalising changed; <paramref name="entries"/> is row-major 4×4.</summary>
    public static (DensityMatrix State, ResultRecord Report) Normalize(Complex[,] entries, string source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int n = entries.GetLength(0);
        var m = Matrix<Complex>.Build.Dense(n, n, (i, j) => entries[i, j]);
        var hermitian = (m + m.ConjugateTranspose()) / 2;
        double defect = (m - m.ConjugateTranspose()).Enumerate().Max(z => z.Magnitude) / 2;
        double inputTrace = m.Trace().Real;
        var e = HermitianEigen.Decompose(hermitian);
        double clipped = e.Values.Where(v => v < 0).Sum(v => -v);
        double kept = e.Values.Where(v => v > 0).Sum();
        if (!(kept > 0))
            throw new CliInputException($"--rho: '{source}' has no positive eigenvalue; --normalize cannot make a state of it.");
        var state = e.Map(v => Math.Max(v, 0) / kept);
        double distance = TraceDistance.OfHermitianDifference(state - hermitian);
        if (distance > MaxDistance)
            throw new CliInputException(
                $"--rho: '{source}' is {distance:G3} (trace distance) from the nearest state, more than rounding ({MaxDistance}); check the entries.");
        var rho = DensityMatrix.Create((state + state.ConjugateTranspose()) / 2);
        var report = ResultRecord.Of(
            ("input_trace", inputTrace),
            ("hermiticity_defect", defect),
            ("clipped_negative_weight", clipped),
            ("trace_distance_to_input", distance));
        return (rho, report);
    }
}
