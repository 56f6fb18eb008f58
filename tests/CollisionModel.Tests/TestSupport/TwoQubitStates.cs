using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.TestSupport;

/// <summary>Named two-qubit states built from their textbook definitions (basis |00⟩, |01⟩, |10⟩, |11⟩).</summary>
public static class TwoQubitStates
{
    private static readonly double R = Math.Sqrt(0.5);

    /// <summary>The four Bell vectors Φ⁺, Φ⁻, Ψ⁺, Ψ⁻.</summary>
    public static Complex[][] BellVectors =>
    [
        [R, 0, 0, R],
        [R, 0, 0, -R],
        [0, R, R, 0],
        [0, R, -R, 0],
    ];

    /// <summary>Σ p_i |Bell_i⟩⟨Bell_i| (weights for Φ⁺, Φ⁻, Ψ⁺, Ψ⁻).</summary>
    public static DensityMatrix BellDiagonal(params double[] p)
    {
        var m = Matrix<Complex>.Build.Dense(4, 4);
        var bell = BellVectors;
        for (int i = 0; i < 4; i++) m += p[i] * Reference.Projector(bell[i]);
        return DensityMatrix.Create(m, CompositeSpace.Qubits(2));
    }

    /// <summary>Werner state with singlet fidelity F: F|Ψ⁻⟩⟨Ψ⁻| + (1 − F)/3 (1 − |Ψ⁻⟩⟨Ψ⁻|).</summary>
    public static DensityMatrix WernerFidelity(double f) => BellDiagonal((1 - f) / 3, (1 - f) / 3, (1 - f) / 3, f);

    /// <summary>Werner state in the mixing parametrisation p|Ψ⁻⟩⟨Ψ⁻| + (1 − p) 1/4.</summary>
    public static DensityMatrix WernerMixing(double p)
    {
        var m = p * Reference.Projector(BellVectors[3]) + (1 - p) / 4 * Matrix<Complex>.Build.DenseIdentity(4);
        return DensityMatrix.Create(m, CompositeSpace.Qubits(2));
    }
}
