using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Thermodynamics;

/// <summary>
/// Plain MathNet density-matrix algebra written for the tests, independent of the library's collision code: Hermitian
/// exponentials by eigendecomposition, Kronecker products, partial traces by index loops, energies in the Heisenberg
/// picture.
/// </summary>
internal static class BruteForce
{
    public static Matrix<Complex> Kron(params Matrix<Complex>[] factors)
    {
        var r = factors[0];
        for (int i = 1; i < factors.Length; i++) r = r.KroneckerProduct(factors[i]);
        return r;
    }

    public static Matrix<Complex> Identity(int d) => Matrix<Complex>.Build.DenseIdentity(d);

    /// <summary>exp(−i t H) for Hermitian H.</summary>
    public static Matrix<Complex> Propagator(Matrix<Complex> h, double t)
    {
        var evd = h.Evd(Symmetricity.Hermitian);
        var v = evd.EigenVectors;
        var phases = Matrix<Complex>.Build.DenseDiagonal(h.RowCount, h.RowCount,
            i => Complex.Exp(new Complex(0, -t * evd.EigenValues[i].Real)));
        return v * phases * v.ConjugateTranspose();
    }

    /// <summary>Gibbs state e^{−βH}/Z.</summary>
    public static Matrix<Complex> Gibbs(Matrix<Complex> h, double beta)
    {
        var evd = h.Evd(Symmetricity.Hermitian);
        var v = evd.EigenVectors;
        var w = Matrix<Complex>.Build.DenseDiagonal(h.RowCount, h.RowCount, i => Math.Exp(-beta * evd.EigenValues[i].Real));
        var g = v * w * v.ConjugateTranspose();
        return g / g.Trace();
    }

    /// <summary>tr_B of an operator on A ⊗ B (B least significant).</summary>
    public static Matrix<Complex> TraceOutLast(Matrix<Complex> m, int dA, int dB)
    {
        var r = Matrix<Complex>.Build.Dense(dA, dA);
        for (int i = 0; i < dA; i++)
            for (int j = 0; j < dA; j++)
                for (int k = 0; k < dB; k++) r[i, j] += m[i * dB + k, j * dB + k];
        return r;
    }

    /// <summary>tr_A of an operator on A ⊗ B.</summary>
    public static Matrix<Complex> TraceOutFirst(Matrix<Complex> m, int dA, int dB)
    {
        var r = Matrix<Complex>.Build.Dense(dB, dB);
        for (int i = 0; i < dB; i++)
            for (int j = 0; j < dB; j++)
                for (int k = 0; k < dA; k++) r[i, j] += m[k * dB + i, k * dB + j];
        return r;
    }

    public static double Expectation(Matrix<Complex> h, Matrix<Complex> rho) => (h * rho).Trace().Real;

    /// <summary>S(ρ) in nats from the eigenvalues (≤ 1e-14 counted as 0).</summary>
    public static double Entropy(Matrix<Complex> rho)
    {
        var evd = (0.5 * (rho + rho.ConjugateTranspose())).Evd(Symmetricity.Hermitian);
        double s = 0;
        foreach (var z in evd.EigenValues)
            if (z.Real > 1e-14) s -= z.Real * Math.Log(z.Real);
        return s;
    }

    /// <summary>S(ρ‖σ) for full-rank σ: tr ρ ln ρ − tr ρ ln σ.</summary>
    public static double RelativeEntropy(Matrix<Complex> rho, Matrix<Complex> sigma)
    {
        var evd = (0.5 * (sigma + sigma.ConjugateTranspose())).Evd(Symmetricity.Hermitian);
        var v = evd.EigenVectors;
        var ln = v * Matrix<Complex>.Build.DenseDiagonal(sigma.RowCount, sigma.RowCount, i => Math.Log(evd.EigenValues[i].Real)) * v.ConjugateTranspose();
        return -Entropy(rho) - (rho * ln).Trace().Real;
    }
}
