using System.Numerics;
using CollisionModel.Numerics;
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

    /// <summary>ρ(T) = exp(L T) ρ(0) with L the model's Liouvillian (column stacking), by Padé-13 expm. O(D⁶).</summary>
    public static DensityMatrix State(ConvergenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        var h = CollisionStepChannel.Hamiltonian(setup) ?? Matrix<Complex>.Build.Dense(4, 4);
        var id = Matrix<Complex>.Build.DenseIdentity(4);
        var l = -Complex.ImaginaryOne * (Superoperator.LeftRight(h, id) - Superoperator.LeftRight(id, h));
        foreach (var j in JumpOperators(setup))
        {
            var jdj = j.ConjugateTranspose() * j;
            l += Superoperator.LeftRight(j, j.ConjugateTranspose()) - 0.5 * Superoperator.LeftRight(jdj, id) - 0.5 * Superoperator.LeftRight(id, jdj);
        }
        var propagator = MatrixExponential.Exp(l * setup.Time);
        var rho = Superoperator.Apply(propagator, InitialState(setup).ToMatrix());
        rho = 0.5 * (rho + rho.ConjugateTranspose());
        return DensityMatrix.Trusted(CompositeSpace.Qubits(2), rho.ToColumnMajorArray());
    }
}
