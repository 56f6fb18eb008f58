using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The audit's performance cliff: the mps representation of a two-qubit system with a mixed initial state, a
/// thermal-qubit bath on B (partial swap, rate 1, δt = 0.1) with and without a memory collision (φ = 0.6), with the
/// fragment curves at every step. A whole run of K steps per iteration, so the series over K shows the cost class
/// of memory against the memoryless model, with and without the fragment curves (without them the mixed-ancilla
/// whole-E entropies are most of a step). The stopwatch profile of the same runs: <see cref="MpsMemoryProfile"/>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class MpsMemoryBenchmarks
{
    /// <summary>Collisions per run.</summary>
    [Params(2, 4, 6, 8)]
    public int Steps { get; set; }

    /// <summary>With the memory collision between consecutive ancillas.</summary>
    [Params(false, true)]
    public bool Memory { get; set; }

    /// <summary>With both fragment curves at every step.</summary>
    [Params(false, true)]
    public bool Fragments { get; set; }

    /// <summary>K steps with the full bookkeeping (and the fragment curves when asked) at every step.</summary>
    [Benchmark]
    public double Run() =>
        CollisionSimulation.Run(Options(Steps, Memory, Fragments), Representation.Mps).Records[^1].Bookkeeping.EntropyProductionTotal;

    /// <summary>The benchmark's run.</summary>
    public static CollisionRunOptions Options(int steps, bool memory, bool fragments = true)
    {
        var swap = Matrix<Complex>.Build.Dense(4, 4);
        swap[1, 2] = swap[2, 1] = 1;
        var bath = new Bath([1], AncillaState.Thermal(0.7, 0.3), BathCollision.WithRate(swap, 1.0), memoryAngle: memory ? 0.6 : null);
        var protocol = new CollisionProtocol([2, 2], [1], [bath], 0.5 * Tensor.Kron(Pauli.X, Pauli.X));
        var rho = Matrix<Complex>.Build.DenseOfDiagonalArray([0.4, 0.3, 0.2, 0.1]);
        rho[0, 3] = rho[3, 0] = 0.1;
        return new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = DensityMatrix.Create(rho, protocol.SystemSpace),
            Grid = TimeGrid.OfStep(0.1, steps),
            Fragments = fragments,
        };
    }
}
