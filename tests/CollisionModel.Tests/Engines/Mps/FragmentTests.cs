using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

public class FragmentTests
{
    private static double BruteForceMutualInformation(DenseCollisionReference r, IEnumerable<int> labels)
    {
        var f = r.Ancillas(labels);
        return r.Entropy([0, 1]) + r.Entropy(f) - r.Entropy([0, 1, .. f]);
    }

    [Theory]
    [InlineData("decay+H", 10)]
    [InlineData("memory + time-dependent", 4)]
    [InlineData("two baths, qutrits", 4)]
    public void Pure_ancilla_fragment_curves_equal_brute_force_for_every_m(string model, int steps)
    {
        // Reference: I(AB:F) = S_AB + S_F − S_ABF from the dense state evolved in the test, F = the m oldest
        // (labels 0 … m−1) and the m newest ancillas.
        var (mps, reference) = CollisionMpsTests.Run(CollisionMpsTests.Model(model), steps, 0.3);
        var curves = EnvironmentFragments.Curves(mps);
        int k = mps.AncillaCount;
        Assert.Equal(k + 1, curves.Oldest.Length);
        Assert.Equal(k + 1, curves.Newest.Length);
        for (int m = 0; m <= k; m++)
        {
            double oldest = BruteForceMutualInformation(reference, Enumerable.Range(0, m));
            double newest = BruteForceMutualInformation(reference, Enumerable.Range(k - m, m));
            Assert.True(Math.Abs(oldest - curves.Oldest[m]) < 1e-10, $"oldest m = {m}: {oldest:R} vs {curves.Oldest[m]:R}");
            Assert.True(Math.Abs(newest - curves.Newest[m]) < 1e-10, $"newest m = {m}: {newest:R} vs {curves.Newest[m]:R}");
        }
    }

    [Fact]
    public void Fragment_curves_equal_those_of_the_explicit_engines_global_state_at_K_12()
    {
        // Reference: the explicit engine's global vector (A, B, E_1 … E_12, qubits), reduced states by the Gram
        // matrix of whichever side is smaller (the global state is pure), written here.
        var paper = PaperModels.Decay(1.0, 0, 0.7, 0.6);
        const int k = 12;
        var o = new CollisionRunOptions { Protocol = paper.Protocol, InitialSystem = paper.InitialState, Grid = TimeGrid.OfStep(0.15, k) };
        var explicitEngine = new ExplicitCollisionEngine(o);
        var mps = new MpsCollisionEngine(o);
        for (int n = 0; n < k; n++)
        {
            explicitEngine.Advance();
            mps.Advance();
        }
        var psi = explicitEngine.GlobalState().Amplitudes.ToArray();
        int qubits = k + 2;
        double S(int[] keep)
        {
            var kept = keep.Length * 2 <= qubits ? keep : Enumerable.Range(0, qubits).Except(keep).ToArray();
            var traced = Enumerable.Range(0, qubits).Except(kept).ToArray();
            var m = Matrix<Complex>.Build.Dense(1 << kept.Length, 1 << traced.Length);
            for (int i = 0; i < psi.Length; i++)
            {
                int row = 0, col = 0;
                foreach (int q in kept) row = (row << 1) | ((i >> (qubits - 1 - q)) & 1);
                foreach (int q in traced) col = (col << 1) | ((i >> (qubits - 1 - q)) & 1);
                m[row, col] = psi[i];
            }
            return Reference.Entropy(m * m.ConjugateTranspose());
        }
        var curves = mps.Fragments();
        double sab = S([0, 1]);
        for (int m = 1; m <= k; m++)
        {
            int[] oldest = Enumerable.Range(2, m).ToArray(), newest = Enumerable.Range(2 + k - m, m).ToArray();
            double io = sab + S(oldest) - S([0, 1, .. oldest]);
            double inew = sab + S(newest) - S([0, 1, .. newest]);
            Assert.True(Math.Abs(io - curves.Oldest[m]) < 1e-10, $"oldest m = {m}: {io:R} vs {curves.Oldest[m]:R}");
            Assert.True(Math.Abs(inew - curves.Newest[m]) < 1e-10, $"newest m = {m}: {inew:R} vs {curves.Newest[m]:R}");
        }
    }

    [Fact]
    public void Mixed_ancilla_fragments_and_a_named_set_equal_brute_force()
    {
        // Reference: the dense purified state; the partners are traced (F holds ancillas only).
        var protocol = CollisionMpsTests.MixedWithMemory();
        var (mps, reference) = CollisionMpsTests.Run(protocol, 3, 0.4);
        var curves = EnvironmentFragments.Curves(mps);
        int k = mps.AncillaCount;
        Assert.True(curves.Oldest.Length >= 4);
        for (int m = 0; m < curves.Oldest.Length; m++)
            Assert.True(Math.Abs(BruteForceMutualInformation(reference, Enumerable.Range(0, m)) - curves.Oldest[m]) < 1e-10, $"oldest m = {m}");
        for (int m = 0; m < curves.Newest.Length; m++)
            Assert.True(Math.Abs(BruteForceMutualInformation(reference, Enumerable.Range(k - m, m)) - curves.Newest[m]) < 1e-10, $"newest m = {m}");
        double named = EnvironmentFragments.MutualInformation(mps, [0, 2]);
        Assert.True(Math.Abs(BruteForceMutualInformation(reference, [0, 2]) - named) < 1e-10, "I(AB : {E_1, E_3})");
    }

