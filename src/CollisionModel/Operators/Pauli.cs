using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Operators;

/// <summary>
/// Single-qubit operators in the project's basis |0⟩, |1⟩: σz = diag(1, −1), σ⁻ = |0⟩⟨1| (takes |1⟩ to |0⟩),
/// σ⁺ = |1⟩⟨0|. Each property returns a fresh matrix (MathNet matrices are mutable).
/// </summary>
public static class Pauli
{
    private static Matrix<Complex> M(Complex a, Complex b, Complex c, Complex d) =>
        Matrix<Complex>.Build.DenseOfArray(new[,] { { a, b }, { c, d } });

    /// <summary>The 2×2 identity.</summary>
    public static Matrix<Complex> I => M(1, 0, 0, 1);

    /// <summary>σx = [[0, 1], [1, 0]].</summary>
    public static Matrix<Complex> X => M(0, 1, 1, 0);

    /// <summary>σy = [[0, −i], [i, 0]].</summary>
    public static Matrix<Complex> Y => M(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);

    /// <summary>σz = diag(1, −1).</summary>
    public static Matrix<Complex> Z => M(1, 0, 0, -1);

    /// <summary>σ⁻ = |0⟩⟨1|: lowers |1⟩ to |0⟩ (decay, with |1⟩ the excited level).</summary>
    public static Matrix<Complex> SigmaMinus => M(0, 1, 0, 0);

    /// <summary>σ⁺ = |1⟩⟨0|: raises |0⟩ to |1⟩ (pumping).</summary>
    public static Matrix<Complex> SigmaPlus => M(0, 0, 1, 0);

    /// <summary>|0⟩⟨0|.</summary>
    public static Matrix<Complex> Projector0 => M(1, 0, 0, 0);

    /// <summary>|1⟩⟨1|.</summary>
    public static Matrix<Complex> Projector1 => M(0, 0, 0, 1);
}
