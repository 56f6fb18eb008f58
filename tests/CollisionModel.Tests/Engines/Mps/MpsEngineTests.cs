using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Engines.Mps;

public class MpsEngineTests
{
    private static void AssertField(double expected, double actual, string what)
    {
        if (double.IsPositiveInfinity(expected)) { Assert.True(double.IsPositiveInfinity(actual), $"{what}: expected +∞, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) < 1e-10, $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static void AssertSameBookkeeping(StepBookkeeping e, StepBookkeeping m)
    {
        string at = $"step {e.Step}";
        AssertField(e.EntropyA, m.EntropyA, $"{at} S_A");
        AssertField(e.EntropyB, m.EntropyB, $"{at} S_B");
        AssertField(e.EntropyAB, m.EntropyAB, $"{at} S_AB");
        AssertField(e.EntropyE, m.EntropyE, $"{at} S_E");
        AssertField(e.EntropyAE, m.EntropyAE, $"{at} S_AE");
        AssertField(e.EntropyBE, m.EntropyBE, $"{at} S_BE");
        AssertField(e.EntropyABE, m.EntropyABE, $"{at} S_ABE");
        AssertField(e.RelativeEntropyE, m.RelativeEntropyE, $"{at} D_E");
        AssertField(e.EntropyProductionTotal, m.EntropyProductionTotal, $"{at} production");
        Assert.Equal(e.MinSsaSlack is null, m.MinSsaSlack is null);
        if (e.MinSsaSlack is { } slack) AssertField(slack, m.MinSsaSlack!.Value, $"{at} min slack");
    }

    [Theory]
    [InlineData(51, 20, true)]
    [InlineData(52, 6, false)]
    public void Every_field_equals_the_explicit_engine(int seed, int steps, bool pureAncilla)
    {
        // Reference: the explicit state-vector engine (E = every ancilla so far), a second independent representation.
        var o = CollisionTestSetups.Random(seed, steps, pureAncilla);
        var e = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var m = CollisionSimulation.Run(o, Representation.Mps).Records;
        Assert.Equal(e.Count, m.Count);
        for (int i = 0; i < e.Count; i++)
        {
            AssertSameBookkeeping(e[i].Bookkeeping, m[i].Bookkeeping);
            Reference.AssertClose(e[i].RhoAB.ToMatrix(), m[i].RhoAB.ToMatrix(), 1e-10, $"ρ_AB at step {e[i].Step}");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_paper_models_agree_with_the_explicit_engine(bool decay)
    {
        var paper = decay ? PaperModels.Decay(1.0, 0, 0.7, 0.6) : PaperModels.Dephasing(1.2, 0.7, 0.6);
        var o = new CollisionRunOptions { Protocol = paper.Protocol, InitialSystem = paper.InitialState, Grid = TimeGrid.OfStep(0.2, 14) };
        var e = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var m = CollisionSimulation.Run(o, Representation.Mps).Records;
        for (int i = 0; i < e.Count; i++) AssertSameBookkeeping(e[i].Bookkeeping, m[i].Bookkeeping);
    }

    [Theory]
    [InlineData("memory + time-dependent", 4)]
    [InlineData("qutrit system", 3)]
    public void Memory_several_baths_and_qudits_book_the_brute_force_whole_environment_entropies(string model, int steps)
    {
        // Reference: the dense state of (system, every ancilla ⊗ partner, carried next ancilla) evolved in the test;
        // E = every ancilla that has collided (partners and the carried next ancilla excluded).
        var protocol = CollisionMpsTests.Model(model);
        var ket = CollisionMpsTests.RandomKet(protocol.SystemDimension, 8);
        var o = new CollisionRunOptions { Protocol = protocol, InitialSystem = DensityMatrix.FromKet(Ket.Create(ket, protocol.SystemSpace)), Grid = TimeGrid.OfStep(0.3, steps) };
        var engine = new MpsCollisionEngine(o);
        var reference = new DenseCollisionReference(protocol, ket);
        for (int n = 0; n < o.Steps; n++)
        {
            engine.Advance();
            reference.Advance(o.Grid.TimeStep, n);
            var e = reference.Ancillas(Enumerable.Range(0, reference.Collisions));
            var b = engine.Current;
            AssertField(reference.Entropy([0, 1]), b.EntropyAB, $"step {n + 1} S_AB");
            AssertField(reference.Entropy(e), b.EntropyE, $"step {n + 1} S_E");
            AssertField(reference.Entropy([0, .. e]), b.EntropyAE, $"step {n + 1} S_AE");
            AssertField(reference.Entropy([1, .. e]), b.EntropyBE, $"step {n + 1} S_BE");
            AssertField(reference.Entropy([0, 1, .. e]), b.EntropyABE, $"step {n + 1} S_ABE");
        }
    }

    [Fact]
    public void With_memory_the_system_fields_and_running_total_equal_the_streaming_engine()
    {
        // Reference: the streaming engine's density-matrix path (system ⊗ carried ancilla, E = the step's ancillas),
        // an independent implementation; a memory bath and a time-dependent bath of pure ancillas.
        var protocol = CollisionMpsTests.MemoryAndTimeDependent();
        var o = new CollisionRunOptions { Protocol = protocol, InitialSystem = DensityMatrix.FromKet(Ket.Create(CollisionMpsTests.RandomKet(4, 2), protocol.SystemSpace)), Grid = TimeGrid.OfStep(0.1, 12) };
        var s = CollisionSimulation.Run(o, Representation.Streaming).Records;
        var m = CollisionSimulation.Run(o, Representation.Mps).Records;
        for (int i = 0; i < s.Count; i++)
        {
            AssertField(s[i].Bookkeeping.EntropyAB, m[i].Bookkeeping.EntropyAB, $"step {i} S_AB");
            AssertField(s[i].Bookkeeping.EntropyA, m[i].Bookkeeping.EntropyA, $"step {i} S_A");
            AssertField(s[i].Bookkeeping.EntropyB, m[i].Bookkeeping.EntropyB, $"step {i} S_B");
            Reference.AssertClose(s[i].RhoAB.ToMatrix(), m[i].RhoAB.ToMatrix(), 1e-10, $"ρ_AB at step {i}");
        }
    }

    [Fact]
    public void Mixed_ancillas_with_memory_book_the_brute_force_entropies_and_production()
    {
        // Reference: the dense purified state evolved in the test; the production Σ_j I(AB′:E_j′) + D(ρ_{E_j′}‖η) with
        // AB′ and E_j′ right after collision j (before the memory collision), written here from reduced states and
        // MathNet's log.
        var protocol = CollisionMpsTests.MixedWithMemory();
        var ket = CollisionMpsTests.RandomKet(4, 9);
        var o = new CollisionRunOptions { Protocol = protocol, InitialSystem = DensityMatrix.FromKet(Ket.Create(ket, protocol.SystemSpace)), Grid = TimeGrid.OfStep(0.4, 3) };
        var engine = new MpsCollisionEngine(o);
        var reference = new DenseCollisionReference(protocol, ket);
        var eta = protocol.Baths[0].Ancilla.State.ToMatrix();
        var lnEta = Reference.HermitianFunction(eta, x => Math.Log(x));
        double production = 0;
        void Book(int ancilla, int _)
        {
            var rhoE = reference.Reduced([ancilla]);
            double d = -Reference.Entropy(rhoE) - (rhoE * lnEta).Trace().Real;
            production += reference.Entropy([0, 1]) + reference.Entropy([ancilla]) - reference.Entropy([0, 1, ancilla]) + d;
        }
        for (int n = 0; n < o.Steps; n++)
        {
            engine.Advance();
            reference.Advance(o.Grid.TimeStep, n, Book);
            var e = reference.Ancillas(Enumerable.Range(0, reference.Collisions));
            var b = engine.Current;
            AssertField(reference.Entropy(e), b.EntropyE, $"step {n + 1} S_E");
            AssertField(reference.Entropy([0, .. e]), b.EntropyAE, $"step {n + 1} S_AE");
            AssertField(reference.Entropy([1, .. e]), b.EntropyBE, $"step {n + 1} S_BE");
            AssertField(reference.Entropy([0, 1, .. e]), b.EntropyABE, $"step {n + 1} S_ABE");
            AssertField(production, b.EntropyProductionTotal, $"step {n + 1} production");
        }
    }

    [Fact]
    public void Beyond_the_dense_limit_mixed_whole_environment_fields_are_absent_and_running_totals_stay()
    {
        // One system qubit keeps the dense steps up to the limit cheap.
        var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(0.7, 0.3), BathCollision.WithRate(CollisionMpsTests.PartialSwapCoupling(), 1))]);
        var o = new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = DensityMatrix.FromKet(Ket.Create(CollisionMpsTests.RandomKet(2, 4), protocol.SystemSpace)),
            Grid = TimeGrid.OfStep(0.2, MpsCollisionEngine.MaxMixedWholeEnvironment + 1),
        };
        var records = CollisionSimulation.Run(o, Representation.Mps).Records;
        var lastRecord = records[^1].Bookkeeping;
        Assert.True(double.IsNaN(lastRecord.EntropyE) && lastRecord.MinSsaSlack is null);
        Assert.True(double.IsFinite(lastRecord.EntropyProductionTotal));
        // Absent, not NaN, in the JSON.
        var json = new CollisionTrajectory(records, Representation.Mps).ToJson();
        Assert.Contains("\"S_E\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_and_truncation_without_mps_name_the_option()
    {
        var o = CollisionTestSetups.Random(54, 3, true);
        Assert.Equal("fragments", Assert.Throws<ParameterOutOfRangeException>(() => CollisionSimulation.Run(o with { Fragments = true }, Representation.Explicit)).ParamName);
        Assert.Equal("max_bond", Assert.Throws<ParameterOutOfRangeException>(() => CollisionSimulation.Run(o with { Truncation = new MpsTruncation { MaxBond = 2 } }, Representation.Streaming)).ParamName);
    }
}
