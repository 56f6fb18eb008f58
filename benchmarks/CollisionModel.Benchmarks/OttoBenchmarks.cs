using BenchmarkDotNet.Attributes;
using CollisionModel.Channels;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Monitoring;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The Otto engine's targets at the sizes, through the entry points of <c>collision simulate</c> and
/// <c>collision counting</c>: 10⁴ cycles of 100 steps (N_h = N_c = 50, δt = 0.1) with the full ledger at every step and
/// one record per cycle, and the exact distribution of the work output ω_c(2 N_h + N_c) after 100 cycles. The model is
/// the example's machine (ω_h = 2, ω_c = 1, β_h = 0.25, β_c = 2) with strokes ten times longer and gentler swaps
/// (θ_h = 0.1, θ_c = 0.15, so a stroke moves 40–70 % of the way to its bath's population, not all of it).
/// Run with <c>-- --filter *OttoBenchmarks* --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class OttoBenchmarks
{
    /// <summary>Steps of one cycle.</summary>
    public const int StepsPerCycle = 100;

    /// <summary>δt.</summary>
    public const double TimeStep = 0.1;

    private readonly ModelDefinition _model = Model();

    /// <summary>
    /// The model file a user writes for it: plateaus of the drives over steps 0–49 and 50–99, period 10; both baths
    /// energy-measured for counting.
    /// </summary>
    public static ModelDefinition Model() => ModelFile.Parse("""
        {
          "system": { "dims": [2], "b": [0], "ket": [1, 0], "hamiltonian": [[0, 0], [0, 2]],
            "drive": { "times": [0, 4.9, 5.0, 9.9], "scale": [1, 1, 0.5, 0.5], "period": 10.0 } },
          "baths": [
            { "name": "hot", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 2]], "beta": 0.25 },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "angle": 0.1,
              "drive": { "times": [0, 4.9, 5.0, 9.9], "scale": [1, 1, 0, 0], "period": 10.0 }, "measure": "energy" },
            { "name": "cold", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": 2.0 },
              "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "angle": 0.15,
              "drive": { "times": [0, 4.9, 5.0, 9.9], "scale": [0, 0, 1, 1], "period": 10.0 }, "measure": "energy" }
          ]
        }
        """);

    /// <summary>Refuses to time a model that is not the library's <see cref="OttoCycle"/> (one period's channels compared).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var cycle = new OttoCycle(2, 1, 0.25, 2, 0.1, 0.15, 50, 50, TimeStep).Protocol;
        for (int n = 0; n < StepsPerCycle; n++)
        {
            double gap = (StepChannel.SuperoperatorOfStep(_model.Protocol, n, TimeStep) - StepChannel.SuperoperatorOfStep(cycle, n, TimeStep)).FrobeniusNorm();
            if (gap > 1e-14) throw new InvalidOperationException($"The benchmark's model differs from OttoCycle at step {n} by {gap}.");
        }
    }

    /// <summary>10⁴ cycles, 10⁶ steps, the ledger at every step, 10⁴ + 1 records (<c>simulate --record-every 100</c>).</summary>
    [Benchmark]
    public CollisionTrajectory TenThousandCycles() => CollisionSimulation.Run(new CollisionRunOptions
    {
        Protocol = _model.Protocol,
        InitialSystem = _model.InitialState,
        Grid = TimeGrid.OfStep(TimeStep, 10_000 * StepsPerCycle),
        RecordEvery = StepsPerCycle,
    }, Representation.Streaming);

    /// <summary>P(N) of N = 2 N_h + N_c after 100 cycles (<c>counting --bath hot,cold --weights 2,1 --steps 10000</c>).</summary>
    [Benchmark]
    public CountDistribution PowerDistributionHundredCycles() =>
        FullCountingStatistics.Compute(_model.Protocol, _model.Measurements, _model.InitialState, TimeStep, 100 * StepsPerCycle,
            new CountSelection([0, 1], [2, 1]), 100 * StepsPerCycle);
}
