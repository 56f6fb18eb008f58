using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines;

/// <summary>Shared setups and independent reference computations (plain MathNet density matrices).</summary>
internal static class CollisionTestSetups
{
    public static DensityMatrix Paper(double a) => PaperModels.InitialState(a);

    public static CollisionRunOptions Dephasing(double a, double eta, int steps, double time, AncillaState ancilla,
        AngleConvention convention = AngleConvention.Paper)
    {
        var paper = PaperModels.Dephasing(eta, 0, a, convention);
        return new()
        {
            Protocol = SingleBath(paper.Protocol.Baths[0].Collision, [1], ancilla),
            InitialSystem = paper.InitialState,
            Grid = TimeGrid.Over(time, steps),
        };
    }

    /// <summary>A protocol on qubits with one bath on <paramref name="actsOn"/> and B = <paramref name="b"/> (default: actsOn).</summary>
    public static CollisionProtocol SingleBath(BathCollision collision, int[] actsOn, AncillaState ancilla, int qubits = 2,
        Matrix<Complex>? hamiltonian = null, int[]? b = null, SplittingOrder splitting = SplittingOrder.Strang) =>
        new(Enumerable.Repeat(2, qubits).ToArray(), b ?? actsOn, [new Bath(actsOn, ancilla, collision)], hamiltonian, splitting);

    /// <summary>A random collision on (A, B, E), a random Hamiltonian on AB, a random ancilla and pure system state.</summary>
    public static CollisionRunOptions Random(int seed, int steps, bool pureAncilla, bool pureSystem = true)
    {
        var rng = new QuantumRandom(seed);
        var system = pureSystem ? DensityMatrix.FromKet(rng.Ket(CompositeSpace.Qubits(2))) : rng.MixedState(CompositeSpace.Qubits(2));
        var ancilla = pureAncilla ? AncillaState.Pure(rng.Ket(CompositeSpace.Qubits(1))) : AncillaState.From(rng.MixedState(CompositeSpace.Qubits(1)));
        return new CollisionRunOptions
        {
            Protocol = SingleBath(BathCollision.WithUnitary(rng.Unitary(8)), [0, 1], ancilla, hamiltonian: rng.Hermitian(4), b: [1]),
            InitialSystem = system,
            Grid = TimeGrid.OfStep(0.1, steps),
        };
    }

    /// <summary>
    /// The step unitary of a one-bath memoryless protocol on (system, ancilla), built here from the protocol's step
    /// with MathNet alone: U = SystemAfter · W · SystemBefore (no engine code).
    /// </summary>
    public static Matrix<Complex> StepUnitary(CollisionRunOptions o)
    {
        var p = o.Protocol;
        int n = p.SystemSpace.Count;
        var step = p.Step(0, o.Grid.TimeStep);
        var space = new CompositeSpace([.. p.SystemSpace.Dimensions, p.Baths[0].Ancilla.Dimension]);
        var system = Enumerable.Range(0, n).ToArray();
        var u = Tensor.Embed(step.Baths[0].Collision, space, [.. p.Baths[0].ActsOn, n]);
        if (step.SystemBefore is not null) u *= Tensor.Embed(step.SystemBefore, space, system);
        if (step.SystemAfter is not null) u = Tensor.Embed(step.SystemAfter, space, system) * u;
        return u;
    }

    /// <summary>ρ_SE′ = W (ρ_S ⊗ η) W† with MathNet and the embedded step unitary (no engine code).</summary>
    public static DensityMatrix OneCollision(CollisionRunOptions o, DensityMatrix rhoS)
    {
        var w = StepUnitary(o);
        var eta = o.Protocol.Baths[0].Ancilla.State;
        var joint = Tensor.Kron(rhoS.ToMatrix(), eta.ToMatrix());
        var after = w * joint * w.ConjugateTranspose();
        return DensityMatrix.Create(0.5 * (after + after.ConjugateTranspose()), new CompositeSpace([.. o.Protocol.SystemSpace.Dimensions, eta.Dimension]));
    }

