using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Engines.BruteForceCollisions;
using Plain = CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// A cascade (one ancilla meeting several system parts in order) in every engine, against the product of the
/// entries' unitaries formed here: each W_i = exp(−iθ_i V_i) by the test's own eigendecomposition, embedded on
/// (A, B, E) and multiplied in the cascade's order, then run by the brute-force density matrix as one bath.
/// </summary>
public class CascadeCollisionTests
{
    private const double Tolerance = 1e-12;
    private const double Dt = 0.2, Rate = 0.7, Angle = 0.4;

    private static readonly Matrix<Complex> PartialSwap = Plain.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Plain.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    /// <summary>
    /// Two qubits A, B; the ancilla meets A (partial swap, a rate), then B (a random coupling, a fixed angle), then
    /// (B, A) through a random unitary: three kinds of entry, an entry whose parts are listed out of order.
    /// </summary>
    private sealed record Setup(CollisionProtocol Protocol, DensityMatrix Initial, Matrix<Complex> Hamiltonian, Matrix<Complex> Eta, Matrix<Complex>[] Factors)
    {
        public Matrix<Complex> Product => Factors[2] * Factors[1] * Factors[0];
    }

    private static Setup Build(bool mixedAncilla, double? memoryAngle = null)
    {
        var rng = new QuantumRandom(2101);
        var v2 = rng.Hermitian(4);
        var u3 = rng.Unitary(8);
        var h = rng.Hermitian(4);
        var eta = mixedAncilla ? rng.MixedState(new CompositeSpace(2)) : DensityMatrix.FromKet(rng.Ket(CompositeSpace.Qubits(1)));
        var bath = Bath.Cascaded(
        [
            new CascadeEntry([0], BathCollision.WithRate(PartialSwap, Rate)),
            new CascadeEntry([1], BathCollision.WithAngle(v2, Angle)),
            new CascadeEntry([1, 0], BathCollision.WithUnitary(u3)),
        ], [2, 2], AncillaState.From(eta), memoryAngle);
        var protocol = new CollisionProtocol([2, 2], [1], [bath], h);
        var initial = DensityMatrix.FromKet(rng.Ket(protocol.SystemSpace));
        var abe = CompositeSpace.Qubits(3);
        var w1 = Tensor.Embed(Plain.Propagator(PartialSwap, Math.Sqrt(Rate * Dt)), abe, 0, 2);
        var w2 = Tensor.Embed(Plain.Propagator(v2, Angle), abe, 1, 2);
        var w3 = Tensor.Embed(u3, abe, 1, 0, 2);
        return new Setup(protocol, initial, h, eta.ToMatrix(), [w1, w2, w3]);
    }

    private static List<Point> Reference(Setup s, int steps, bool keepAll, double? memoryAngle = null) =>
        Run([2, 2], [0], [1], s.Hamiltonian, Dt, [new BathSpec([0, 1], s.Eta, _ => s.Product, memoryAngle is { } phi ? MemoryCollision.Unitary(2, phi) : null)],
            s.Initial, steps, keepAll);

    private static IReadOnlyList<StepRecord> Engine(Setup s, int steps, Representation representation) =>
        CollisionSimulation.Run(new CollisionRunOptions { Protocol = s.Protocol, InitialSystem = s.Initial, Grid = TimeGrid.OfStep(Dt, steps) }, representation).Records;

    [Fact]
    public void The_cascade_collision_is_the_product_of_its_entries_in_order()
    {
        var s = Build(mixedAncilla: true);
        var bath = s.Protocol.Baths[0];
        Assert.Equal([0, 1], bath.ActsOn);
        var w = s.Protocol.Step(0, Dt).Baths[0].Collision;
        Assert.True((w - s.Product).FrobeniusNorm() < Tolerance, $"‖W − W₃W₂W₁‖ = {(w - s.Product).FrobeniusNorm():E2}");
        // The reverse order is a different collision (the entries do not commute), so the order is what is tested.
        var reversed = s.Factors[0] * s.Factors[1] * s.Factors[2];
        Assert.True((w - reversed).FrobeniusNorm() > 1e-2, $"‖W − W₁W₂W₃‖ = {(w - reversed).FrobeniusNorm():E2}");
    }

    [Theory]
    [InlineData(Representation.Streaming, false)]
    [InlineData(Representation.Explicit, true)]
    [InlineData(Representation.Mps, true)]
    public void Every_engine_books_the_cascade_as_the_brute_force_product(Representation representation, bool allAncillas)
    {
        // Mixed ancillas (purified in explicit and mps), K = 4: ρ_S, every entropy with E = the latest ancilla
        // (streaming) or every ancilla so far, D(ρ_E‖η^⊗n) and the running production; 1e-12.
        const int steps = 4;
        var s = Build(mixedAncilla: true);
        AssertMatches(Engine(s, steps, representation), Reference(s, steps, keepAll: allAncillas), allAncillas, Tolerance);
    }

