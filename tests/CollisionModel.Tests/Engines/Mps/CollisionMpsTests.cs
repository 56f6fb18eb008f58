using System.Numerics;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

public class CollisionMpsTests
{
    internal static Matrix<Complex> PartialSwapCoupling() =>
        Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    internal static Matrix<Complex> RandomHermitian(int n, int seed)
    {
        var rng = new Random(seed);
        var m = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        return m + m.ConjugateTranspose();
    }

    internal static Complex[] RandomKet(int n, int seed)
    {
        var rng = new Random(seed);
        var v = Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();
        double norm = Math.Sqrt(v.Sum(z => z.Magnitude * z.Magnitude));
        return v.Select(z => z / norm).ToArray();
    }

    /// <summary>The paper's decay on B (pure ground ancillas) with a system Hamiltonian coupling A and B.</summary>
    internal static CollisionProtocol DecayWithHamiltonian() =>
        new([2, 2], [1], [new Bath([1], AncillaState.Ground, BathCollision.WithRate(PartialSwapCoupling(), 1.3))],
            0.4 * Tensor.Kron(Pauli.X, Pauli.X) + 0.2 * Tensor.Kron(Pauli.Z, Matrix<Complex>.Build.DenseIdentity(2)));

    /// <summary>Two baths: a dephasing-type coupling on B with pure qubits, a random coupling on A with pure qutrits.</summary>
    internal static CollisionProtocol TwoBathsWithQutrits() =>
        new([2, 2], [1],
        [
            new Bath([1], AncillaState.Ground, BathCollision.WithRate(Tensor.Kron(Pauli.Projector1, Pauli.Y), 0.9)),
            new Bath([0], AncillaState.Pure(Ket.Create(RandomKet(3, 5), new CollisionModel.Spaces.CompositeSpace(3))),
                BathCollision.WithAngle(RandomHermitian(6, 7), 0.35)),
        ]);

    /// <summary>A memory bath of pure qubits (partial swap, memory angle 0.7) and a time-dependent second bath.</summary>
    internal static CollisionProtocol MemoryAndTimeDependent()
    {
        var v = RandomHermitian(4, 11);
        return new([2, 2], [1],
        [
            new Bath([1], AncillaState.Ground, BathCollision.WithRate(PartialSwapCoupling(), 1.0), memoryAngle: 0.7),
            new Bath([0], AncillaState.Pure(Ket.Create([Math.Sqrt(0.8), new Complex(0, Math.Sqrt(0.2))], CollisionModel.Spaces.CompositeSpace.Qubits(1))),
                BathCollision.TimeDependent(4, (n, t, dt) => CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(v, 0.2 + 0.05 * n))),
        ]);
    }

    /// <summary>Thermal (mixed) qubit ancillas, one with memory.</summary>
    internal static CollisionProtocol MixedWithMemory() =>
        new([2, 2], [1],
        [
            new Bath([1], AncillaState.Thermal(0.8, 0.2), BathCollision.WithRate(PartialSwapCoupling(), 1.0), memoryAngle: 0.5),
        ], 0.3 * Tensor.Kron(Pauli.X, Pauli.Y));

    internal static (CollisionMps Mps, DenseCollisionReference Reference) Run(CollisionProtocol protocol, int steps, double dt, int seed = 3)
    {
        var ket = RandomKet(protocol.SystemDimension, seed);
        // (The global phase of ψ_S is irrelevant: both sides start from the same ket.)
        var rho = DensityMatrix.FromKet(Ket.Create(ket, protocol.SystemSpace));
        var mps = new CollisionMps(protocol, rho);
        var reference = new DenseCollisionReference(protocol, ket);
        for (int n = 0; n < steps; n++)
        {
            mps.Advance(protocol.Step(n, dt));
            reference.Advance(dt, n);
        }
        return (mps, reference);
    }

