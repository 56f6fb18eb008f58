using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>The mixed-ancilla limits at their maximum: whole-E entropies at K = 9, fragments to m = 8.</summary>
public class MixedAncillaLimitTests
{
    private static CollisionProtocol ThermalDecay() =>
        new([2, 2], [1], [new Bath([1], AncillaState.Thermal(0.75, 0.25), BathCollision.WithRate(CollisionMpsTests.PartialSwapCoupling(), 1.1))],
            0.4 * Tensor.Kron(Pauli.X, Pauli.X) + 0.2 * Tensor.Kron(Pauli.Z, Pauli.I));

    [Fact]
    public void Whole_environment_entropies_at_the_largest_K_equal_the_explicit_engine()
    {
        // Reference: the explicit engine (one state vector of the system, every ancilla and its partner), an
        // independent representation; K = MaxMixedWholeEnvironment mixed qubit ancillas, every field at every step.
        // One system qubit (B; A empty) keeps the reference's eigenproblems at 2^9.
        var protocol = new CollisionProtocol([2], [0],
            [new Bath([0], AncillaState.Thermal(0.75, 0.25), BathCollision.WithAngle(CollisionMpsTests.RandomHermitian(4, 5), 0.4))], 0.3 * Pauli.X);
        var o = new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = DensityMatrix.FromKet(Ket.Create(CollisionMpsTests.RandomKet(2, 71), protocol.SystemSpace)),
            Grid = TimeGrid.OfStep(0.2, MpsCollisionEngine.MaxMixedWholeEnvironment),
        };
        Assert.Equal(9, o.Steps);
        var e = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var m = CollisionSimulation.Run(o, Representation.Mps).Records;
        for (int i = 0; i < e.Count; i++)
        {
            var x = e[i].Bookkeeping;
            var y = m[i].Bookkeeping;
            string at = $"K = {x.Step}";
            (string Name, double X, double Y)[] fields =
            [
                ("S_E", x.EntropyE, y.EntropyE), ("S_AE", x.EntropyAE, y.EntropyAE), ("S_BE", x.EntropyBE, y.EntropyBE),
                ("S_ABE", x.EntropyABE, y.EntropyABE), ("D_E", x.RelativeEntropyE, y.RelativeEntropyE),
                ("production", x.EntropyProductionTotal, y.EntropyProductionTotal),
            ];
            foreach (var (name, ex, ac) in fields)
                Assert.True(Math.Abs(ex - ac) < 1e-10, $"{at} {name}: explicit {ex:R}, mps {ac:R}");
            Assert.Equal(x.MinSsaSlack is null, y.MinSsaSlack is null);
            if (x.MinSsaSlack is { } slack) Assert.True(Math.Abs(slack - y.MinSsaSlack!.Value) < 1e-10, $"{at} min slack");
        }
        Assert.True(double.IsFinite(m[^1].Bookkeeping.EntropyE));
    }

    [Fact]
    public void Mixed_ancilla_fragment_curves_reach_m_8_and_equal_brute_force()
    {
        // Reference: the dense purified state evolved in the test (partners traced, F holds ancillas only); the default
        // dense limit 1024 = 2^8·rank ρ_AB lets both curves run to m = K = 8.
        var (mps, reference) = CollisionMpsTests.Run(ThermalDecay(), 8, 0.25);
        var curves = EnvironmentFragments.Curves(mps);
        Assert.Equal(9, curves.Oldest.Length);
        Assert.Equal(9, curves.Newest.Length);
        int k = mps.AncillaCount;
        double sab = reference.Entropy([0, 1]);
        for (int m = 1; m <= 8; m++)
        {
            var oldest = reference.Ancillas(Enumerable.Range(0, m));
            var newest = reference.Ancillas(Enumerable.Range(k - m, m));
            double io = sab + reference.Entropy(oldest) - reference.Entropy([0, 1, .. oldest]);
            double inew = sab + reference.Entropy(newest) - reference.Entropy([0, 1, .. newest]);
            Assert.True(Math.Abs(io - curves.Oldest[m]) < 1e-10, $"oldest m = {m}: {io:R} vs {curves.Oldest[m]:R}");
            Assert.True(Math.Abs(inew - curves.Newest[m]) < 1e-10, $"newest m = {m}: {inew:R} vs {curves.Newest[m]:R}");
        }
    }
}
