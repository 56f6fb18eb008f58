using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Models;

namespace CollisionModel.Tests.Engines;

/// <summary>The explicit state vector, the streaming density matrix and a plain density-matrix run describe one physics.</summary>
public class RepresentationAgreementTests
{
    [Theory]
    [InlineData(31, 16, false)] // 18 qubits, random W on (A, B, E): the sparse pass, parallel from 2^15 amplitudes on
    [InlineData(33, 15, true)]  // 17 qubits, the paper's dephasing: every image diagonal, the AVX pass, parallel too
    public void Explicit_global_state_equals_an_independent_state_vector_run(int seed, int steps, bool dephasing)
    {
        // Reference: the state vector in the project's order (A, B, E_1, …), grown by plain loops written here; the
        // engine's own vector (GlobalState reads ψ) must equal it up to a global phase.
        var o = dephasing
            ? CollisionTestSetups.Dephasing(0.6, 1, steps, 1, AncillaState.Ground)
            : CollisionTestSetups.Random(seed, steps, pureAncilla: true);
        var engine = new ExplicitCollisionEngine(o);
        for (int j = 0; j < steps; j++) engine.Advance();
        var psi = engine.GlobalState();
        var reference = CollisionTestSetups.StateVectorRun(o);
        Assert.Equal(reference.Length, psi.Space.Dimension);
        Complex overlap = 0;
        for (int i = 0; i < reference.Length; i++) overlap += Complex.Conjugate(reference[i]) * psi[i];
        var phase = overlap / overlap.Magnitude;
        double maxDiff = 0;
        for (int i = 0; i < reference.Length; i++) maxDiff = Math.Max(maxDiff, (psi[i] - phase * reference[i]).Magnitude);
        Assert.True(maxDiff < 1e-12, $"max |ψ − e^(iα) ψ_ref| = {maxDiff:E2}");
        // And the booked ρ_AB is that vector's reduced state.
        var rhoRef = new Complex[16];
        new CollisionModel.Spaces.PartialTraceMap(psi.Space, [0, 1]).ApplyToKet(psi.Amplitudes, rhoRef);
        var rho = engine.SystemState();
        double rhoDiff = 0;
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++) rhoDiff = Math.Max(rhoDiff, (rho[r, c] - rhoRef[r + 4 * c]).Magnitude);
        Assert.True(rhoDiff < 1e-12, $"max |Δρ_AB| = {rhoDiff:E2}");
    }

    [Theory]
    [InlineData(41, 5, true)]
    [InlineData(42, 4, false)]
    public void Explicit_pure_vector_entropies_equal_density_matrix_run_entropies(int seed, int steps, bool pureAncilla)
    {
        var o = CollisionTestSetups.Random(seed, steps, pureAncilla);
        var records = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var states = CollisionTestSetups.DensityMatrixRun(o);
        for (int j = 1; j <= steps; j++)
        {
            var rho = states[j];
            int[] e = Enumerable.Range(2, j).ToArray();
            var b = records[j].Bookkeeping;
            Assert.Equal(Entropy.VonNeumann(rho, [0]), b.EntropyA, 12);
            Assert.Equal(Entropy.VonNeumann(rho, [1]), b.EntropyB, 12);
            Assert.Equal(Entropy.VonNeumann(rho, [0, 1]), b.EntropyAB, 12);
            Assert.Equal(Entropy.VonNeumann(rho, e), b.EntropyE, 12);
            Assert.Equal(Entropy.VonNeumann(rho, e.Prepend(0).ToArray()), b.EntropyAE, 12);
            Assert.Equal(Entropy.VonNeumann(rho, e.Prepend(1).ToArray()), b.EntropyBE, 12);
            Assert.Equal(Entropy.VonNeumann(rho), b.EntropyABE, 12);
            // D(ρ_E ‖ η^{⊗j}) from the full E state.
            var etaJ = Data.Product(o.Protocol.Baths[0].Ancilla.State, j);
            Assert.Equal(RelativeEntropy.Compute(rho.Reduced(e), etaJ), b.RelativeEntropyE, 11);
        }
    }

    [Fact]
    public void Explicit_global_state_reduces_to_the_density_matrix_run_after_tracing_the_references()
    {
        var o = CollisionTestSetups.Random(43, 3, pureAncilla: false);
        var engine = new ExplicitCollisionEngine(o);
        for (int j = 0; j < 3; j++) engine.Advance();
        var psi = engine.GlobalState(); // A, B, E1, R1, E2, R2, E3, R3
        var rhoABE = CollisionModel.States.DensityMatrix.FromKet(psi).Reduced(0, 1, 2, 4, 6);
        var reference = CollisionTestSetups.DensityMatrixRun(o)[3];
        double maxDiff = 0;
        for (int r = 0; r < 32; r++)
            for (int c = 0; c < 32; c++)
                maxDiff = Math.Max(maxDiff, (rhoABE[r, c] - reference[r, c]).Magnitude);
        Assert.True(maxDiff < 1e-12, $"max |Δρ_ABE| = {maxDiff}");
    }

    private static class Data
    {
        public static CollisionModel.States.DensityMatrix Product(CollisionModel.States.DensityMatrix eta, int count) =>
            CollisionModel.States.DensityMatrix.Product(Enumerable.Repeat(eta, count).ToArray());
    }
}

