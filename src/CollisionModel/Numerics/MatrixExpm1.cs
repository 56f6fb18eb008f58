using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Numerics;

/// <summary>
/// exp(A) − 1 of a complex square matrix, accurate also when A is tiny (the matrix analogue of expm1).
/// Forming exp(A) and subtracting 1 would lose every digit below 1e-16·‖exp A‖; a collision of length
/// δt = 1e-12 lives entirely in those digits.
/// </summary>
/// <remarks>
/// A is scaled by 2^−s until ‖A‖₁ ≤ ½, W = Σ_{n≥1} Aⁿ/n! is summed until the terms stop contributing, and the
/// scaling is undone with the exact doubling identity expm1(2A) = 2·expm1(A) + expm1(A)². Each entry of the result is
/// accurate relative to the size of the terms that make it up. Cost O(n³ (s + 20)).
/// </remarks>
public static class MatrixExpm1
{
    /// <summary>exp(A) − 1.</summary>
    public static Matrix<Complex> Compute(Matrix<Complex> a)
    {
        Guard.SquareFinite(a, nameof(a));
        double norm = a.L1Norm();
        int s = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scaled = s > 0 ? a / Math.Pow(2, s) : a;
        var w = scaled.Clone();
        var term = scaled.Clone();
        for (int n = 2; n < 40; n++)
        {
            term = term * scaled / n;
            w += term;
            if (term.L1Norm() <= 1e-18 * w.L1Norm()) break;
        }
        for (int i = 0; i < s; i++) w = 2 * w + w * w;
        return w;
    }

    /// <summary>exp(−iθV) − 1 for a Hermitian coupling V (the deviation from the identity of a collision unitary).</summary>
    public static Matrix<Complex> OfUnitary(Matrix<Complex> coupling, double theta)
    {
        Guard.Hermitian(coupling, nameof(coupling));
        Guard.Finite(theta, nameof(theta));
        return Compute(coupling * new Complex(0, -theta));
    }
}