    [Theory]
    [InlineData(Representation.Streaming, false)]
    [InlineData(Representation.Explicit, true)]
    [InlineData(Representation.Mps, true)]
    public void A_cascade_with_memory_passes_its_ancilla_on_after_the_whole_cascade(Representation representation, bool allAncillas)
    {
        // The memory collision (φ = 0.5) follows the product W₃W₂W₁, as for any bath; pure ancillas, K = 3; 1e-12.
        const int steps = 3;
        var s = Build(mixedAncilla: false, memoryAngle: 0.5);
        AssertMatches(Engine(s, steps, representation), Reference(s, steps, keepAll: allAncillas, memoryAngle: 0.5), allAncillas, Tolerance);
    }

    [Fact]
    public void The_deviation_form_of_a_rate_cascade_is_its_unitary_minus_one()
    {
        // W − 1 from the entries' W_i − 1 without forming 1 + tiny, against the test's product minus 1 at δt = 1e-3
        // (where W − 1 is still far above rounding); a unitary entry has no deviation form.
        const double dt = 1e-3;
        var v2 = new QuantumRandom(2102).Hermitian(4);
        var collision = BathCollision.Cascaded(
            [new CascadeEntry([0], BathCollision.WithRate(PartialSwap, Rate)), new CascadeEntry([1], BathCollision.WithRate(v2, 0.3))], [2, 2], 2);
        var abe = CompositeSpace.Qubits(3);
        var product = Tensor.Embed(Plain.Propagator(v2, Math.Sqrt(0.3 * dt)), abe, 1, 2) * Tensor.Embed(Plain.Propagator(PartialSwap, Math.Sqrt(Rate * dt)), abe, 0, 2);
        var deviation = collision.DeviationFor(dt)!;
        Assert.True((deviation - (product - Matrix<Complex>.Build.DenseIdentity(8))).FrobeniusNorm() < 1e-14);
        Assert.Null(Build(mixedAncilla: false).Protocol.Baths[0].Collision.DeviationFor(dt));
    }

    /// <summary>
    /// A waveguide of thermal qubit ancillas (H_E = ½ωZ) passing qubit 0, then qubit 1 by partial swaps; the ancilla
    /// energy-measured before and after the cascade.
    /// </summary>
    private static (CollisionProtocol Protocol, Matrix<Complex> Eta, Matrix<Complex> Product, Matrix<Complex> Hamiltonian) Waveguide(double dt)
    {
        const double omega = 1.2, beta = 0.7, r0 = 0.8, r1 = 1.1;
        var hE = 0.5 * omega * Pauli.Z;
        var hS = 0.5 * omega * (Plain.Kron(Pauli.Z, Plain.Identity(2)) + Plain.Kron(Plain.Identity(2), Pauli.Z)) + 0.3 * Plain.Kron(Pauli.X, Pauli.X);
        var bath = Bath.Cascaded(
            [new CascadeEntry([0], BathCollision.WithRate(PartialSwap, r0)), new CascadeEntry([1], BathCollision.WithRate(PartialSwap, r1))],
            [2, 2], AncillaState.Thermal(hE, beta));
        var protocol = new CollisionProtocol([2, 2], [1], [bath], hS);
        var i2 = Plain.Identity(2);
        var v0 = Plain.Kron(Pauli.SigmaPlus, i2, Pauli.SigmaMinus) + Plain.Kron(Pauli.SigmaMinus, i2, Pauli.SigmaPlus);
        var v1 = Plain.Kron(i2, Pauli.SigmaPlus, Pauli.SigmaMinus) + Plain.Kron(i2, Pauli.SigmaMinus, Pauli.SigmaPlus);
        var product = Plain.Propagator(v1, Math.Sqrt(r1 * dt)) * Plain.Propagator(v0, Math.Sqrt(r0 * dt));
        return (protocol, Plain.Gibbs(hE, beta), product, hS);
    }