    [Fact]
    public void Mixed_memory_fragments_at_K_5_equal_brute_force_both_ways_of_growing_the_newest()
    {
        // Reference: the dense purified state evolved in the test (partners traced). The newest curve is grown from
        // the center leftwards; with a growth limit of 1 every m is instead contracted from its oldest ancilla to the
        // center, an independent contraction order: both must give the brute-force numbers.
        var (mps, reference) = CollisionMpsTests.Run(CollisionMpsTests.MixedWithMemory(), 5, 0.3);
        int k = mps.AncillaCount;
        var grown = EnvironmentFragments.Curves(mps);
        var restarted = EnvironmentFragments.CurvesWithGrowthLimit(mps, EnvironmentFragments.MaxDenseDimension, maxGrownDimension: 1);
        Assert.Equal(k + 1, grown.Newest.Length);
        for (int m = 0; m <= k; m++)
        {
            double newest = BruteForceMutualInformation(reference, Enumerable.Range(k - m, m));
            double oldest = BruteForceMutualInformation(reference, Enumerable.Range(0, m));
            Assert.True(Math.Abs(newest - grown.Newest[m]) < 1e-12, $"newest m = {m}: {newest:R} vs grown {grown.Newest[m]:R}");
            Assert.True(Math.Abs(newest - restarted.Newest[m]) < 1e-12, $"newest m = {m}: {newest:R} vs restarted {restarted.Newest[m]:R}");
            Assert.True(Math.Abs(oldest - grown.Oldest[m]) < 1e-12, $"oldest m = {m}: {oldest:R} vs {grown.Oldest[m]:R}");
        }
    }

    [Fact]
    public void Long_run_newest_fragments_equal_the_windowed_reference()
    {
        // Reference (pure ancillas, no memory): the newest m ancillas have met the system only in the last m steps, so
        // ρ_{AB, newest m} = the last m collisions applied to ρ_AB(K − m) ⊗ η^{⊗m}; ρ_AB(K − m) from a plain
        // density-matrix recursion ρ ← tr_E W(ρ ⊗ η)W† written here. K = 3000, m ≤ 5.
        const int steps = 3000, window = 5;
        const double dt = 0.01;
        var paper = PaperModels.Decay(1.0, 0, 0.9, 0.6);
        var o = new CollisionRunOptions { Protocol = paper.Protocol, InitialSystem = paper.InitialState, Grid = TimeGrid.OfStep(dt, steps) };
        var engine = new MpsCollisionEngine(o);
        for (int n = 0; n < steps; n++) engine.Advance();
        var curves = engine.Fragments();
        var w = CollisionTestSetups.StepUnitary(o);
        var eta = paper.Protocol.Baths[0].Ancilla.State.ToMatrix();
        var rho = paper.InitialState.ToMatrix();
        var space = new CompositeSpace(2, 2, 2);
        for (int n = 0; n < steps - window; n++)
        {
            var joint = w * Tensor.Kron(rho, eta) * w.ConjugateTranspose();
            rho = BruteForce.PartialTrace(joint, [2, 2, 2], [0, 1]);
        }
        // ρ on (A, B, E_{K−m+1}, …, E_K): append the last `window` ancillas one collision at a time.
        var windowed = rho;
        for (int j = 0; j < window; j++)
        {
            int q = 2 + j + 1;
            var dims = Enumerable.Repeat(2, q).ToArray();
            var wj = Tensor.Embed(w, new CompositeSpace(dims), [0, 1, q - 1]);
            windowed = wj * Tensor.Kron(windowed, eta) * wj.ConjugateTranspose();
        }
        var all = Enumerable.Repeat(2, 2 + window).ToArray();
        double sab = Reference.Entropy(BruteForce.PartialTrace(windowed, all, [0, 1]));
        for (int m = 1; m <= window; m++)
        {
            var f = Enumerable.Range(2 + window - m, m).ToArray();
            double i = sab + Reference.Entropy(BruteForce.PartialTrace(windowed, all, f)) - Reference.Entropy(BruteForce.PartialTrace(windowed, all, [0, 1, .. f]));
            Assert.True(Math.Abs(i - curves.Newest[m]) < 1e-10, $"newest m = {m} at K = {steps}: windowed {i:R}, mps {curves.Newest[m]:R}");
        }
        // And the pure-state identity between the two ends: I(oldest K − m) + I(newest m) = 2 S_AB.
        for (int m = 0; m <= steps; m += 500)
            Assert.True(Math.Abs(curves.Oldest[steps - m] + curves.Newest[m] - 2 * curves.SystemEntropy) < 1e-9, $"m = {m}");
    }

    [Fact]
    public void Redundancy_counts_fragments_holding_the_information()
    {
        // A curve reaching (1 − δ)·S = 0.9 first at m = 3 among K = 10 ancillas: ⌊10/3⌋ = 3 disjoint fragments.
        double[] curve = [0, 0.5, 0.8, 0.95, 1, 1, 1, 1, 1, 1.5, 2];
        Assert.Equal(3, EnvironmentFragments.Redundancy(curve, 1.0, 10, 0.1));
        Assert.Equal(0, EnvironmentFragments.Redundancy([0, 0.1, 0.2], 1.0, 2, 0.1));
    }

    [Fact]
    public void Records_carry_the_fragment_arrays_and_the_bond()
    {
        var paper = PaperModels.Dephasing(1.0, 0, 0.6);
        var o = new CollisionRunOptions { Protocol = paper.Protocol, InitialSystem = paper.InitialState, Grid = TimeGrid.OfStep(0.2, 6), Fragments = true };
        var records = CollisionSimulation.Run(o, Representation.Mps).Records;
        var env = records[^1].WholeEnvironment!;
        Assert.Equal(7, env.Fragments!.Oldest.Length);
        // Dephasing of B by pure ancillas: the ancillas record only B's which-path bit, so the exact bond is 2.
        Assert.Equal(2, env.MaxBond);
        Assert.Equal(0, env.TruncationError);
    }
}
