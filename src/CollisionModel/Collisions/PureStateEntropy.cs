using System.Numerics;
using CollisionModel.Information;
using CollisionModel.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Collisions;

/// <summary>
/// Entropies of parts of a pure state vector over qubits, with qubits addressed by bit position of the flat index.
/// S(X) = S(X^c) for a pure global state, so the reduced state of the smaller side is formed, as a Gram matrix
/// ρ_X = M M† of the reshaped amplitudes — never |ψ⟩⟨ψ|. Cost O(2^(q + min(|X|, q − |X|))) plus the eigenproblem.
/// </summary>
internal static class PureStateEntropy
{
    /// <summary>S of the qubits in <paramref name="keepMask"/> for the normalised vector ψ over <paramref name="qubits"/> qubits (nats).</summary>
    public static double OfBits(Complex[] psi, int qubits, long keepMask)
    {
        long full = (1L << qubits) - 1;
        keepMask &= full;
        int kept = BitOperations.PopCount((ulong)keepMask);
        if (kept > qubits - kept)
        {
            keepMask = full & ~keepMask;
            kept = qubits - kept;
        }
        if (kept == 0) return 0;
        var keptOffsets = Offsets(keepMask, qubits);
        var tracedOffsets = Offsets(full & ~keepMask, qubits);
        int dk = keptOffsets.Length, dc = tracedOffsets.Length;
        var m = Matrix<Complex>.Build.Dense(dk, dc);
        for (int c = 0; c < dc; c++)
            for (int x = 0; x < dk; x++) m[x, c] = psi[keptOffsets[x] + tracedOffsets[c]];
        var rho = m * m.ConjugateTranspose();
        rho = 0.5 * (rho + rho.ConjugateTranspose());
        return Entropy.FromEigenvalues(HermitianEigen.Eigenvalues(rho));
    }

    /// <summary>The flat offsets of every assignment of the bits in <paramref name="mask"/> (a bit deposit).</summary>
    private static long[] Offsets(long mask, int qubits)
    {
        var bits = Enumerable.Range(0, qubits).Where(b => ((mask >> b) & 1) != 0).ToArray();
        var offsets = new long[1L << bits.Length];
        for (long v = 0; v < offsets.Length; v++)
        {
            long o = 0;
            for (int i = 0; i < bits.Length; i++)
                if (((v >> i) & 1) != 0) o |= 1L << bits[i];
            offsets[v] = o;
        }
        return offsets;
    }
}
