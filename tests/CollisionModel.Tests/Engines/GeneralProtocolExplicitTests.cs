using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using static CollisionModel.Tests.Engines.BruteForceCollisions;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// The explicit engine's generic path (qudits, several baths, memory) against the brute-force reference that keeps
/// the system and every ancilla: ρ_S, the E = all-ancillas-so-far entropies, D_E and the per-step production.
/// </summary>
public class GeneralProtocolExplicitTests
{
    private const double Tolerance = 1e-10;

    private static void AssertMatches(IReadOnlyList<StepRecord> records, List<Point> reference) =>
        BruteForceCollisions.AssertMatches(records, reference, allAncillas: true, Tolerance);

    private static IReadOnlyList<StepRecord> Explicit(CollisionProtocol protocol, DensityMatrix initial, int steps, double dt) =>
        CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(dt, steps) }, Representation.Explicit).Records;

    [Fact]
    public void Qutrit_system_with_two_baths_one_with_a_qutrit_ancilla_matches_the_reference()
    {
        // System qutrit A ⊗ qubit B; bath 1: pure qubit ancillas on A (random 6×6 unitary); bath 2: mixed qutrit
        // ancillas (rank 3, purified by a qutrit partner) on B (random 6×6 unitary). 2 steps: 6·(2·9)² amplitudes.
        var rng = new QuantumRandom(401);
        var w1 = rng.Unitary(6);
        var w2 = rng.Unitary(6);
        var eta1 = DensityMatrix.FromKet(rng.Ket(CompositeSpace.Qubits(1)));
        var eta2 = rng.MixedState(new CompositeSpace(3));
        var h = rng.Hermitian(6);
        var protocol = new CollisionProtocol([3, 2], [1],
            [new Bath([0], AncillaState.From(eta1), BathCollision.WithUnitary(w1)), new Bath([1], AncillaState.From(eta2), BathCollision.WithUnitary(w2))], h);
        var initial = DensityMatrix.FromKet(rng.Ket(protocol.SystemSpace));
        var reference = Run([3, 2], [0], [1], h, 0.2,
            [new BathSpec([0], eta1.ToMatrix(), _ => w1), new BathSpec([1], eta2.ToMatrix(), _ => w2)], initial, 2, keepAll: true);
        AssertMatches(Explicit(protocol, initial, 2, 0.2), reference);
    }

    [Fact]
    public void Memory_bath_matches_the_reference()
    {
        // Partial swap on B with thermal ancillas and a memory collision φ = 0.6; the engine carries the next ancilla
        // (and its partner) in the vector.
        var v = PaperModels.DecayCoupling();
        var w = MatrixFunctions.UnitaryPropagator(v, 0.45);
        var eta = DensityMatrix.Diagonal([0.8, 0.2]);
        const double phi = 0.6;
        var protocol = new CollisionProtocol([2, 2], [1], [new Bath([1], AncillaState.From(eta), BathCollision.WithAngle(v, 0.45), memoryAngle: phi)],
            0.9 * Tensor.Kron(Pauli.X, Pauli.X));
        var memory = MemoryCollision.Unitary(2, phi);
        var initial = PaperModels.InitialState(0.6);
        var reference = Run([2, 2], [0], [1], 0.9 * Tensor.Kron(Pauli.X, Pauli.X), 0.15,
            [new BathSpec([1], eta.ToMatrix(), _ => w, memory)], initial, 4, keepAll: true);
        AssertMatches(Explicit(protocol, initial, 4, 0.15), reference);
    }
}
