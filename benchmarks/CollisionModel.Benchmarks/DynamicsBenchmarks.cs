using System.Numerics;
using BenchmarkDotNet.Attributes;
using CollisionModel.MasterEquation;
using CollisionModel.States;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The paper's eq. (5) on qubit B (γ = 1, κ = 0.5, η = 0.3, ω = 1) from a|00⟩ + b|11⟩, a = b = √½, with 1000 output
/// times on [0, 5] (the work of benchmarks/peers/dynamics_eq5.py) by exact propagation (goal: &lt; 1 ms for the whole job).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class DynamicsBenchmarks
{
    private const int Steps = 999; // 1000 output times including t = 0
    private readonly PaperMasterEquationParameters _parameters = new(1.0, 1.0, 0.5, 0.3);
    private DensityMatrix _rho0 = null!;
    private ExactPropagator _propagator = null!;
    private Complex[] _buffer = [];

    /// <summary>Initial state, a prebuilt propagator and the output buffer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rho0 = PaperMasterEquation.InitialState(Math.Sqrt(0.5));
        _propagator = new ExactPropagator(PaperMasterEquation.Create(_parameters), 5.0 / Steps);
        _buffer = new Complex[(Steps + 1) * 16];
    }

    /// <summary>Everything: build 𝓛, exp(𝓛Δt), then 999 allocation-free steps into a buffer.</summary>
    [Benchmark(Baseline = true)]
    public Complex Eq5ThousandTimesFromScratch()
    {
        var propagator = new ExactPropagator(PaperMasterEquation.Create(_parameters), 5.0 / Steps);
        propagator.Propagate(_rho0.ColumnMajor, Steps, _buffer);
        return _buffer[^1];
    }

    /// <summary>Only the 999 steps with a prebuilt propagator (the allocation-free hot path).</summary>
    [Benchmark]
    public Complex Eq5ThousandStepsPrebuilt()
    {
        _propagator.Propagate(_rho0.ColumnMajor, Steps, _buffer);
        return _buffer[^1];
    }

    /// <summary>A full <see cref="Trajectory"/> with 1000 stored <see cref="DensityMatrix"/> objects.</summary>
    [Benchmark]
    public Trajectory Eq5ThousandTimesTrajectory() => _propagator.Run(_rho0, Steps);
}
