using System.Numerics;
using CollisionModel.Information;

namespace CollisionModel.Collisions;

/// <summary>Allocation-free von Neumann entropy (nats) of small Hermitian matrices: closed form for 1×1 and 2×2, Householder + QL above.</summary>
internal static class SmallEntropy
{
    /// <summary>S of the n×n column-major matrix; <paramref name="values"/> ≥ n, <paramref name="workspace"/> ≥ n².</summary>
    public static double Of(ReadOnlySpan<Complex> m, int n, Span<double> values, Span<Complex> workspace)
    {
        if (n == 1) return 0;
        if (n == 2)
        {
            double a = m[0].Real, d = m[3].Real;
            double half = 0.5 * (a + d);
            double r = Math.Sqrt(0.25 * (a - d) * (a - d) + m[1].Real * m[1].Real + m[1].Imaginary * m[1].Imaginary);
            values[0] = half - r;
            values[1] = half + r;
            return Entropy.FromEigenvalues(values[..2]);
        }
        SmallHermitianEigenvalues.Compute(m, n, values, workspace);
        return Entropy.FromEigenvalues(values[..n]);
    }
}
