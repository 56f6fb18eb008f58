using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CollisionModel.Engines;
using CollisionModel.States;

using CollisionModel.Tests.Reliability;

namespace CollisionModel.Benchmarks;

/// <summary>
/// Soak runs (not unit tests): 10⁸ and 10⁹ streaming collisions of the paper's decay model on B (γ = 1, κ = 0.5,
/// ω = 1, a = 0.6) to T = 1 with exact angles and Strang splitting — every step is exactly exp(𝓛δt), so the final
/// ρ_AB differs from eq. (5)'s closed form by accumulated rounding only. Each run ends by checking that ρ_AB is
/// Hermitian, of trace 1 and positive to 1e-12 and within 1e-6 of the master-equation state, and throws otherwise
/// (BenchmarkDotNet then reports the run as failed). One invocation per run: the cost is the whole soak.
/// Run: <c>dotnet run -c Release --project benchmarks/CollisionModel.Benchmarks -- --filter *SoakBenchmarks*</c>
/// (plain propagation at 10⁸ and 10⁹: about 0.3 µs per collision; the booked run is <see cref="BookedSoakBenchmarks"/>).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class SoakBenchmarks
{
    /// <summary>Number of collisions.</summary>
    [Params(100_000_000, 1_000_000_000)]
    public int Steps { get; set; }

    /// <summary>Plain propagation ρ_S ← tr_E W(ρ_S ⊗ η)W†, Steps times; returns max |ρ − ρ_master|.</summary>
    [Benchmark]
    public double PlainPropagation()
    {
        var engine = new StreamingCollisionEngine(LongRunScenario.Options(Steps, Steps));
        for (int k = 0; k < Steps; k++) engine.Propagate();
        return Check(engine.SystemState());
    }

    internal static double Check(DensityMatrix state)
    {
        var (herm, trace, min, distance) = LongRunScenario.Diagnose(state);
        Console.WriteLine($"// soak: max|ρ−ρ†| = {herm:G3}, |tr ρ − 1| = {trace:G3}, λ_min = {min:G6}, max|ρ − ρ_master| = {distance:G3}");
        if (herm > 1e-12 || trace > 1e-12 || min < -1e-12 || distance > 1e-6)
            throw new InvalidOperationException(
                $"Soak invariants violated: max|ρ−ρ†| = {herm:G3}, |tr ρ − 1| = {trace:G3}, λ_min = {min:G3}, max|ρ − ρ_master| = {distance:G3}.");
        return distance;
    }
}

/// <summary>
/// The soak run of <see cref="SoakBenchmarks"/> through the library's full pipeline with the bookkeeping at every
/// collision (about 2–6 µs per collision on the shared machine, so 10⁸ only: 10⁹ would take hours).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class BookedSoakBenchmarks
{
    /// <summary>Number of collisions.</summary>
    [Params(100_000_000)]
    public int Steps { get; set; }

    /// <summary>
    /// The library's <see cref="CollisionSimulation.Run"/> with the full bookkeeping at every step and
    /// RecordEvery = Steps (two records); returns max |ρ − ρ_master|.
    /// </summary>
    [Benchmark]
    public double BookedRun()
    {
        var trajectory = CollisionSimulation.Run(LongRunScenario.Options(Steps, Steps), Representation.Streaming);
        var last = trajectory.Records[^1];
        if (last.Bookkeeping.MinSsaSlack < -1e-12)
            throw new InvalidOperationException($"SSA slack fell to {last.Bookkeeping.MinSsaSlack:G3}.");
        return SoakBenchmarks.Check(last.RhoAB);
    }
}
