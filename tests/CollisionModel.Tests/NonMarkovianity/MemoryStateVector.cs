using System.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.NonMarkovianity;

/// <summary>
/// An independent reference for a qubit with H_S = ω σ_x/2, exchanging with vacuum ancillas (W = exp(−iθ(σ⁺σ⁻ + σ⁻σ⁺)))
/// and a memory collision U = cos φ·1 + i sin φ·SWAP between consecutive ancillas: the state vector of the system and
/// all K + 1 ancillas (2^{K+2} amplitudes), every gate written out by hand, nothing read from the library's engines.
/// Step n: e^{−iH δt/2} on S, W on (S, E_n), U on (E_n, E_{n+1}), e^{−iH δt/2} on S.
/// </summary>
internal static class MemoryStateVector
{
    /// <summary>ρ_S after n = 0 … K steps, from |ψ⟩ ⊗ |0…0⟩.</summary>
    public static Matrix<Complex>[] Systems(Ket psi, double omega, double theta, double phi, double dt, int steps)
    {
        int qubits = steps + 2; // S, E_0 … E_K; qubit 0 (S) is the most significant
        var v = new Complex[1 << qubits];
        v[0] = psi[0];
        v[1 << (qubits - 1)] = psi[1];
        double a = omega * dt / 4; // e^{−i(ω/2)σ_x δt/2} = cos a − i sin a σ_x
        var half = new Complex[,] { { Math.Cos(a), new(0, -Math.Sin(a)) }, { new(0, -Math.Sin(a)), Math.Cos(a) } };
        var exchange = new Complex[,]
        {
            { 1, 0, 0, 0 }, { 0, Math.Cos(theta), new(0, -Math.Sin(theta)), 0 },
            { 0, new(0, -Math.Sin(theta)), Math.Cos(theta), 0 }, { 0, 0, 0, 1 },
        };
        Complex c = Math.Cos(phi), s = new(0, Math.Sin(phi));
        var memory = new Complex[,] { { c + s, 0, 0, 0 }, { 0, c, s, 0 }, { 0, s, c, 0 }, { 0, 0, 0, c + s } };
        var result = new Matrix<Complex>[steps + 1];
        result[0] = Reduced(v, qubits);
        for (int n = 0; n < steps; n++)
        {
            One(v, qubits, 0, half);
            Two(v, qubits, 0, 1 + n, exchange);
            Two(v, qubits, 1 + n, 2 + n, memory);
            One(v, qubits, 0, half);
            result[n + 1] = Reduced(v, qubits);
        }
        return result;
    }

    private static int Bit(int qubits, int q) => 1 << (qubits - 1 - q);

    private static void One(Complex[] v, int qubits, int q, Complex[,] g)
    {
        int m = Bit(qubits, q);
        for (int i = 0; i < v.Length; i++)
        {
            if ((i & m) != 0) continue;
            Complex x0 = v[i], x1 = v[i | m];
            v[i] = g[0, 0] * x0 + g[0, 1] * x1;
            v[i | m] = g[1, 0] * x0 + g[1, 1] * x1;
        }
    }

    // g on (p, q), p the more significant factor of g's 4×4 basis.
    private static void Two(Complex[] v, int qubits, int p, int q, Complex[,] g)
    {
        int mp = Bit(qubits, p), mq = Bit(qubits, q);
        Span<Complex> x = stackalloc Complex[4];
        for (int i = 0; i < v.Length; i++)
        {
            if ((i & (mp | mq)) != 0) continue;
            int[] idx = [i, i | mq, i | mp, i | mp | mq];
            for (int r = 0; r < 4; r++) x[r] = v[idx[r]];
            for (int r = 0; r < 4; r++)
            {
                Complex sum = 0;
                for (int col = 0; col < 4; col++) sum += g[r, col] * x[col];
                v[idx[r]] = sum;
            }
        }
    }

    private static Matrix<Complex> Reduced(Complex[] v, int qubits)
    {
        int half = v.Length / 2;
        var rho = Matrix<Complex>.Build.Dense(2, 2);
        for (int e = 0; e < half; e++)
        {
            Complex x0 = v[e], x1 = v[half + e];
            rho[0, 0] += x0 * Complex.Conjugate(x0);
            rho[0, 1] += x0 * Complex.Conjugate(x1);
            rho[1, 0] += x1 * Complex.Conjugate(x0);
            rho[1, 1] += x1 * Complex.Conjugate(x1);
        }
        return rho;
    }
}
