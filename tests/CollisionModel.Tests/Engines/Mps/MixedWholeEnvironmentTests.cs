using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>
/// The mixed-ancilla whole-E entropies of the mps engine (ρ_ABE once, the rest its partial traces) against the
/// explicit engine's records, an independent representation (one dense state of the system, every ancilla and its
/// partner): issue 23's model with and without memory, and a pure ρ_S(0), whose traced side is the smaller one.
/// </summary>
public class MixedWholeEnvironmentTests
{
    // Issue 23's model: a two-qubit system with a mixed ρ_AB(0), H_S = 0.5 σx⊗σx, a thermal-qubit bath (0.7, 0.3) on B
    // with the partial swap at rate 1, δt = 0.1.
    private static CollisionRunOptions Issue23(bool memory, bool mixedSystem, int steps)
    {
        var swap = Matrix<Complex>.Build.Dense(4, 4);
        swap[1, 2] = swap[2, 1] = 1;
        var bath = new Bath([1], AncillaState.Thermal(0.7, 0.3), BathCollision.WithRate(swap, 1.0), memoryAngle: memory ? 0.6 : null);
        var protocol = new CollisionProtocol([2, 2], [1], [bath], 0.5 * Tensor.Kron(Pauli.X, Pauli.X));
        var rho = Matrix<Complex>.Build.DenseOfDiagonalArray([0.4, 0.3, 0.2, 0.1]);
        rho[0, 3] = rho[3, 0] = 0.1;
        var initial = mixedSystem
            ? DensityMatrix.Create(rho, protocol.SystemSpace)
            : DensityMatrix.FromKet(Ket.Create(CollisionMpsTests.RandomKet(4, 23), protocol.SystemSpace));
        return new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.1, steps) };
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Whole_environment_entropies_equal_the_explicit_engine_to_1e_12(bool memory, bool mixedSystem)
    {
        var o = Issue23(memory, mixedSystem, 5);
        var e = CollisionSimulation.Run(o, Representation.Explicit).Records;
        var m = CollisionSimulation.Run(o, Representation.Mps).Records;
        Assert.Equal(e.Count, m.Count);
        for (int i = 0; i < e.Count; i++)
        {
            var x = e[i].Bookkeeping;
            var y = m[i].Bookkeeping;
            (string Name, double X, double Y)[] fields =
            [
                ("S_E", x.EntropyE, y.EntropyE), ("S_AE", x.EntropyAE, y.EntropyAE), ("S_BE", x.EntropyBE, y.EntropyBE),
                ("S_ABE", x.EntropyABE, y.EntropyABE), ("D_E", x.RelativeEntropyE, y.RelativeEntropyE),
            ];
            foreach (var (name, ex, ac) in fields)
                Assert.True(Math.Abs(ex - ac) <= 1e-12, $"K = {x.Step} {name}: explicit {ex:R}, mps {ac:R}");
        }
        Assert.True(double.IsFinite(m[^1].Bookkeeping.EntropyABE));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fragment_curves_from_rho_ABE_equal_the_chain_contraction(bool memory)
    {
        // Reference: EnvironmentFragments.Curves, which contracts the chain's sites (an independent path: no dense
        // global state, no ρ_ABE); the engine's curves are partial traces of the step's ρ_ABE. Every m of both curves
        // at every K up to 6, 1e-12.
        var engine = new MpsCollisionEngine(Issue23(memory, mixedSystem: true, 6));
        for (int n = 1; n <= 6; n++)
        {
            engine.Advance();
            Assert.True(engine.FragmentsFromWholeEnvironment);
            var dense = engine.Fragments();
            var chain = EnvironmentFragments.Curves(engine.State);
            Assert.Equal(chain.Oldest.Length, dense.Oldest.Length);
            Assert.Equal(chain.Newest.Length, dense.Newest.Length);
            for (int m = 0; m < chain.Oldest.Length; m++)
            {
                Assert.True(Math.Abs(chain.Oldest[m] - dense.Oldest[m]) <= 1e-12, $"K = {n} oldest m = {m}: {chain.Oldest[m]:R} vs {dense.Oldest[m]:R}");
                Assert.True(Math.Abs(chain.Newest[m] - dense.Newest[m]) <= 1e-12, $"K = {n} newest m = {m}: {chain.Newest[m]:R} vs {dense.Newest[m]:R}");
            }
        }
    }
}
