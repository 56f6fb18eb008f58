using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Numerics;

/// <summary>
/// Functions of Hermitian (positive semidefinite where stated) matrices through the eigen-decomposition,
/// f(A) = V diag(f(λ)) V†. Eigenvalues with |λ| ≤ <c>zeroTolerance</c> are exact zeros. O(n³) each.
/// </summary>
public static class MatrixFunctions
{
    /// <summary>
    /// Natural logarithm of a positive semidefinite matrix restricted to its support: ln λ on eigenvalues
    /// above <paramref name="zeroTolerance"/>, 0 on the kernel (the convention under which tr ρ ln ρ is finite).
    /// Throws <see cref="NegativeEigenvalueException"/> for an eigenvalue below −<paramref name="negativeTolerance"/>.
    /// </summary>
    public static Matrix<Complex> LogOnSupport(Matrix<Complex> a,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double negativeTolerance = Tolerances.NegativeEigenvalue)
    {
        var e = PositiveDecomposition(a, negativeTolerance);
        return e.Map(x => x > zeroTolerance ? Math.Log(x) : 0);
    }

    /// <summary>Principal square root of a positive semidefinite matrix (negative noise clipped to 0).</summary>
    public static Matrix<Complex> Sqrt(Matrix<Complex> a, double negativeTolerance = Tolerances.NegativeEigenvalue)
        => PositiveDecomposition(a, negativeTolerance).Map(x => Math.Sqrt(Math.Max(x, 0)));

    /// <summary>
    /// A^p of a positive semidefinite matrix. For p &lt; 0 it is the power on the support (a pseudo-inverse power);
    /// eigenvalues ≤ <paramref name="zeroTolerance"/> map to 0.
    /// </summary>
    public static Matrix<Complex> Power(Matrix<Complex> a, double p,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double negativeTolerance = Tolerances.NegativeEigenvalue)
    {
        Guard.Finite(p, nameof(p));
        return PositiveDecomposition(a, negativeTolerance).Map(x => x > zeroTolerance ? Math.Pow(x, p) : 0);
    }

    /// <summary>exp(A) of a Hermitian matrix (any sign).</summary>
    public static Matrix<Complex> ExpHermitian(Matrix<Complex> a) => HermitianEigen.Decompose(a).Map(Math.Exp);

    /// <summary>exp(−iHt) for Hermitian H: the unitary propagator of the Schrödinger equation (ħ = 1).</summary>
    public static Matrix<Complex> UnitaryPropagator(Matrix<Complex> h, double t)
    {
        Guard.Finite(t, nameof(t));
        var e = HermitianEigen.Decompose(h);
        int n = e.Values.Length;
        var scaled = e.Vectors.Clone();
        for (int j = 0; j < n; j++)
        {
            var phase = Complex.FromPolarCoordinates(1, -e.Values[j] * t);
            for (int i = 0; i < n; i++) scaled[i, j] *= phase;
        }
        return scaled * e.Vectors.ConjugateTranspose();
    }

    /// <summary>Decomposes a Hermitian matrix and checks that no eigenvalue is below −tolerance.</summary>
    public static HermitianEigenDecomposition PositiveDecomposition(Matrix<Complex> a, double negativeTolerance = Tolerances.NegativeEigenvalue)
    {
        var e = HermitianEigen.Decompose(a);
        if (e.Values.Length > 0 && e.Values[0] < -negativeTolerance)
            throw new NegativeEigenvalueException(
                $"Matrix is not positive semidefinite: eigenvalue {e.Values[0]:G6} < −{negativeTolerance:G3}.", nameof(a));
        return e;
    }
}
