using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.NonMarkovianity;

namespace CollisionModel.Benchmarks;

/// <summary>
/// Issue 21's target: both non-Markovianity measures of a qubit memory model over 10⁴ steps with 64 random pairs
/// (under 5 s). The model: H_S = 0.65 σ_x, exchange with vacuum ancillas at rate 1 (δt = 0.01), memory angle 1.3.
/// A whole measurement per iteration: four streaming tomography runs with their bookkeeping, BLP over 3 + 64 pairs,
/// RHP at every step.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NonMarkovianityBenchmarks
{
    /// <summary>The model file of the benchmark (also usable with the CLI).</summary>
    public const string Model = """
        {"system": {"dims": [2], "b": [0], "ket": [1, 0], "hamiltonian": [[0, 0.65], [0.65, 0]]},
         "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]}, "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]],
                    "rate": 1.0, "memory_angle": 1.3}]}
        """;

    private CollisionRunOptions _run = null!;

    /// <summary>Parses the model once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = ModelFile.Parse(Model);
        _run = new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(0.01, 10_000) };
    }

    /// <summary>BLP (basis + 64 pairs) and RHP over 10⁴ steps.</summary>
    [Benchmark]
    public double QubitMemoryModel10kSteps64Pairs() =>
        NonMarkovianityMeasures.Measure(_run, Representation.Streaming, new NonMarkovianityOptions { Pairs = 64, RecordEvery = 10_000 }).Rhp;
}
