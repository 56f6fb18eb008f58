using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>
/// The matrix-product engine's thermodynamic ledger against the streaming engine's: two independent paths (a state
/// vector of every ancilla read at the system end against a density matrix of the system and the step's ancillas).
/// </summary>
public class MpsLedgerTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollisionModel.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine([dir!.FullName, .. parts]);
    }

    private static void AssertSameLedger(CollisionRunOptions options)
    {
        var s = CollisionSimulation.Run(options, Representation.Streaming).Records;
        var m = CollisionSimulation.Run(options, Representation.Mps).Records;
        Assert.Equal(s.Count, m.Count);
        for (int i = 0; i < s.Count; i++)
        {
            var a = s[i].Thermodynamics!;
            var b = m[i].Thermodynamics!;
            string at = $"step {s[i].Step}";
            Assert.Equal(a.Collisions, b.Collisions);
            Close(a.EnergySystem, b.EnergySystem, $"{at} energy_S");
            Close(a.Work, b.Work, $"{at} work");
            Close(a.EntropyFlow, b.EntropyFlow, $"{at} entropy_flow");
            Assert.Equal(a.Heat.Count, b.Heat.Count);
            for (int j = 0; j < a.Heat.Count; j++) Close(a.Heat[j], b.Heat[j], $"{at} heat[{j}]");
        }
    }

    private static void Close(double? expected, double? actual, string what)
    {
        Assert.True(expected is not null && actual is not null, $"{what}: expected a value on both engines");
        Assert.True(Math.Abs(expected!.Value - actual!.Value) < 1e-12, $"{what}: streaming {expected:R}, mps {actual:R}");
    }

    [Fact]
    public void The_two_bath_example_books_the_streaming_engines_ledger_at_every_step()
    {
        // examples/TwoBaths/two-baths.json: a hot and a cold thermal bath on the two qubits of a coupled system, 30 steps.
        var model = ModelFile.Load(RepoFile("examples", "TwoBaths", "two-baths.json"));
        AssertSameLedger(new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(0.05, 30) });
    }

    [Fact]
    public void A_memory_bath_with_detuned_ancillas_books_the_streaming_engines_ledger_at_every_step()
    {
        // One memory bath of detuned thermal qubits (nonzero work) on B and a memoryless thermal bath on A,
        // H_S with a hopping term: the used and the carried next ancilla both enter the heat.
        var z = Pauli.Z;
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var hs = Kron(0.5 * z, Pauli.I) + Kron(Pauli.I, 0.6 * z) + 0.3 * Kron(Pauli.X, Pauli.X);
        var protocol = new CollisionProtocol([2, 2], [1],
        [
            new Bath([1], AncillaState.Thermal(0.4 * z, 1.2), BathCollision.WithRate(v, 1.5), memoryAngle: 0.6),
            new Bath([0], AncillaState.Thermal(0.7 * z, 0.3), BathCollision.WithRate(v, 0.8)),
        ], hs);
        var ket = CollisionMpsTests.RandomKet(4, 21);
        var initial = DensityMatrix.FromKet(Ket.Create(ket, protocol.SystemSpace));
        AssertSameLedger(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.1, 25) });
        var last = CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.1, 25) }, Representation.Mps).Records[^1].Thermodynamics!;
        Assert.True(Math.Abs(last.Work!.Value) > 1e-4, "the detuned ancillas should do work");
        Assert.True(Math.Abs(last.FirstLawResidual!.Value) < 1e-13, $"first-law residual {last.FirstLawResidual:G3}");
    }

    private static Matrix<Complex> Kron(Matrix<Complex> a, Matrix<Complex> b) => a.KroneckerProduct(b);
}
