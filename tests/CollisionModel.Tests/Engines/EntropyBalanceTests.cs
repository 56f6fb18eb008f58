using CollisionModel.Engines;
using CollisionModel.Measures;

namespace CollisionModel.Tests.Engines;

/// <summary>Unitarity, the paper's SSA step and the Esposito–Lindenberg–Van den Broeck identity (docs/conventions.md §6).</summary>
public class EntropyBalanceTests
{
    [Fact]
    public void Explicit_S_ABE_after_j_collisions_equals_S_AB0_plus_sum_of_ancilla_entropies()
    {
        var o = CollisionTestSetups.Random(seed: 11, steps: 4, pureAncilla: false);
        var t = CollisionSimulation.Run(o, Representation.Explicit);
        double sEta = o.Protocol.Baths[0].Ancilla.Entropy;
        Assert.True(sEta > 0.1);
        foreach (var r in t.Records)
        {
            double expected = 0 + r.Step * sEta; // S_AB(0) = 0 for the pure initial state
            Assert.Equal(expected, r.Bookkeeping.EntropyABE, 10);
        }
    }

    [Fact]
    public void Streaming_S_ABE_after_a_collision_equals_S_AB_before_plus_fresh_ancilla_entropy()
    {
        var o = CollisionTestSetups.Random(seed: 12, steps: 6, pureAncilla: false, pureSystem: false) with { ComputeJointEntropyDirectly = true };
        var t = CollisionSimulation.Run(o, Representation.Streaming);
        for (int j = 1; j < t.Records.Count; j++)
        {
            double expected = t.Records[j - 1].Bookkeeping.EntropyAB + o.Protocol.Baths[0].Ancilla.Entropy;
            Assert.Equal(expected, t.Records[j].Bookkeeping.EntropyABE, 11);
        }
    }

    [Fact]
    public void Per_collision_on_product_input_dS_AB_plus_dS_E_equals_I_ABprime_Eprime_and_bounds_I_Bprime_Eprime()
    {
        var o = CollisionTestSetups.Random(seed: 13, steps: 5, pureAncilla: false, pureSystem: false) with { ComputeJointEntropyDirectly = true };
        var engine = new StreamingCollisionEngine(o);
        for (int j = 0; j < o.Steps; j++)
        {
            var before = engine.SystemState();
            double sAbBefore = Entropy.VonNeumann(before);
            engine.Advance();
            var b = engine.Current;
            // Independent reference: MathNet density matrices and the core entropy functions.
            var joint = CollisionTestSetups.OneCollision(o, before);
            double refIabE = Correlations.MutualInformation(joint, [0, 1], [2]);
            double refIbE = Correlations.MutualInformation(joint, [1], [2]);
            double lhs = (b.EntropyAB - sAbBefore) + (b.EntropyE - o.Protocol.Baths[0].Ancilla.Entropy);
            Assert.Equal(refIabE, lhs, 11);
            Assert.Equal(refIabE, b.MutualInformationABE, 11);
            Assert.Equal(refIbE, b.MutualInformationBE, 11);
            Assert.True(lhs >= b.MutualInformationBE - 1e-12, $"SSA violated: {lhs} < {b.MutualInformationBE}");
            Assert.True(b.SsaSlack >= -1e-12);
        }
    }

    [Fact]
    public void Elv_dS_S_minus_tr_deta_ln_eta_equals_I_Sprime_Eprime_plus_D_etaprime_eta_each_collision()
    {
        var o = CollisionTestSetups.Random(seed: 14, steps: 5, pureAncilla: false, pureSystem: false);
        var engine = new StreamingCollisionEngine(o);
        var lnEta = CollisionTestSetups.Log(o.Protocol.Baths[0].Ancilla.State);
        double previousTotal = 0;
        for (int j = 0; j < o.Steps; j++)
        {
            var before = engine.SystemState();
            engine.Advance();
            var joint = CollisionTestSetups.OneCollision(o, before);
            var etaPrime = joint.Reduced(2);
            double dS = Entropy.VonNeumann(joint.Reduced(0, 1)) - Entropy.VonNeumann(before);
            double heat = ((etaPrime.ToMatrix() - o.Protocol.Baths[0].Ancilla.State.ToMatrix()) * lnEta).Trace().Real;
            double lhs = dS - heat;
            double rhs = engine.Current.MutualInformationABE + engine.Current.RelativeEntropyE;
            Assert.Equal(lhs, rhs, 11);
            Assert.Equal(RelativeEntropy.Compute(etaPrime, o.Protocol.Baths[0].Ancilla.State), engine.Current.RelativeEntropyE, 11);
            Assert.Equal(previousTotal + lhs, engine.Current.EntropyProductionTotal, 11);
            previousTotal = engine.Current.EntropyProductionTotal;
            Assert.True(lhs >= -1e-12);
        }
    }

    [Fact]
    public void Explicit_entropy_production_total_equals_streaming_total_from_the_same_per_collision_terms()
    {
        var o = CollisionTestSetups.Random(seed: 15, steps: 5, pureAncilla: false);
        var e = CollisionSimulation.Run(o, Representation.Explicit);
        var s = CollisionSimulation.Run(o, Representation.Streaming);
        for (int i = 0; i < e.Records.Count; i++)
            Assert.Equal(s.Records[i].Bookkeeping.EntropyProductionTotal, e.Records[i].Bookkeeping.EntropyProductionTotal, 11);
    }
}
