using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Engines;

/// <summary>One tensor factor of a flat state vector: its dimension and the stride of its digit in the flat index.</summary>
/// <param name="Dimension">The factor's dimension (≥ 1).</param>
/// <param name="Stride">The flat-index step of one unit of this factor's digit.</param>
internal readonly record struct Factor(int Dimension, long Stride);

/// <summary>
/// Entropies and reduced states of parts of a pure state vector over qudit factors of any dimensions, each factor
/// addressed by its stride in the flat index (qubits at bit positions are the special case dimension 2, stride 2^b).
/// S(X) = S(X^c) for a pure global state, so the reduced state of the smaller side is formed, as a Gram matrix
/// ρ_X = M M† of the reshaped amplitudes — never |ψ⟩⟨ψ|. Cost O(N·min(d_X, N/d_X)) plus the eigenproblem.
/// </summary>
internal static class PureStateEntropy
{
    /// <summary>S of the qubits in <paramref name="keepMask"/> for the normalised vector ψ over <paramref name="qubits"/> qubits (nats).</summary>
    public static double OfBits(Complex[] psi, int qubits, long keepMask)
    {
        var kept = new List<Factor>();
        var traced = new List<Factor>();
        for (int b = 0; b < qubits; b++) (((keepMask >> b) & 1) != 0 ? kept : traced).Add(new Factor(2, 1L << b));
        return Of(psi, kept, traced);
    }

    /// <summary>S of the factors <paramref name="kept"/> (nats); <paramref name="traced"/> lists every other factor of ψ.</summary>
    public static double Of(ReadOnlySpan<Complex> psi, IReadOnlyList<Factor> kept, IReadOnlyList<Factor> traced)
    {
        long dk = Dimension(kept), dc = Dimension(traced);
        if (dk > dc) (kept, traced) = (traced, kept);
        if (kept.Count == 0 || Dimension(kept) == 1) return 0;
        var rho = Reduced(psi, kept, traced);
        return Entropy.FromEigenvalues(HermitianEigen.Eigenvalues(rho));
    }

    /// <summary>The reduced state ρ_X = tr_{X^c} |ψ⟩⟨ψ| of the factors X = <paramref name="kept"/> (digits in the listed order, first most significant), Hermitised.</summary>
    public static Matrix<Complex> Reduced(ReadOnlySpan<Complex> psi, IReadOnlyList<Factor> kept, IReadOnlyList<Factor> traced)
    {
        var keptOffsets = Offsets(kept);
        var tracedOffsets = Offsets(traced);
        int dk = keptOffsets.Length, dc = tracedOffsets.Length;
        var m = Matrix<Complex>.Build.Dense(dk, dc);
        for (int c = 0; c < dc; c++)
            for (int x = 0; x < dk; x++) m[x, c] = psi[(int)(keptOffsets[x] + tracedOffsets[c])];
        var rho = m * m.ConjugateTranspose();
        return 0.5 * (rho + rho.ConjugateTranspose());
    }

    private static long Dimension(IReadOnlyList<Factor> factors) => factors.Aggregate(1L, (p, f) => p * f.Dimension);

    /// <summary>The flat offsets of every multi-index of the factors (listed order, first most significant).</summary>
    private static long[] Offsets(IReadOnlyList<Factor> factors)
    {
        var offsets = new long[Dimension(factors)];
        for (long v = 0; v < offsets.Length; v++)
        {
            long rem = v, o = 0;
            for (int i = factors.Count - 1; i >= 0; i--)
            {
                o += rem % factors[i].Dimension * factors[i].Stride;
                rem /= factors[i].Dimension;
            }
            offsets[v] = o;
        }
        return offsets;
    }
}
