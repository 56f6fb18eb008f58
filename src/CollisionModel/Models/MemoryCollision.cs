using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>The ancilla–ancilla collision of a memory bath: U = cos φ·1 + i sin φ·SWAP on two d-level ancillas (used first).</summary>
public static class MemoryCollision
{
    /// <summary>U = cos φ·1 + i sin φ·SWAP (d² × d², unitary because SWAP² = 1). O(d⁴).</summary>
    public static Matrix<Complex> Unitary(int dimension, double phi)
    {
        if (dimension < 2 || dimension > AncillaState.MaxDimension)
            throw new DimensionMismatchException($"An ancilla has dimension 2 … {AncillaState.MaxDimension}, got {dimension}.", nameof(dimension));
        Guard.Finite(phi, nameof(phi));
        int d = dimension, n = d * d;
        var u = Matrix<Complex>.Build.Dense(n, n);
        double c = Math.Cos(phi), s = Math.Sin(phi);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                u[i * d + j, i * d + j] += c;
                u[j * d + i, i * d + j] += new Complex(0, s);
            }
        return u;
    }
}