    /// <summary>Reference explicit run with density matrices: ρ ← W_j (ρ ⊗ η) W_j† on a growing register (A, B, E_1, …).</summary>
    public static DensityMatrix[] DensityMatrixRun(CollisionRunOptions o)
    {
        int n = o.Protocol.SystemSpace.Count;
        var w = StepUnitary(o);
        var eta = o.Protocol.Baths[0].Ancilla.State.ToMatrix();
        var rho = o.InitialSystem.ToMatrix();
        var states = new List<DensityMatrix> { o.InitialSystem };
        for (int j = 1; j <= o.Steps; j++)
        {
            int q = n + j;
            var space = CompositeSpace.Qubits(q);
            var joint = Tensor.Kron(rho, eta);
            // W acts on the system (0..n−1) and the newest ancilla (q − 1).
            var wj = Tensor.Embed(w, space, Enumerable.Range(0, n).Append(q - 1).ToArray());
            rho = wj * joint * wj.ConjugateTranspose();
            rho = 0.5 * (rho + rho.ConjugateTranspose());
            states.Add(DensityMatrix.Create(rho, space));
        }
        return states.ToArray();
    }

    /// <summary>
    /// Reference explicit run with a state vector (pure initial state, pure ancilla, one memoryless qubit bath), in the
    /// project's order (system qubits, E_1, E_2, …; the newest ancilla least significant), by plain loops: append the
    /// ancilla, then apply the step unitary to (system, newest ancilla). Global phase as it comes.
    /// </summary>
    public static Complex[] StateVectorRun(CollisionRunOptions o)
    {
        int n = o.Protocol.SystemSpace.Count, ds = 1 << n;
        var u = StepUnitary(o);
        var top = CollisionModel.Numerics.HermitianEigen.Decompose(o.InitialSystem.ToMatrix());
        var psi = Enumerable.Range(0, ds).Select(s => top.Vectors[s, ds - 1]).ToArray();
        var etaDec = CollisionModel.Numerics.HermitianEigen.Decompose(o.Protocol.Baths[0].Ancilla.State.ToMatrix());
        var phi = new[] { etaDec.Vectors[0, 1], etaDec.Vectors[1, 1] };
        for (int step = 0; step < o.Steps; step++)
        {
            int old = psi.Length / ds; // dimension of the ancillas so far
            var next = new Complex[psi.Length * 2];
            for (int i = 0; i < psi.Length; i++)
                for (int e = 0; e < 2; e++) next[i * 2 + e] = psi[i] * phi[e];
            var v = new Complex[2 * ds];
            for (int mid = 0; mid < old; mid++)
            {
                // Index of (system s, old ancillas mid, newest e): (s · old + mid) · 2 + e; U acts on (s, e).
                for (int s = 0; s < ds; s++)
                    for (int e = 0; e < 2; e++) v[s * 2 + e] = next[(s * old + mid) * 2 + e];
                for (int s = 0; s < ds; s++)
                    for (int e = 0; e < 2; e++)
                    {
                        Complex sum = 0;
                        for (int c = 0; c < 2 * ds; c++) sum += u[s * 2 + e, c] * v[c];
                        next[(s * old + mid) * 2 + e] = sum;
                    }
            }
            psi = next;
        }
        return psi;
    }

    /// <summary>E_R of a maximally correlated state (support on |00⟩, |11⟩): S(diag ρ) − S(ρ), σ* = diag ρ (docs/conventions.md §2 item 6).</summary>
    public static EntanglementEstimate MaximallyCorrelatedRee(DensityMatrix rho, DensityMatrix? previous)
    {
        var diag = DensityMatrix.Diagonal(Enumerable.Range(0, 4).Select(i => rho[i, i].Real).ToArray());
        return new EntanglementEstimate(Entropy.VonNeumann(diag) - Entropy.VonNeumann(rho), diag);
    }

    public static Matrix<Complex> Log(DensityMatrix rho) => CollisionModel.Numerics.MatrixFunctions.LogOnSupport(rho.ToMatrix());
}
