using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.TestSupport;

/// <summary>
/// Random test inputs from a plain <see cref="Random"/> (independent of the library's QuantumRandom, so the references
/// built from them share no code with what they check).
/// </summary>
internal static class RandomMatrices
{
    /// <summary>G + G† with G's entries uniform in [−½, ½] + i[−½, ½].</summary>
    public static Matrix<Complex> Hermitian(int n, Random rng)
    {
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        return g + g.ConjugateTranspose();
    }

    /// <summary>A full-rank density matrix: (GG† + 0.05·1) normalised.</summary>
    public static Matrix<Complex> State(int n, Random rng)
    {
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var rho = g * g.ConjugateTranspose() + 0.05 * Matrix<Complex>.Build.DenseIdentity(n);
        return rho / rho.Trace();
    }
}