    private static void AssertSameState(Complex[] expected, Complex[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Complex overlap = 0;
        double ne = 0, na = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            overlap += Complex.Conjugate(expected[i]) * actual[i];
            ne += expected[i].Magnitude * expected[i].Magnitude;
            na += actual[i].Magnitude * actual[i].Magnitude;
        }
        // Equal up to a global phase: |⟨e|a⟩| = ‖e‖‖a‖ = 1.
        Assert.True(Math.Abs(ne - 1) < 1e-12 && Math.Abs(na - 1) < 1e-12, $"norms {ne}, {na}");
        Assert.True(1 - overlap.Magnitude < 1e-12, $"1 − |⟨ψ_ref|ψ_mps⟩| = {1 - overlap.Magnitude:G3}");
    }

    /// <summary>A qutrit A and a qubit B: a qutrit pure ancilla on A, a thermal qubit ancilla on B, H_S on both.</summary>
    internal static CollisionProtocol QutritSystem() =>
        new([3, 2], [1],
        [
            new Bath([0], AncillaState.Pure(Ket.Create(RandomKet(3, 31), new CollisionModel.Spaces.CompositeSpace(3))), BathCollision.WithAngle(RandomHermitian(9, 32), 0.4)),
            new Bath([1], AncillaState.Thermal(0.75, 0.25), BathCollision.WithRate(PartialSwapCoupling(), 0.8)),
        ], RandomHermitian(6, 33));

    public static TheoryData<string> Models => ["decay+H", "two baths, qutrits", "memory + time-dependent", "mixed + memory", "qutrit system"];