    [Theory]
    [InlineData(Representation.Streaming)]
    [InlineData(Representation.Explicit)]
    [InlineData(Representation.Mps)]
    public void The_ledger_books_the_cascaded_ancilla_once_per_step(Representation representation)
    {
        // Reference on S ⊗ E with the test's product W: per step, the Strang half of H_S, then X = ρ ⊗ η → W X W†,
        // the heat Q = −tr[H_E(η′ − η)] and the work ΔE_S + ΔE_E across the collision, then the other half. The
        // ledger's heat (one entry: one bath), work and entropy flow βQ after K = 5 steps; 1e-12.
        const int steps = 5;
        const double dt = 0.1, omega = 1.2, beta = 0.7;
        var (protocol, eta, w, hS) = Waveguide(dt);
        var hE = 0.5 * omega * Pauli.Z;
        var half = Plain.Propagator(hS, dt / 2);
        var initial = CollisionModel.Tests.Thermodynamics.ThermodynamicLedgerTests.Initial();
        var rho = initial.ToMatrix();
        double heat = 0, work = 0;
        for (int n = 0; n < steps; n++)
        {
            rho = half * rho * half.ConjugateTranspose();
            var after = w * Plain.Kron(rho, eta) * w.ConjugateTranspose();
            var (system, ancilla) = (Plain.TraceOutLast(after, 4, 2), Plain.TraceOutFirst(after, 4, 2));
            double dE = Plain.Expectation(hE, ancilla) - Plain.Expectation(hE, eta);
            heat -= dE;
            work += Plain.Expectation(hS, system) - Plain.Expectation(hS, rho) + dE;
            rho = half * system * half.ConjugateTranspose();
        }
        var ledger = CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(dt, steps) }, representation)
            .Records[^1].Thermodynamics!;
        Assert.Single(ledger.Heat);
        Assert.Equal(heat, ledger.Heat[0]!.Value, 1e-12);
        Assert.Equal(work, ledger.Work!.Value, 1e-12);
        Assert.Equal(beta * heat, ledger.EntropyFlow!.Value, 1e-12);
        Assert.Equal(Plain.Expectation(hS, rho), ledger.EnergySystem!.Value, 1e-12);
    }

    [Fact]
    public void Counting_a_cascade_matches_an_enumeration_of_every_outcome_string()
    {
        // Reference: the 4³ outcome strings of K = 3 steps propagated on S ⊗ E with the test's product W, each step
        // ρ′ = tr_E[(1⊗P_b) W (ρ ⊗ P_a η P_a) W† (1⊗P_b)] between Strang halves of H_S; count k(a) − k(b) with
        // k(|0⟩) = 1, k(|1⟩) = 0 (|1⟩ the lower level of ½ωZ); 1e-12.
        const int steps = 3;
        const double dt = 0.1;
        var (protocol, eta, w, hS) = Waveguide(dt);
        var half = Plain.Propagator(hS, dt / 2);
        var projector = new[] { Pauli.Projector0, Pauli.Projector1 };
        int[] level = [1, 0];
        var reference = new Dictionary<long, double>();
        void Visit(Matrix<Complex> rho, int step, long count)
        {
            if (step == steps)
            {
                reference[count] = reference.GetValueOrDefault(count) + rho.Trace().Real;
                return;
            }
            var evolved = half * rho * half.ConjugateTranspose();
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                {
                    var outgoing = Plain.Kron(Plain.Identity(4), projector[b]);
                    var joint = outgoing * w * Plain.Kron(evolved, projector[a] * eta * projector[a]) * w.ConjugateTranspose() * outgoing;
                    var next = Plain.TraceOutLast(joint, 4, 2);
                    Visit(half * next * half.ConjugateTranspose(), step + 1, count + level[a] - level[b]);
                }
        }
        var initial = CollisionModel.Tests.Thermodynamics.ThermodynamicLedgerTests.Initial();
        Visit(initial.ToMatrix(), 0, 0);
        var exact = FullCountingStatistics.Compute(protocol, [AncillaMeasurement.Energy(protocol.Baths[0].Ancilla)], initial, dt, steps, CountSelection.Single(0));
        for (long n = reference.Keys.Min(); n <= reference.Keys.Max(); n++) Assert.Equal(reference.GetValueOrDefault(n), exact.ProbabilityOf(n), 1e-12);
        Assert.Equal(1, exact.Probabilities.Sum(), 1e-12);
    }

    [Fact]
    public void Trajectories_of_a_cascade_equal_those_of_one_bath_with_the_product_unitary()
    {
        // The same seed draws the same outcomes when the collision is the same matrix: the cascade against a plain
        // bath given the test's W₁W₀ as its unitary; mean states and count moments to 1e-12.
        const double dt = 0.1;
        var (protocol, _, w, hS) = Waveguide(dt);
        var ancilla = protocol.Baths[0].Ancilla;
        var plain = new CollisionProtocol([2, 2], [1], [new Bath([0, 1], ancilla, BathCollision.WithUnitary(w))], hS);
        var initial = CollisionModel.Tests.Thermodynamics.ThermodynamicLedgerTests.Initial();
        AncillaMeasurement?[] measure = [AncillaMeasurement.Energy(ancilla)];
        var cascade = MonitoredTrajectories.Run(protocol, measure, initial, dt, 6, 64, seed: 5, threads: 1);
        var reference = MonitoredTrajectories.Run(plain, measure, initial, dt, 6, 64, seed: 5, threads: 1);
        for (int r = 0; r < reference.Records.Count; r++)
        {
            var (c, p) = (cascade.Records[r], reference.Records[r]);
            Assert.True((c.MeanState.ToMatrix() - p.MeanState.ToMatrix()).FrobeniusNorm() < 1e-12, $"record {r}");
            Assert.Equal(p.CountsMean[0], c.CountsMean[0], 1e-12);
            Assert.Equal(p.CountsVariance[0]!.Value, c.CountsVariance[0]!.Value, 1e-12);
        }
    }
}
