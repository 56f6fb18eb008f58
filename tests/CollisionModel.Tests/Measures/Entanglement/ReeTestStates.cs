using System.Numerics;
using CollisionModel.Operators;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>Two-qubit states used by the E_R tests, built from their definitions (docs/conventions.md).</summary>
internal static class ReeTestStates
{
    public static DensityMatrix FromRows(double[,] rows)
    {
        int n = rows.GetLength(0);
        return DensityMatrix.Create(Matrix<Complex>.Build.Dense(n, n, (i, j) => rows[i, j]));
    }

    public static DensityMatrix Pure(params Complex[] amplitudes)
    {
        var v = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(amplitudes);
        return DensityMatrix.Create(v.OuterProduct(v.Conjugate()));
    }

    /// <summary>Σ w_k |B_k⟩⟨B_k| over Φ+, Φ−, Ψ+, Ψ−.</summary>
    public static DensityMatrix BellDiagonal(double phiPlus, double phiMinus, double psiPlus, double psiMinus)
    {
        var m = Matrix<Complex>.Build.Dense(4, 4);
        m[0, 0] = m[3, 3] = (phiPlus + phiMinus) / 2;
        m[0, 3] = m[3, 0] = (phiPlus - phiMinus) / 2;
        m[1, 1] = m[2, 2] = (psiPlus + psiMinus) / 2;
        m[1, 2] = m[2, 1] = (psiPlus - psiMinus) / 2;
        return DensityMatrix.Create(m);
    }

    /// <summary>
    /// The eq. (5) state on B from a|00⟩ + b|11⟩ (docs/conventions.md §2 item 5, closed form), G = γ + κ, E = e^{−Gt}.
    /// </summary>
    public static Matrix<Complex> Eq5Matrix(double a, double gamma, double kappa, double eta, double omega, double t)
    {
        double b = Math.Sqrt(1 - a * a), g = gamma + kappa, e = Math.Exp(-g * t);
        var m = Matrix<Complex>.Build.Dense(4, 4);
        m[0, 0] = a * a * (1 - kappa / g * (1 - e));
        m[1, 1] = a * a * kappa / g * (1 - e);
        m[2, 2] = b * b * gamma / g * (1 - e);
        m[3, 3] = b * b * (kappa / g + gamma / g * e);
        m[0, 3] = a * b * Complex.Exp(new Complex(-(g / 2 + eta) * t, -omega * t));
        m[3, 0] = Complex.Conjugate(m[0, 3]);
        return m;
    }

    public static DensityMatrix Eq5(double a, double gamma, double kappa, double eta, double omega, double t) =>
        DensityMatrix.Create(Eq5Matrix(a, gamma, kappa, eta, omega, t));

    /// <summary>(U_A ⊗ U_B) ρ (U_A ⊗ U_B)† with Haar-random local unitaries.</summary>
    public static DensityMatrix LocallyRotated(DensityMatrix rho, QuantumRandom rng)
    {
        var u = Tensor.Kron(rng.Unitary(2), rng.Unitary(2));
        return DensityMatrix.Create(u * rho.ToMatrix() * u.ConjugateTranspose());
    }
}