/// <summary>Systems other than the paper's two qubits.</summary>
public class SystemSizeTests
{
    [Theory]
    [InlineData(1, new[] { 0 }, new[] { 0 })]
    [InlineData(3, new[] { 2 }, new[] { 1, 2 })]
    [InlineData(4, new[] { 1, 3 }, new[] { 3 })]
    public void Explicit_and_streaming_agree_and_pure_global_state_gives_I_AB_E_equal_2_S_AB(int n, int[] collisionQubits, int[] bQubits)
    {
        var rng = new CollisionModel.States.QuantumRandom(50 + n);
        var o = new CollisionRunOptions
        {
            InitialSystem = CollisionModel.States.DensityMatrix.FromKet(rng.Ket(CollisionModel.Spaces.CompositeSpace.Qubits(n))),
            Protocol = CollisionTestSetups.SingleBath(BathCollision.WithUnitary(rng.Unitary(2 << collisionQubits.Length)), collisionQubits,
                AncillaState.Ground, qubits: n, b: bQubits),
            Grid = TimeGrid.OfStep(0.25, 4),
        };
        var e = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var s = CollisionSimulation.Run(o, Representation.Streaming).Records;
        var reference = CollisionTestSetups.DensityMatrixRun(o);
        int[] a = Enumerable.Range(0, n).Except(bQubits).ToArray();
        for (int i = 0; i < e.Count; i++)
        {
            int d = 1 << n;
            double maxDiff = 0;
            for (int r = 0; r < d; r++)
                for (int c = 0; c < d; c++)
                    maxDiff = Math.Max(maxDiff, (e[i].RhoAB[r, c] - s[i].RhoAB[r, c]).Magnitude);
            Assert.True(maxDiff < 1e-12, $"step {i}: {maxDiff}");
            Assert.Equal(2 * e[i].Bookkeeping.EntropyAB, e[i].Bookkeeping.MutualInformationABE, 12);
            Assert.Equal(s[i].Bookkeeping.EntropyAB, e[i].Bookkeeping.EntropyAB, 12);
            if (i == 0) continue;
            var rho = reference[i];
            int[] env = Enumerable.Range(n, i).ToArray();
            Assert.Equal(a.Length == 0 ? 0 : Entropy.VonNeumann(rho, a), e[i].Bookkeeping.EntropyA, 12);
            Assert.Equal(Entropy.VonNeumann(rho, bQubits.Concat(env).ToArray()), e[i].Bookkeeping.EntropyBE, 12);
        }
    }
}
