using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;

namespace CollisionModel.Benchmarks;

/// <summary>Shared setups of the matrix-product benchmarks: the paper's two-qubit models with pure ancillas.</summary>
internal static class MpsSetups
{
    /// <summary>The paper's dephasing (η = 1) or decay (γ = 1, κ = 0) of a|00⟩ + b|11⟩, a = 0.6, pure ancillas, δt = 10⁻³.</summary>
    public static CollisionRunOptions Paper(bool decay, int steps, bool fragments = false)
    {
        var model = decay ? PaperModels.Decay(1, 0, 0.5, 0.6) : PaperModels.Dephasing(1, 0.5, 0.6);
        return new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(1e-3, steps),
            Fragments = fragments,
        };
    }

    /// <summary>An engine advanced by <paramref name="steps"/> collisions.</summary>
    public static MpsCollisionEngine Advanced(bool decay, int steps)
    {
        var engine = new MpsCollisionEngine(Paper(decay, steps));
        for (int i = 0; i < steps; i++) engine.Advance();
        return engine;
    }
}

/// <summary>
/// The end-to-end target: 10⁶ collisions of a two-qubit paper model with pure ancillas in the mps
/// representation, the full bookkeeping (E = every ancilla so far) at every step, then the fragment curves
/// (all m, both ends) once at the end. One cold run per iteration.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MpsEndToEndBenchmarks
{
    /// <summary>The model.</summary>
    [Params(false, true)]
    public bool Decay { get; set; }

    /// <summary>10⁶ booked collisions, then both fragment curves.</summary>
    [Benchmark]
    public double MillionCollisionsThenFragments()
    {
        const int k = 1_000_000;
        var engine = new MpsCollisionEngine(MpsSetups.Paper(Decay, k));
        for (int i = 0; i < k; i++) engine.Advance();
        var curves = engine.Fragments();
        return curves.Oldest[k / 2] + engine.Current.EntropyE;
    }
}

/// <summary>
/// The per-collision cost (bookkeeping included) after K collisions already kept: flat in K is the claim. Each
/// invocation does <see cref="StepsPerInvoke"/> further collisions.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class MpsStepGrowthBenchmarks
{
    /// <summary>Collisions per invocation.</summary>
    public const int StepsPerInvoke = 2000;

    private MpsCollisionEngine _engine = null!;

    /// <summary>Ancillas already kept.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Kept { get; set; }

    /// <summary>The decay model advanced by <see cref="Kept"/> collisions.</summary>
    [GlobalSetup]
    public void Setup() => _engine = MpsSetups.Advanced(decay: true, Kept);

    /// <summary>One collision with the full bookkeeping at K ≈ Kept.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double StepWithBookkeeping()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _engine.Advance();
        return _engine.Current.EntropyE;
    }
}

/// <summary>Both fragment curves (every m, oldest and newest) of a K-ancilla state: one environment sweep, O(K).</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MpsFragmentBenchmarks
{
    private MpsCollisionEngine _engine = null!;

    /// <summary>Ancillas.</summary>
    [Params(10_000, 1_000_000)]
    public int Ancillas { get; set; }

    /// <summary>The decay model advanced by <see cref="Ancillas"/> collisions.</summary>
    [GlobalSetup]
    public void Setup() => _engine = MpsSetups.Advanced(decay: true, Ancillas);

    /// <summary>I(AB : oldest m) and I(AB : newest m) for m = 0 … K.</summary>
    [Benchmark]
    public FragmentCurves Curves() => _engine.Fragments();
}

/// <summary>
/// mps against explicit, end to end (K booked collisions of the paper's dephasing with pure ancillas from scratch),
/// where both run: explicit grows a 2^(K+2) vector, mps keeps K tensors of bond ≤ 4.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class MpsVersusExplicitBenchmarks
{
    /// <summary>Collisions K.</summary>
    [Params(2, 4, 8, 12, 16, 20, 22, 24, 26)]
    public int Ancillas { get; set; }

    /// <summary>The mps run.</summary>
    [Benchmark(Baseline = true)]
    public double Mps() => Run(Representation.Mps);

    /// <summary>The explicit run.</summary>
    [Benchmark]
    public double Explicit() => Run(Representation.Explicit);

    private double Run(Representation representation)
    {
        var engine = CollisionSimulation.CreateEngine(MpsSetups.Paper(false, Ancillas), representation);
        for (int i = 0; i < Ancillas; i++) engine.Advance();
        return engine.Current.EntropyE;
    }
}
