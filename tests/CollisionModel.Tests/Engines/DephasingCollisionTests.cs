using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Models;

namespace CollisionModel.Tests.Engines;

/// <summary>The paper's dephasing collision on qubit B of a|00⟩ + b|11⟩ (docs/conventions.md §5, §6).</summary>
public class DephasingCollisionTests
{
    private const double A = 0.6, B = 0.8, Eta = 1.3, T = 1.0;

    [Theory]
    [InlineData(Representation.Streaming, true)]
    [InlineData(Representation.Streaming, false)]
    [InlineData(Representation.Explicit, true)]
    [InlineData(Representation.Explicit, false)]
    public void Coherence_factor_after_j_collisions_is_exactly_one_minus_eta_dt_to_the_j(Representation rep, bool pureAncilla)
    {
        const int k = 8;
        var o = CollisionTestSetups.Dephasing(A, Eta, pureAncilla ? k : 6, T, pureAncilla ? AncillaState.Ground : AncillaState.MaximallyMixed);
        var t = CollisionSimulation.Run(o, rep);
        double c = 1 - Eta * T / o.Steps;
        foreach (var r in t.Records)
        {
            double expected = A * B * Math.Pow(c, r.Step);
            Assert.Equal(expected, r.RhoAB[0, 3].Real, 1e-14);
            Assert.Equal(0, r.RhoAB[0, 3].Imaginary, 13);
        }
    }

    [Fact]
    public void Exact_angle_gives_coherence_factor_exp_minus_eta_t_at_every_k()
    {
        var o = CollisionTestSetups.Dephasing(A, Eta, 7, T, AncillaState.Ground, AngleConvention.Exact);
        var last = CollisionSimulation.Run(o, Representation.Streaming).Records[^1];
        Assert.Equal(A * B * Math.Exp(-Eta * T), last.RhoAB[0, 3].Real, 13);
    }

    [Fact]
    public void Pure_ancillas_I_AB_E_equals_2_S_AB_equals_2_abs_delta_E_R()
    {
        var o = CollisionTestSetups.Dephasing(A, Eta, 10, T, AncillaState.Ground) with
        {
            EntanglementMeasure = CollisionTestSetups.MaximallyCorrelatedRee,
        };
        var t = CollisionSimulation.Run(o, Representation.Explicit);
        double er0 = t.Records[0].RelativeEntropyOfEntanglement!.Value;
        Assert.Equal(Entropy.Binary(A * A), er0, 12); // E_R of the pure state = entanglement entropy
        foreach (var r in t.Records.Skip(1))
        {
            double dEr = Math.Abs(r.RelativeEntropyOfEntanglement!.Value - er0);
            Assert.Equal(2 * r.Bookkeeping.EntropyAB, r.Bookkeeping.MutualInformationABE, 12);
            Assert.Equal(2 * dEr, r.Bookkeeping.MutualInformationABE, 12);
            Assert.True(r.Bookkeeping.EntropyAB > 1e-3);
        }
    }

    [Fact]
    public void Maximally_mixed_ancillas_leave_S_E_unchanged_and_I_AB_E_equals_S_AB_equals_abs_delta_E_R()
    {
        var o = CollisionTestSetups.Dephasing(A, Eta, 6, T, AncillaState.MaximallyMixed) with
        {
            EntanglementMeasure = CollisionTestSetups.MaximallyCorrelatedRee,
        };
        var t = CollisionSimulation.Run(o, Representation.Explicit);
        double er0 = t.Records[0].RelativeEntropyOfEntanglement!.Value;
        foreach (var r in t.Records.Skip(1))
        {
            double dSE = r.Bookkeeping.EntropyE - r.Step * Math.Log(2); // initial S_E of j maximally mixed ancillas
            Assert.Equal(0, dSE, 11);
            double dEr = Math.Abs(r.RelativeEntropyOfEntanglement!.Value - er0);
            Assert.Equal(r.Bookkeeping.EntropyAB, r.Bookkeeping.MutualInformationABE, 11);
            Assert.Equal(dEr, r.Bookkeeping.MutualInformationABE, 11);
            Assert.Equal(0, r.Bookkeeping.RelativeEntropyE, 11);
        }
        // Streaming: each fresh maximally mixed ancilla stays maximally mixed.
        foreach (var r in CollisionSimulation.Run(o, Representation.Streaming).Records)
            Assert.Equal(Math.Log(2), r.Bookkeeping.EntropyE, 13);
    }

    [Fact]
    public void Pure_ancilla_that_gets_excited_has_infinite_D_E_and_infinite_entropy_production()
    {
        var o = CollisionTestSetups.Dephasing(A, Eta, 3, T, AncillaState.Ground);
        var r = CollisionSimulation.Run(o, Representation.Explicit).Records;
        Assert.Equal(0, r[0].Bookkeeping.RelativeEntropyE);
        Assert.True(double.IsPositiveInfinity(r[1].Bookkeeping.RelativeEntropyE));
        Assert.True(double.IsPositiveInfinity(r[1].Bookkeeping.EntropyProductionTotal));
    }
}
