using System.Numerics;
using CollisionModel.Dynamics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Convergence;

/// <summary>The k → ∞ limit a <see cref="ConvergenceSetup"/> converges to: eq. (5) on B with the model's own rates.</summary>
public static class MasterReference
{
    /// <summary>Jump operators of the model: dephasing √(η/2)σz_B; decay √γσ⁻_B, √κσ⁺_B.</summary>
    public static IReadOnlyList<Matrix<Complex>> JumpOperators(ConvergenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var space = CompositeSpace.Qubits(2);
        var jumps = new List<Matrix<Complex>>();
        if (setup.Model == CollisionModelKind.Dephasing)
        {
            if (setup.Eta > 0) jumps.Add(Tensor.Embed(Math.Sqrt(setup.Eta / 2) * Pauli.Z, space, 1));
        }
        else
        {
            if (setup.Gamma > 0) jumps.Add(Tensor.Embed(Math.Sqrt(setup.Gamma) * Pauli.SigmaMinus, space, 1));
            if (setup.Kappa > 0) jumps.Add(Tensor.Embed(Math.Sqrt(setup.Kappa) * Pauli.SigmaPlus, space, 1));
        }
        return jumps;
    }

    /// <summary>The initial state A|00⟩ + √(1 − A²)|11⟩.</summary>
    public static DensityMatrix InitialState(ConvergenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return DensityMatrix.FromKet(Ket.PaperState(setup.A));
    }

    /// <summary>The model's Lindbladian: H = (ω/2)σz_B + (Ω/2)σx_B and the model's jump operators.</summary>
    public static Lindbladian Generator(ConvergenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        var h = CollisionStepChannel.Hamiltonian(setup) ?? Matrix<Complex>.Build.Dense(4, 4);
        return new Lindbladian(CompositeSpace.Qubits(2), h, JumpOperators(setup));
    }

    /// <summary>ρ(T) = exp(𝓛T) ρ(0) (Padé-13 expm of the Liouvillian). O(D⁶).</summary>
    public static DensityMatrix State(ConvergenceSetup setup) => Generator(setup).Evolve(InitialState(setup), setup.Time);
}
