using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Engines.BruteForceCollisions;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// The streaming engine on protocols beyond the paper's (qutrit system, two baths, qutrit ancilla, memory, time
/// dependence): every booked field against the brute-force density-matrix reference of <see cref="BruteForceCollisions"/>.
/// "generic" wraps the same constant collision as a time-dependent one, which forces the index-arithmetic path
/// instead of the precomputed map, so both paths meet the same reference.
/// </summary>
public class GeneralProtocolStreamingTests
{
    private const double Tolerance = 1e-10;

    private static BathCollision Constant(Matrix<Complex> w, bool generic) =>
        generic ? BathCollision.TimeDependent(w.RowCount, (_, _, _) => w) : BathCollision.WithUnitary(w);

    private static void AssertMatches(IReadOnlyList<StepRecord> records, List<Point> reference) =>
        BruteForceCollisions.AssertMatches(records, reference, allAncillas: false, Tolerance);

    private static IReadOnlyList<StepRecord> Stream(CollisionProtocol protocol, DensityMatrix initial, int steps, double dt) =>
        CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(dt, steps) }, Representation.Streaming).Records;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Qutrit_system_with_a_qubit_bath_matches_the_brute_force_reference(bool generic)
    {
        // System = qutrit A ⊗ qubit B, B = [1]; the bath collides with the qutrit through a random 6×6 unitary.
        var rng = new QuantumRandom(301);
        var w = rng.Unitary(6);
        var h = rng.Hermitian(6);
        var eta = rng.MixedState(CompositeSpace.Qubits(1));
        var initial = rng.MixedState(new CompositeSpace(3, 2));
        var protocol = new CollisionProtocol([3, 2], [1], [new Bath([0], AncillaState.From(eta), Constant(w, generic))], h);
        const double dt = 0.2;
        var reference = Run([3, 2], [0], [1], h, dt, [new BathSpec([0], eta.ToMatrix(), _ => w)], initial, 6, keepAll: false);
        AssertMatches(Stream(protocol, initial, 6, dt), reference);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_baths_hot_on_A_and_cold_on_B_match_the_brute_force_reference(bool generic)
    {
        // Partial swaps exp(−iθ(σ⁺σ⁻ + σ⁻σ⁺)) with a hot ancilla on A and a cold one on B, A and B coupled by σx⊗σx.
        var v = PaperModels.DecayCoupling();
        var wHot = MatrixFunctions.UnitaryPropagator(v, 0.35);
        var wCold = MatrixFunctions.UnitaryPropagator(v, 0.5);
        var hot = DensityMatrix.Diagonal([0.6, 0.4]);
        var cold = DensityMatrix.Diagonal([0.95, 0.05]);
        var h = 0.7 * Tensor.Kron(Pauli.X, Pauli.X) + 0.5 * Tensor.Kron(Pauli.Z, Pauli.I);
        var protocol = new CollisionProtocol([2, 2], [1],
            [new Bath([0], AncillaState.From(hot), Constant(wHot, generic), name: "hot"), new Bath([1], AncillaState.From(cold), Constant(wCold, generic), name: "cold")], h);
        const double dt = 0.1;
        var initial = PaperModels.InitialState(0.6);
        var reference = Run([2, 2], [0], [1], h, dt,
            [new BathSpec([0], hot.ToMatrix(), _ => wHot), new BathSpec([1], cold.ToMatrix(), _ => wCold)], initial, 6, keepAll: false);
        AssertMatches(Stream(protocol, initial, 6, dt), reference);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Qubit_without_A_between_two_baths_matches_the_brute_force_reference(bool generic)
    {
        // B is the whole system (A = ∅), as in the Otto engine: the precomputed path takes S_B′ = S_AB′, S_AE′ = S_E′
        // and S_BE′ = S_ABE′ (unitarity) without eigenproblems of their own; the reference traces each reduced state.
        var v = PaperModels.DecayCoupling();
        var wHot = MatrixFunctions.UnitaryPropagator(v, 0.35);
        var wCold = MatrixFunctions.UnitaryPropagator(v, 0.5);
        var hot = DensityMatrix.Diagonal([0.6, 0.4]);
        var cold = DensityMatrix.Diagonal([0.95, 0.05]);
        var h = 0.8 * Pauli.Z + 0.3 * Pauli.X;
        var protocol = new CollisionProtocol([2], [0],
            [new Bath([0], AncillaState.From(hot), Constant(wHot, generic), name: "hot"), new Bath([0], AncillaState.From(cold), Constant(wCold, generic), name: "cold")], h);
        const double dt = 0.1;
        var initial = new QuantumRandom(303).MixedState(CompositeSpace.Qubits(1));
        var reference = Run([2], [], [0], h, dt,
            [new BathSpec([0], hot.ToMatrix(), _ => wHot), new BathSpec([0], cold.ToMatrix(), _ => wCold)], initial, 6, keepAll: false);
        AssertMatches(Stream(protocol, initial, 6, dt), reference);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Qutrit_thermal_ancilla_matches_the_brute_force_reference(bool generic)
    {
        // η = e^{−βH_E}/Z for H_E = diag(0, 1, 2.5), β = 0.8, coupled to B by a random Hermitian V on (B, E), angle 0.3.
        var rng = new QuantumRandom(302);
        var hE = Matrix<Complex>.Build.DenseOfDiagonalArray([0, 1, 2.5]);
        var ancilla = AncillaState.Thermal(hE, 0.8);
        double z = 1 + Math.Exp(-0.8) + Math.Exp(-2.0);
        var eta = DensityMatrix.Diagonal([1 / z, Math.Exp(-0.8) / z, Math.Exp(-2.0) / z]);
        var v = rng.Hermitian(6);
        var w = MatrixFunctions.UnitaryPropagator(v, 0.3);
        var collision = generic ? BathCollision.TimeDependent(6, (_, _, _) => w) : BathCollision.WithAngle(v, 0.3);
        var protocol = new CollisionProtocol([2, 2], [1], [new Bath([1], ancilla, collision)]);
        var initial = PaperModels.InitialState(0.8);
        var reference = Run([2, 2], [0], [1], null, 0.1, [new BathSpec([1], eta.ToMatrix(), _ => w)], initial, 6, keepAll: false);
        AssertMatches(Stream(protocol, initial, 6, 0.1), reference);
    }

    [Fact]
    public void Memory_model_matches_the_full_density_matrix_of_system_and_every_ancilla()
    {
        // Partial swap on B (angle 0.45) with thermal ancillas; after colliding, the used ancilla meets the next one
        // through U = cos φ 1 + i sin φ SWAP (φ = 0.6). The reference keeps all 2 + 1 + 5 qubits and traces nothing.
        var v = PaperModels.DecayCoupling();
        var w = MatrixFunctions.UnitaryPropagator(v, 0.45);
        var eta = DensityMatrix.Diagonal([0.8, 0.2]);
        const double phi = 0.6;
        var swap = Matrix<Complex>.Build.Dense(4, 4);
        swap[0, 0] = 1; swap[1, 2] = 1; swap[2, 1] = 1; swap[3, 3] = 1;
        var memory = Math.Cos(phi) * Matrix<Complex>.Build.DenseIdentity(4) + new Complex(0, Math.Sin(phi)) * swap;
        var h = 0.9 * Tensor.Kron(Pauli.X, Pauli.X) + 0.4 * Tensor.Kron(Pauli.I, Pauli.Z);
        var protocol = new CollisionProtocol([2, 2], [1], [new Bath([1], AncillaState.From(eta), BathCollision.WithAngle(v, 0.45), memoryAngle: phi)], h);
        var initial = PaperModels.InitialState(0.6);
        const double dt = 0.15;
        var reference = Run([2, 2], [0], [1], h, dt, [new BathSpec([1], eta.ToMatrix(), _ => w, memory)], initial, 5, keepAll: true);
        var records = Stream(protocol, initial, 5, dt);
        AssertMatches(records, reference);
        // The memory is felt: the memoryless run differs.
        var memoryless = new CollisionProtocol([2, 2], [1], [new Bath([1], AncillaState.From(eta), BathCollision.WithAngle(v, 0.45))], h);
        double gap = (Stream(memoryless, initial, 5, dt)[^1].RhoAB.ToMatrix() - records[^1].RhoAB.ToMatrix()).Enumerate().Max(z => z.Magnitude);
        Assert.True(gap > 1e-3, $"memory made no difference ({gap:E2})");
    }

    [Fact]
    public void Time_dependent_collision_is_rebuilt_every_step()
    {
        // θ_n = 0.1 (n + 1): the reference applies exp(−iθ_n V) itself.
        var v = PaperModels.DephasingCoupling();
        Matrix<Complex> W(int n) => MatrixFunctions.UnitaryPropagator(v, 0.1 * (n + 1));
        var protocol = new CollisionProtocol([2, 2], [1], [new Bath([1], AncillaState.Ground, BathCollision.TimeDependent(4, (n, _, _) => W(n)))]);
        var initial = PaperModels.InitialState(0.6);
        var reference = Run([2, 2], [0], [1], null, 0.1, [new BathSpec([1], DensityMatrix.Diagonal([1.0, 0.0]).ToMatrix(), W)], initial, 6, keepAll: false);
        AssertMatches(Stream(protocol, initial, 6, 0.1), reference);
    }
}
