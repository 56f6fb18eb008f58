using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The single-excitation atom–mirror model of issue 21's feedback target: a qubit, excited at t = 0, exchanges its
/// excitation (V = σ⁺ ⊗ b + σ⁻ ⊗ b†, rate r = 1) with vacuum time bins that come back after <c>delay</c> steps with
/// the loop phase φ = π (the bound state: the excitation stays shared between atom and loop, so the loop stays
/// entangled at every step). δt = 0.005 (delay 100 is τ = 0.5, the example AtomMirror's run).
/// </summary>
internal static class FeedbackSetups
{
    /// <summary>The time step.</summary>
    public const double TimeStep = 0.005;

    /// <summary>The model file with a delay line of <paramref name="delay"/> steps (also usable with the CLI).</summary>
    public static string Model(int delay) => $$$"""
        {"system": {"dims": [2], "b": [0], "state": [[0, 0], [0, 1]]},
         "baths": [{"acts_on": [0], "ancilla": {"dim": 2, "state": [[1, 0], [0, 0]]}, "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]],
                    "rate": 1.0, "feedback": {"delay": {{{delay.ToString(CultureInfo.InvariantCulture)}}}, "phase": 3.141592653589793}}]}
        """;

    /// <summary>K steps of the model with a delay line of <paramref name="delay"/> steps, exact (no truncation permitted).</summary>
    public static CollisionRunOptions Options(int delay, int steps)
    {
        var model = ModelFile.Parse(Model(delay));
        return new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(TimeStep, steps) };
    }

    /// <summary>
    /// A cold run: the engine built and advanced K steps, the full bookkeeping (E = every ancilla so far) at every
    /// step. Returns the engine (its bond and truncation error) and a field of the last record, so nothing is elided.
    /// </summary>
    public static (MpsCollisionEngine Engine, double Check) Run(int delay, int steps)
    {
        var engine = new MpsCollisionEngine(Options(delay, steps));
        for (int i = 0; i < steps; i++) engine.Advance();
        return (engine, engine.Current.EntropyE + engine.Current.EntropyAB);
    }
}

/// <summary>
/// Issue 21's target: K = 10⁵ booked steps of the atom–mirror model with a delay of 100 steps in the mps
/// representation in under 60 s, truncation error ≤ 1e-10; and the cost against K (10³, 10⁴, 10⁵) at that delay.
/// One cold run per iteration (1 warm-up, 1 iteration: the 10⁵ run alone is tens of seconds).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 1)]
[MemoryDiagnoser]
public class FeedbackStepsBenchmarks
{
    /// <summary>Steps K.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Steps { get; set; }

    /// <summary>K booked steps at delay 100.</summary>
    [Benchmark]
    public double AtomMirrorDelay100() => FeedbackSetups.Run(100, Steps).Check;
}

/// <summary>
/// The cost per step against the delay (10 … 1000) at K = 10⁴ booked steps: each step walks the center along the
/// line and back, so the step is O(delay). One cold run per iteration (1 warm-up, 1 iteration).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 1)]
[MemoryDiagnoser]
public class FeedbackDelayBenchmarks
{
    /// <summary>The delay in steps.</summary>
    [Params(10, 30, 100, 300, 1000)]
    public int Delay { get; set; }

    /// <summary>10⁴ booked steps.</summary>
    [Benchmark]
    public double AtomMirror10kSteps() => FeedbackSetups.Run(Delay, 10_000).Check;
}
