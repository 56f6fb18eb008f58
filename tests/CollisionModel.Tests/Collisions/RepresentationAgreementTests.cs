using CollisionModel.Protocols;
using CollisionModel.Collisions;
using CollisionModel.Information;

namespace CollisionModel.Tests.Collisions;

/// <summary>The explicit state vector, the streaming density matrix and a plain density-matrix run describe one physics.</summary>
public class RepresentationAgreementTests
{
    [Theory]
    [InlineData(31, 16, true)]  // 18 qubits: exercises the parallel in-place growth and reduction
    [InlineData(32, 5, false)]  // purified mixed ancillas
    public void Explicit_and_streaming_give_the_same_rho_AB(int seed, int steps, bool pureAncilla)
    {
        var o = CollisionTestSetups.Random(seed, steps, pureAncilla);
        var e = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var s = CollisionSimulation.Run(o, Representation.Streaming).Records;
        for (int i = 0; i < e.Count; i++)
        {
            double maxDiff = 0;
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 4; c++)
                    maxDiff = Math.Max(maxDiff, (e[i].RhoAB[r, c] - s[i].RhoAB[r, c]).Magnitude);
            Assert.True(maxDiff < 1e-12, $"step {e[i].Step}: max |Δρ_AB| = {maxDiff}");
        }
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
            Steps = 4,
            TimeStep = 0.25,
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
