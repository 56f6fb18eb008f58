using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// The explicit representation from a MIXED initial system state: ρ_S(0) is purified by a reference R_S that is
/// neither A, B nor E. Reference: <see cref="CollisionReference.RunExplicit"/>, a brute-force density-matrix run
/// written in the tests (MathNet only) that starts from ρ_S(0) ⊗ η and keeps every ancilla; every booked field to 1e-10.
/// </summary>
public class MixedInitialExplicitTests
{
    private const double Tolerance = 1e-10;

    // A full-rank random two-qubit ρ_S(0), B = qubit 1, one bath on B with a random coupling (the paper's shape, which
    // a pure ρ_S(0) would run on the qubit fast path); the ancilla pure |0⟩ or mixed.
    private static ReferenceModel Model(int seed, bool pureAncilla)
    {
        var rng = new Random(seed);
        var eta = pureAncilla ? Reference.Diag(1, 0) : RandomMatrices.State(2, rng);
        return new ReferenceModel([2, 2], [1], RandomMatrices.State(4, rng), RandomMatrices.Hermitian(4, rng),
            [new ReferenceBath([1], eta, Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.2)]);
    }

    private static void AssertMatches(ReferenceModel model, int steps, double dt)
    {
        var reference = CollisionReference.RunExplicit(model, steps, dt);
        var definition = ModelFile.Parse(CollisionReference.ToJson(model));
        var records = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = definition.Protocol,
            InitialSystem = definition.InitialState,
            Grid = TimeGrid.OfStep(dt, steps),
        }, Representation.Explicit).Records;
        Assert.Equal(reference.Count, records.Count);
        for (int k = 0; k < reference.Count; k++)
        {
            var (r, b) = (reference[k], records[k].Bookkeeping);
            Reference.AssertClose(r.RhoS, records[k].RhoAB.ToMatrix(), Tolerance, $"ρ_S at step {k}");
            double[] expected = [r.SA, r.SB, r.SAB, r.SE, r.SAE, r.SBE, r.SABE, r.DE, r.EntropyProductionTotal];
            double[] actual = [b.EntropyA, b.EntropyB, b.EntropyAB, b.EntropyE, b.EntropyAE, b.EntropyBE, b.EntropyABE, b.RelativeEntropyE, b.EntropyProductionTotal];
            string[] names = ["S_A", "S_B", "S_AB", "S_E", "S_AE", "S_BE", "S_ABE", "D_E", "production"];
            for (int f = 0; f < names.Length; f++) Reference.AssertClose(expected[f], actual[f], Tolerance, $"{names[f]} at step {k}");
        }
    }

    [Fact]
    public void Mixed_initial_state_with_pure_ancillas_matches_the_brute_force_run_that_keeps_every_ancilla()
    {
        var model = Model(17, pureAncilla: true);
        // With a mixed ρ_S(0) and pure ancillas S_E ≠ S_AB: the purity shortcut of a pure start would be wrong here.
        var reference = CollisionReference.RunExplicit(model, 4, 0.2);
        Assert.True(Math.Abs(reference[^1].SE - reference[^1].SAB) > 1e-2, $"S_E = {reference[^1].SE:R}, S_AB = {reference[^1].SAB:R}");
        AssertMatches(model, 4, 0.2);
    }

    [Fact]
    public void Mixed_initial_state_with_mixed_ancillas_matches_the_brute_force_run_that_keeps_every_ancilla() =>
        AssertMatches(Model(29, pureAncilla: false), 3, 0.2);

    [Fact]
    public void A_mixed_initial_state_is_purified_by_a_reference_of_its_rank()
    {
        // ρ_S(0) of rank 2 on two qubits: the vector holds d_S · rank amplitudes before the first collision.
        var rho = 0.7 * Reference.Diag(1, 0, 0, 0) + 0.3 * Reference.Diag(0, 0, 0, 1);
        var model = new ReferenceModel([2, 2], [1], rho, null,
            [new ReferenceBath([1], Reference.Diag(1, 0), Coupling: RandomMatrices.Hermitian(4, new Random(3)), Rate: 1.0)]);
        var definition = ModelFile.Parse(CollisionReference.ToJson(model));
        var engine = new ExplicitCollisionEngine(new CollisionRunOptions
        {
            Protocol = definition.Protocol,
            InitialSystem = definition.InitialState,
            Grid = TimeGrid.OfStep(0.1, 1),
        });
        Assert.Equal(4 * 2, engine.Amplitudes.Length);
        Assert.Equal(-(0.7 * Math.Log(0.7) + 0.3 * Math.Log(0.3)), engine.Current.EntropyAB, 1e-12);
    }
}
