using BenchmarkDotNet.Attributes;
using CollisionModel.Models;
using CollisionModel.Monitoring;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The monitoring targets at the sizes: exact P(n) of the resonant machine's hot quanta after K = 10⁵ steps
/// (δt = 0.05, the distribution spans ~600 counts; the default method, which is the Fourier inversion here), θ(s) at
/// 100 values of s, and 1000 trajectories of the fluorescence model over 10⁴ steps with 1001 records on 1 and 2 threads.
/// Run with <c>-- --filter *MonitoringBenchmarks* --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class MonitoringBenchmarks
{
    private readonly ModelDefinition _machine = MonitoringModels.Machine();
    private readonly ModelDefinition _fluorescence = MonitoringModels.Fluorescence();
    private CountResolvedMap? _map;
    private readonly double[] _s = Enumerable.Range(0, 100).Select(i => -1.0 + 2.5 * i / 99).ToArray();

    /// <summary>Worker threads of the trajectory benchmark.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The machine's step map for θ(s).</summary>
    [GlobalSetup]
    public void Setup() =>
        _map = CountResolvedMap.ForStep(MonitoredStep.Of(_machine.Protocol, _machine.Measurements, 0, 0.05), CountSelection.Single(0));

    /// <summary>P(n) after 10⁵ steps (the thread count does not enter; both rows time the same work).</summary>
    [Benchmark]
    public CountDistribution CountingHundredThousandSteps() =>
        FullCountingStatistics.Compute(_machine.Protocol, _machine.Measurements, _machine.InitialState, 0.05, 100_000, CountSelection.Single(0), 100_000);

    /// <summary>θ(s) at 100 values.</summary>
    [Benchmark]
    public double[] ScgfHundredValues() => ScaledCumulantGeneratingFunction.Theta(_map!, _s);

    /// <summary>1000 trajectories × 10⁴ steps, 1001 records.</summary>
    [Benchmark]
    public TrajectoryStatistics ThousandTrajectories() =>
        MonitoredTrajectories.Run(_fluorescence.Protocol, _fluorescence.Measurements, _fluorescence.InitialState, 1e-3, 10_000, 1000, 1, 10, Threads);
}