    internal static CollisionProtocol Model(string name) => name switch
    {
        "decay+H" => DecayWithHamiltonian(),
        "two baths, qutrits" => TwoBathsWithQutrits(),
        "memory + time-dependent" => MemoryAndTimeDependent(),
        "qutrit system" => QutritSystem(),
        _ => MixedWithMemory(),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_matrix_product_state_is_the_brute_force_global_state(string model)
    {
        // Reference: the dense vector of (system, every ancilla ⊗ partner) evolved factor by factor in the test.
        var protocol = Model(model);
        int steps = model.StartsWith("mixed", StringComparison.Ordinal) || model.StartsWith("qutrit", StringComparison.Ordinal) ? 2
            : model.StartsWith("decay", StringComparison.Ordinal) ? 8 : 4;
        var (mps, reference) = Run(protocol, steps, 0.3);
        if (protocol.Baths.All(b => b.Ancilla.IsPure))
        {
            AssertSameState(reference.InMpsOrder(), mps.ToStateVector());
            return;
        }
        // Purifications are unique only up to a unitary on the partners: compare the state of everything else.
        var dims = reference.Factors.Where(f => f.Kind == 'S').Select(f => f.Dimension)
            .Concat(reference.Factors.Where(f => f.Kind != 'S' && f.Label >= 0).OrderBy(f => f.Label).ThenBy(f => f.Kind == 'E' ? 0 : 1).Select(f => f.Dimension))
            .Concat(reference.Factors.Where(f => f.Kind != 'S' && f.Label < 0).OrderBy(f => f.Bath).ThenBy(f => f.Kind == 'E' ? 0 : 1).Select(f => f.Dimension)).ToArray();
        var kinds = reference.Factors.Where(f => f.Kind == 'S').Select(f => f.Kind)
            .Concat(reference.Factors.Where(f => f.Kind != 'S' && f.Label >= 0).OrderBy(f => f.Label).ThenBy(f => f.Kind == 'E' ? 0 : 1).Select(f => f.Kind))
            .Concat(reference.Factors.Where(f => f.Kind != 'S' && f.Label < 0).OrderBy(f => f.Bath).ThenBy(f => f.Kind == 'E' ? 0 : 1).Select(f => f.Kind)).ToArray();
        var keep = Enumerable.Range(0, kinds.Length).Where(i => kinds[i] != 'R').ToArray();
        var expected = TestSupport.BruteForce.PartialTrace(TestSupport.BruteForce.Outer(reference.InMpsOrder()), dims, keep);
        var actual = TestSupport.BruteForce.PartialTrace(TestSupport.BruteForce.Outer(mps.ToStateVector()), dims, keep);
        TestSupport.Reference.AssertClose(expected, actual, 1e-12, "state of system and ancillas");
    }

    [Fact]
    public void Without_memory_the_bond_never_exceeds_the_system_dimension_and_nothing_is_truncated()
    {
        // Rank bound: the Schmidt rank between (ancillas so far) and the system is ≤ d_S = 4.
        var (mps, _) = Run(TwoBathsWithQutrits(), 6, 0.3);
        Assert.InRange(mps.MaxBond, 1, 4);
        Assert.Equal(0, mps.TruncationError);
    }

    [Fact]
    public void A_truncated_run_reports_its_discarded_weight()
    {
        // Two baths of pure qubits/qutrits need bond 4; a maximum bond of 2 must discard weight (> 0) and say so.
        var protocol = TwoBathsWithQutrits();
        var rho = DensityMatrix.FromKet(Ket.Create(RandomKet(4, 3), protocol.SystemSpace));
        var mps = new CollisionMps(protocol, rho, new MpsTruncation { MaxBond = 2 });
        for (int n = 0; n < 6; n++) mps.Advance(protocol.Step(n, 0.3));
        Assert.Equal(2, mps.MaxBond);
        Assert.True(mps.TruncationError > 1e-6, $"discarded {mps.TruncationError:G3}");
    }

    [Fact]
    public void A_cutoff_discards_at_most_its_weight_per_split_and_stays_close_to_the_exact_state()
    {
        // Each split may discard relative weight ≤ ε, so after n splits the sum is ≤ n·ε, and the truncated state's
        // fidelity with the exact one is ≥ 1 − (that sum) to first order (the discarded parts are orthogonal).
        const double eps = 0.05;
        var protocol = TwoBathsWithQutrits();
        var rho = DensityMatrix.FromKet(Ket.Create(RandomKet(4, 3), protocol.SystemSpace));
        var exact = new CollisionMps(protocol, rho);
        var cut = new CollisionMps(protocol, rho, new MpsTruncation { Cutoff = eps });
        for (int n = 0; n < 5; n++)
        {
            exact.Advance(protocol.Step(n, 0.3));
            cut.Advance(protocol.Step(n, 0.3));
        }
        Assert.InRange(cut.TruncationError, 1e-12, cut.AncillaCount * eps);
        var a = exact.ToStateVector();
        var b = cut.ToStateVector();
        Complex overlap = 0;
        for (int i = 0; i < a.Length; i++) overlap += Complex.Conjugate(a[i]) * b[i];
        double fidelity = overlap.Magnitude * overlap.Magnitude;
        Assert.True(fidelity >= 1 - 2 * cut.TruncationError, $"fidelity {fidelity:R}, discarded {cut.TruncationError:R}");
    }

    [Fact]
    public void Bad_truncation_settings_name_the_option()
    {
        var protocol = DecayWithHamiltonian();
        var rho = DensityMatrix.FromKet(Ket.Create(RandomKet(4, 3), protocol.SystemSpace));
        Assert.Equal("max_bond", Assert.Throws<ParameterOutOfRangeException>(() => new CollisionMps(protocol, rho, new MpsTruncation { MaxBond = 0 })).ParamName);
        Assert.Equal("cutoff", Assert.Throws<ParameterOutOfRangeException>(() => new CollisionMps(protocol, rho, new MpsTruncation { Cutoff = 1 })).ParamName);
    }

    [Fact]
    public void A_bond_beyond_the_exact_limit_without_permission_is_refused()
    {
        // d_S = 64 with a memory bath of thermal qubits (d·r = 4): the exact bond could reach 256·... > limit.
        var dims = new[] { 4, 4, 4 };
        var bath = new Bath([0], AncillaState.Thermal(0.7, 0.3), BathCollision.WithAngle(RandomHermitian(8, 1), 0.2), memoryAngle: 0.3);
        var bath2 = new Bath([1], AncillaState.Thermal(0.7, 0.3), BathCollision.WithAngle(RandomHermitian(8, 2), 0.2), memoryAngle: 0.3);
        var protocol = new CollisionProtocol(dims, [1], [bath, bath2]);
        var rho = DensityMatrix.FromKet(Ket.Create(RandomKet(64, 3), protocol.SystemSpace));
        var ex = Assert.Throws<TruncationRequiredException>(() => new CollisionMps(protocol, rho));
        Assert.Equal("max_bond", ex.ParamName);
    }
}
