using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using ConvergenceAngle = CollisionModel.Models.AngleConvention;

namespace CollisionModel.Tests.Properties;

/// <summary>Every collision map ρ ↦ tr_E U(ρ ⊗ η)U† is completely positive and trace preserving.</summary>
public class CollisionMapProperties
{
    /// <summary>A random collision of each kind: any unitary, exp(−iθV), dephasing or partial swap; on 1 or 2 system qubits.</summary>
    private static readonly Gen<(BathCollision Collision, int SystemQubits)> AnyCollision = Gen.OneOf(
        Gen.Int[1, 2].SelectMany(m => QuantumGen.Unitary(2 << m).Select(u => (BathCollision.WithUnitary(u, 1e-9), m))),
        Gen.Int[1, 2].SelectMany(m => Gen.Select(QuantumGen.Hermitian(2 << m), Gen.Double[-10, 10],
            (v, theta) => (BathCollision.WithAngle(v, theta), m))),
        Gen.Double[-1, 1].Select(c => (BathCollision.WithAngle(PaperModels.DephasingCoupling(), Math.Acos(c)), 1)),
        Gen.Double[-10, 10].Select(theta => (BathCollision.WithAngle(PaperModels.DecayCoupling(), theta), 1)));

    private static readonly Gen<AncillaState> AnyAncilla = QuantumGen.State(CompositeSpace.Qubits(1)).Select(eta => AncillaState.From(eta));

    [Fact]
    public void ReducedMapOfEveryCollisionIsCompletelyPositiveAndTracePreserving()
    {
        // Choi matrix J = Σ_ij |i⟩⟨j| ⊗ Φ(|i⟩⟨j|): Hermitian, λ_min(J) ≥ −1e-10, tr Φ(|i⟩⟨j|) = δ_ij to 1e-12.
        DeterministicCheck.ForAll(Gen.Select(AnyCollision, AnyAncilla), input =>
        {
            var ((collision, m), ancilla) = input;
            var system = CompositeSpace.Qubits(m);
            var w = collision.UnitaryFor(0, 0, 1) - Matrix<Complex>.Build.DenseIdentity(collision.Dimension);
            var map = NearIdentityChannel.FromCollision(system, Enumerable.Range(0, m).ToArray(), w, ancilla.State);
            AssertChoiIsPositiveAndTracePreserving(map, system.Dimension);
        }, cases: 2000, stream: 5, print: input => $"{input.Item1.Collision.Description} on {input.Item1.SystemQubits} qubit(s), η = {input.Item2.State.ToMatrix()}");
    }

    [Fact]
    public void ConvergenceStepChannelsAreCompletelyPositiveAndTracePreserving()
    {
        // The deviation-form step maps of the convergence studies (collision plus Lie or Strang Hamiltonian steps,
        // paper or exact angles, k from 1 to 10¹²): Choi matrix of 1 + Δ with λ_min ≥ −1e-10 and tr Φ(|i⟩⟨j|) = δ_ij to 1e-12.
        var rates = Gen.Select(Gen.Int[0, 1], Gen.Double[0, 1], Gen.Double[0, 3], Gen.Double[0, 3], Gen.Double[0, 3], Gen.Double[0, 3]);
        var rest = Gen.Select(Gen.Double[-3, 3], Gen.Double[0.01, 5], Gen.Int[0, 3], Gen.Long[1, 1_000_000_000_000]);
        DeterministicCheck.ForAll(Gen.Select(rates, rest), input =>
        {
            var ((model, a, gamma, kappa, eta, omega), (drive, time, variant, k)) = input;
            var angle = (variant & 1) == 0 ? ConvergenceAngle.Paper : ConvergenceAngle.Exact;
            var paper = model == 0 ? PaperModels.Dephasing(eta, 0, a, angle) : PaperModels.Decay(gamma + 1e-3, kappa, 0, a, angle, mixedEnvironment: true);
            var protocol = CollisionModel.Tests.Studies.ConvergenceModels.Driven(paper, omega, drive, (variant & 2) == 0 ? SplittingOrder.Lie : SplittingOrder.Strang);
            k = Math.Max(k, (long)Math.Ceiling(eta * time)); // the paper's dephasing overlap needs η δt ≤ 2
            AssertChoiIsPositiveAndTracePreserving(CollisionStepChannel.Build(protocol, time / k), 4);
        }, cases: 500, stream: 8);
    }

    [Fact]
    public void StreamingStepMapsRandomStatesToStates()
    {
        // The engine's own precomputed map, one step on a random ρ_AB with a random collision on B (qubit 1) and
        // ancilla: the result is Hermitian to 1e-14, of trace 1 to 1e-13, with λ_min ≥ −1e-13.
        var gen = Gen.Select(QuantumGen.State(CompositeSpace.Qubits(2)), QuantumGen.Unitary(4), AnyAncilla);
        DeterministicCheck.ForAll(gen, input =>
        {
            var (rho, u, ancilla) = input;
            var engine = new StreamingCollisionEngine(new CollisionRunOptions
            {
                Protocol = new CollisionProtocol([2, 2], [1], [new Bath([1], ancilla, BathCollision.WithUnitary(u, 1e-9))]),
                InitialSystem = rho,
                Grid = TimeGrid.OfStep(1, 1),
            });
            engine.Propagate();
            var after = engine.SystemState().ToMatrix();
            Assert.True((after - after.ConjugateTranspose()).Enumerate().Max(z => z.Magnitude) <= 1e-14, "not Hermitian");
            Assert.True((after.Trace() - 1).Magnitude <= 1e-13, $"trace {after.Trace()}");
            double min = HermitianEigen.Decompose(0.5 * (after + after.ConjugateTranspose())).Values[0];
            Assert.True(min >= -1e-13, $"λ_min = {min:G6}");
        }, cases: 500, stream: 6);
    }

    /// <summary>Choi matrix J = Σ_ij |i⟩⟨j| ⊗ Φ(|i⟩⟨j|) of Φ = 1 + Δ: Hermitian, λ_min ≥ −1e-10, tr Φ(|i⟩⟨j|) = δ_ij to 1e-12.</summary>
    private static void AssertChoiIsPositiveAndTracePreserving(NearIdentityChannel map, int d)
    {
        var choi = Matrix<Complex>.Build.Dense(d * d, d * d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var unit = Matrix<Complex>.Build.Dense(d, d);
                unit[i, j] = 1;
                var image = unit + map.ApplyDeviation(unit);
                var tr = image.Trace();
                Assert.True((tr - (i == j ? 1 : 0)).Magnitude <= 1e-12, $"tr Φ(|{i}⟩⟨{j}|) = {tr}");
                choi.SetSubMatrix(i * d, j * d, image);
            }
        Assert.True((choi - choi.ConjugateTranspose()).FrobeniusNorm() <= 1e-12, "Choi matrix not Hermitian");
        double min = HermitianEigen.Decompose(0.5 * (choi + choi.ConjugateTranspose())).Values[0];
        Assert.True(min >= -1e-10, $"λ_min(Choi) = {min:G6}");
    }
}
