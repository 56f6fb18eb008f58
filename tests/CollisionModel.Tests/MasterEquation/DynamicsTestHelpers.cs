using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.MasterEquation;

/// <summary>Random generators and matrix comparisons shared by the dynamics tests.</summary>
internal static class DynamicsTestHelpers
{
    /// <summary>A random Lindbladian: GUE Hamiltonian and <paramref name="jumps"/> Ginibre jump operators scaled by <paramref name="rate"/>.</summary>
    public static Lindbladian RandomLindbladian(QuantumRandom rng, CompositeSpace space, int jumps, double rate = 0.5)
    {
        int d = space.Dimension;
        var ls = Enumerable.Range(0, jumps).Select(_ => rng.Ginibre(d, d) * Math.Sqrt(rate / d)).ToArray();
        return new Lindbladian(space, rng.Hermitian(d), ls);
    }

    /// <summary>max_ij |A_ij − B_ij|.</summary>
    public static double MaxDiff(Matrix<Complex> a, Matrix<Complex> b) => (a - b).Enumerate().Max(z => z.Magnitude);

    /// <summary>max_ij |A_ij − B_ij| of two states.</summary>
    public static double MaxDiff(DensityMatrix a, DensityMatrix b) => MaxDiff(a.ToMatrix(), b.ToMatrix());

    /// <summary>The textbook form −i[H,ρ] + Σ(LρL† − ½{L†L,ρ}), written independently of the library's K-form.</summary>
    public static Matrix<Complex> TextbookLindblad(Matrix<Complex> h, IEnumerable<Matrix<Complex>> jumps, Matrix<Complex> x)
    {
        var r = -Complex.ImaginaryOne * (h * x - x * h);
        foreach (var l in jumps)
        {
            var ld = l.ConjugateTranspose();
            r += l * x * ld - 0.5 * (ld * l * x + x * ld * l);
        }
        return r;
    }
}
