using System.Numerics;
using CollisionModel.Protocols;
using CollisionModel.Collisions;
using CollisionModel.Information;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Collisions;

/// <summary>Shared setups and independent reference computations (plain MathNet density matrices).</summary>
internal static class CollisionTestSetups
{
    public static DensityMatrix Paper(double a) => DensityMatrix.FromKet(Ket.PaperState(a));

    public static CollisionRunOptions Dephasing(double a, double eta, int steps, double time, AncillaState ancilla,
        AngleConvention convention = AngleConvention.Paper) => new()
        {
            InitialSystem = Paper(a),
            Collision = CollisionPresets.Dephasing(eta, time / steps, convention),
            Ancilla = ancilla,
            Steps = steps,
            TimeStep = time / steps,
        };

    /// <summary>A random collision on (A, B, E), a random Hamiltonian on AB, a random ancilla and pure system state.</summary>
    public static CollisionRunOptions Random(int seed, int steps, bool pureAncilla, bool pureSystem = true)
    {
        var rng = new QuantumRandom(seed);
        var system = pureSystem ? DensityMatrix.FromKet(rng.Ket(CompositeSpace.Qubits(2))) : rng.MixedState(CompositeSpace.Qubits(2));
        var ancilla = pureAncilla ? AncillaState.Pure(rng.Ket(CompositeSpace.Qubits(1))) : AncillaState.From(rng.MixedState(CompositeSpace.Qubits(1)));
        return new CollisionRunOptions
        {
            InitialSystem = system,
            Collision = Collision.FromUnitary(rng.Unitary(8), [0, 1]),
            Ancilla = ancilla,
            Steps = steps,
            TimeStep = 0.1,
            SystemHamiltonian = rng.Hermitian(4),
            Splitting = SplittingOrder.Strang,
            SubsystemB = [1],
        };
    }

    /// <summary>ρ_SE′ = W (ρ_S ⊗ η) W† with MathNet and the embedded step unitary (no engine code).</summary>
    public static DensityMatrix OneCollision(CollisionRunOptions o, DensityMatrix rhoS)
    {
        var w = o.StepUnitary();
        var joint = Tensor.Kron(rhoS.ToMatrix(), o.Ancilla.State.ToMatrix());
        var after = w * joint * w.ConjugateTranspose();
        return DensityMatrix.Create(0.5 * (after + after.ConjugateTranspose()), CompositeSpace.Qubits(o.SystemQubits + 1));
    }

    /// <summary>Reference explicit run with density matrices: ρ ← W_j (ρ ⊗ η) W_j† on a growing register (A, B, E_1, …).</summary>
    public static DensityMatrix[] DensityMatrixRun(CollisionRunOptions o)
    {
        int n = o.SystemQubits;
        var w = o.StepUnitary();
        var rho = o.InitialSystem.ToMatrix();
        var states = new List<DensityMatrix> { o.InitialSystem };
        for (int j = 1; j <= o.Steps; j++)
        {
            int q = n + j;
            var space = CompositeSpace.Qubits(q);
            var joint = Tensor.Kron(rho, o.Ancilla.State.ToMatrix());
            // W acts on the system (0..n−1) and the newest ancilla (q − 1).
            var wj = Tensor.Embed(w, space, Enumerable.Range(0, n).Append(q - 1).ToArray());
            rho = wj * joint * wj.ConjugateTranspose();
            rho = 0.5 * (rho + rho.ConjugateTranspose());
            states.Add(DensityMatrix.Create(rho, space));
        }
        return states.ToArray();
    }

    /// <summary>E_R of a maximally correlated state (support on |00⟩, |11⟩): S(diag ρ) − S(ρ), σ* = diag ρ (docs/conventions.md §2 item 6).</summary>
    public static EntanglementEstimate MaximallyCorrelatedRee(DensityMatrix rho, DensityMatrix? previous)
    {
        var diag = DensityMatrix.Diagonal(Enumerable.Range(0, 4).Select(i => rho[i, i].Real).ToArray());
        return new EntanglementEstimate(Entropy.VonNeumann(diag) - Entropy.VonNeumann(rho), diag);
    }

    public static Matrix<Complex> Log(DensityMatrix rho) => CollisionModel.Numerics.MatrixFunctions.LogOnSupport(rho.ToMatrix());
}
