using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Properties;

/// <summary>
/// The first and second laws of the ledger on random protocols: random system dimensions (2, 3, 2⊗2, 2⊗3), one to three
/// baths of qubit or qutrit ancillas thermal for a random H_E at β ∈ [0, 3], random Hermitian couplings and rates, a
/// random H_S, δt ∈ [0.01, 0.5] and a random (possibly rank-deficient) initial state; four steps each.
/// </summary>
public class ThermodynamicLawProperties
{
    internal sealed record Case(CollisionProtocol Protocol, DensityMatrix Initial, double TimeStep, Matrix<Complex> SystemHamiltonian);

    private static Gen<Bath> BathGen(int[] dims) =>
        Gen.Select(Gen.Int[0, dims.Length - 1], Gen.Int[2, 3]).SelectMany(t => Gen.Select(
            QuantumGen.Hermitian(t.Item2), Gen.Double[0, 3], QuantumGen.Hermitian(dims[t.Item1] * t.Item2), Gen.Double[0.1, 3],
            (he, beta, v, rate) => new Bath([t.Item1], AncillaState.Thermal(he, beta), BathCollision.WithRate(v, rate))));

    internal static readonly Gen<Case> Cases =
        Gen.OneOf(Gen.Const(new[] { 2 }), Gen.Const(new[] { 3 }), Gen.Const(new[] { 2, 2 }), Gen.Const(new[] { 2, 3 }))
            .SelectMany(dims =>
            {
                var space = new CompositeSpace(dims);
                return Gen.Select(Gen.Int[1, 3].SelectMany(m => BathGen(dims).Array[m]), QuantumGen.Hermitian(space.Dimension),
                    QuantumGen.State(space), Gen.Double[0.01, 0.5], Gen.Bool,
                    (baths, hs, rho, dt, strang) => new Case(
                        new CollisionProtocol(dims, [dims.Length - 1], baths, hs, strang ? SplittingOrder.Strang : SplittingOrder.Lie), rho, dt, hs));
            });

    [Fact]
    public void Each_collision_satisfies_the_second_law_identity_and_the_run_closes_the_first_law()
    {
        // Per collision: ΔS_S − β_j Q_j (ledger's entropy flow, entropies by the test's eigendecomposition) equals
        // I(S′:E′) + D(η′‖η) (the library's information measures) to 1e-9, and is ≥ −1e-12 (Landauer: −Q ≥ −ΔS_S/β).
        // Per run: E_S(K) − E_S(0), measured by the test, equals Σ_j Q_j + W from the ledger to 1e-12.
        DeterministicCheck.ForAll(Cases, c =>
        {
            var protocol = c.Protocol;
            var ledger = new ThermodynamicLedger(protocol, c.Initial.ColumnMajor);
            var rho = c.Initial;
            for (int n = 0; n < 4; n++)
            {
                var step = protocol.Step(n, c.TimeStep);
                if (step.SystemBefore is { } u) rho = Conjugate(u, rho, protocol.SystemSpace);
                for (int j = 0; j < protocol.Baths.Count; j++)
                {
                    var terms = EntropyProductionTerms.Of(protocol, j, rho, c.TimeStep, n);
                    ledger.Collision(j, rho.ColumnMajor, terms.SystemAfter.ColumnMajor, terms.AncillaAfter.ColumnMajor);
                    double deltaS = Entropy(terms.SystemAfter.ToMatrix()) - Entropy(rho.ToMatrix());
                    double lhs = ledger.Last.EntropyProduction(deltaS)!.Value;
                    Assert.True(Math.Abs(lhs - terms.Production) <= 1e-9, $"step {n} bath {j}: ΔS − βQ = {lhs:R}, I + D = {terms.Production:R}");
                    Assert.True(lhs >= -1e-12, $"step {n} bath {j}: negative production {lhs:G3}");
                    rho = terms.SystemAfter;
                }
                if (step.SystemAfter is { } v) rho = Conjugate(v, rho, protocol.SystemSpace);
            }
            double energyChange = Expectation(c.SystemHamiltonian, rho.ToMatrix()) - Expectation(c.SystemHamiltonian, c.Initial.ToMatrix());
            double heat = Enumerable.Range(0, protocol.Baths.Count).Sum(j => ledger.Heat(j)!.Value);
            double work = ledger.Work!.Value;
            Assert.True(double.IsFinite(heat) && double.IsFinite(work) && double.IsFinite(ledger.EntropyFlow!.Value), "a non-finite total");
            Assert.True(Math.Abs(energyChange - heat - work) <= 1e-12 * (1 + Math.Abs(heat) + Math.Abs(work)),
                $"ΔE_S = {energyChange:R}, ΣQ + W = {heat + work:R}");
        }, cases: 150, stream: 14);
    }

    [Fact]
    public void The_streaming_engine_closes_both_laws_on_random_protocols()
    {
        // The same random protocols run by the streaming engine (the precomputed map, or the general stepper when the
        // dimensions are large or bath 0 carries memory, φ ∈ [0.1, 1.5] in half the cases), 4 steps: the first law
        // E_S(K) − E_S(0) = Σ_j Q_j + W to 1e-12, and, without memory, the engine's Σ [I(S′:E′) + D] equals
        // ΔS_S − Σ_j β_j Q_j (ledger) to 1e-9.
        var withMemory = Gen.Select(Cases, Gen.Bool, Gen.Double[0.1, 1.5], (c, memory, phi) =>
        {
            if (!memory) return c;
            var p = c.Protocol;
            var b0 = p.Baths[0];
            var baths = p.Baths.Skip(1).Prepend(new Bath(b0.ActsOn, b0.Ancilla, b0.Collision, phi)).ToArray();
            return c with { Protocol = new CollisionProtocol(p.SystemSpace.Dimensions, p.SubsystemsB, baths, c.SystemHamiltonian, p.Splitting) };
        });
        int memoryCases = 0;
        DeterministicCheck.ForAll(withMemory, c =>
        {
            var records = CollisionModel.Engines.CollisionSimulation.Run(new CollisionModel.Engines.CollisionRunOptions
            {
                Protocol = c.Protocol,
                InitialSystem = c.Initial,
                Grid = TimeGrid.OfStep(c.TimeStep, 4),
            }, CollisionModel.Engines.Representation.Streaming).Records;
            var totals = records[^1].Thermodynamics!;
            double scale = 1 + Math.Abs(totals.Work!.Value) + totals.Heat.Sum(q => Math.Abs(q!.Value));
            Assert.True(Math.Abs(totals.FirstLawResidual!.Value) <= 1e-12 * scale, $"first-law residual {totals.FirstLawResidual:G3}");
            if (c.Protocol.HasMemory)
            {
                memoryCases++;
                return;
            }
            double fromLedger = totals.EntropyProduction(records[^1].Bookkeeping.EntropyAB - records[0].Bookkeeping.EntropyAB)!.Value;
            Assert.True(Math.Abs(records[^1].Bookkeeping.EntropyProductionTotal - fromLedger) <= 1e-9,
                $"Σ(I + D) = {records[^1].Bookkeeping.EntropyProductionTotal:R}, ΔS − Σβ_jQ_j = {fromLedger:R}");
        }, cases: 100, stream: 15);
        Assert.True(memoryCases > 20, $"only {memoryCases} memory cases");
    }

    private static DensityMatrix Conjugate(Matrix<Complex> u, DensityMatrix rho, CompositeSpace space)
    {
        var m = u * rho.ToMatrix() * u.ConjugateTranspose();
        return DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), space);
    }
}
