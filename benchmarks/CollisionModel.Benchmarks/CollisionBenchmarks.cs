using BenchmarkDotNet.Attributes;
using CollisionModel.Collisions;
using CollisionModel.Protocols;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The per-collision cost of the streaming representation (plain propagation, and with the full bookkeeping: every
/// entropy, mutual information, SSA slack, D_E and running total, no E_R) on the partial-swap model with a thermal
/// ancilla, each benchmark doing <see cref="StepsPerInvoke"/> collisions.
/// </summary>
[MemoryDiagnoser]
public class StreamingCollisionBenchmarks
{
    /// <summary>Collisions per benchmark invocation (BenchmarkDotNet reports per collision).</summary>
    public const int StepsPerInvoke = 1000;

    private StreamingCollisionEngine _plain = null!;
    private StreamingCollisionEngine _booked = null!;

    /// <summary>The paper's decay model on A, B: γ = 1, κ = 0.5, δt = 10⁻², from (|00⟩ + |11⟩)/√2 (the peers' work).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = PaperModels.Decay(1, 0.5, 0, Math.Sqrt(0.5), AngleConvention.Paper, mixedEnvironment: true);
        var options = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Steps = 1,
            TimeStep = 1e-2,
        };
        _plain = new StreamingCollisionEngine(options);
        _booked = new StreamingCollisionEngine(options);
    }

    /// <summary>ρ_AB ← tr_E W(ρ_AB ⊗ η)W†, nothing else.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public void PlainStep()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _plain.Propagate();
    }

    /// <summary>One collision with the full per-step bookkeeping (no E_R).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double StepWithBookkeeping()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _booked.Advance();
        return _booked.Current.EntropyProductionTotal;
    }
}

/// <summary>
/// The explicit representation end to end: the paper's dephasing of a|00⟩ + b|11⟩ with pure ancillas, growing the
/// global state vector in place from 2 to 2 + K qubits with the bookkeeping at every step. Memory 16·2^(K+2) bytes.
/// </summary>
public class ExplicitCollisionBenchmarks
{
    /// <summary>Number of ancillas K (27 is the 8 GiB target; a quick run stops lower).</summary>
    [Params(12, 16, 20, 22)]
    public int Ancillas { get; set; }

    /// <summary>Creates the engine (allocating the final capacity) and runs K collisions.</summary>
    [Benchmark]
    public double ExplicitDephasingRun()
    {
        var model = PaperModels.Dephasing(1, 0, 0.6, AngleConvention.Paper);
        var options = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Steps = Ancillas,
            TimeStep = 1.0 / Ancillas,
        };
        var engine = new ExplicitCollisionEngine(options);
        for (int j = 0; j < Ancillas; j++) engine.Advance();
        return engine.Current.MutualInformationABE;
    }
}

/// <summary>
/// The streaming step on a shape beyond the paper's: two qutrits A, B, a hot qubit bath on A and a cold one on B
/// (random 6×6 couplings at angle 0.3, a random H_S), bookkept. <c>Map</c>: memoryless, so the precomputed sparse map
/// (d_S·d_E = 36); <c>IndexArithmetic</c>: the cold bath carries memory (φ = 0.5), so the density-matrix path
/// (working dimension 9·2·2·2 = 72).
/// </summary>
[MemoryDiagnoser]
public class GenericStreamingBenchmarks
{
    /// <summary>Steps per benchmark invocation.</summary>
    public const int StepsPerInvoke = 200;

    private StreamingCollisionEngine _map = null!;
    private StreamingCollisionEngine _indexArithmetic = null!;

    /// <summary>Builds both engines from the same seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _map = Engine(memory: false);
        _indexArithmetic = Engine(memory: true);
    }

    private static StreamingCollisionEngine Engine(bool memory)
    {
        var rng = new CollisionModel.States.QuantumRandom(7);
        var hot = AncillaState.Thermal(0.6, 0.4);
        var cold = AncillaState.Thermal(0.95, 0.05);
        var protocol = new CollisionProtocol([3, 3], [1],
        [
            new Bath([0], hot, BathCollision.WithAngle(rng.Hermitian(6), 0.3)),
            new Bath([1], cold, BathCollision.WithAngle(rng.Hermitian(6), 0.3), memoryAngle: memory ? 0.5 : null),
        ], rng.Hermitian(9));
        var options = new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = rng.MixedState(new CollisionModel.Spaces.CompositeSpace(3, 3)),
            Steps = 1,
            TimeStep = 0.05,
        };
        return new StreamingCollisionEngine(options);
    }

    /// <summary>Two qutrits, two memoryless baths: the precomputed map.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Map()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _map.Advance();
        return _map.Current.EntropyProductionTotal;
    }

    /// <summary>Two qutrits, two baths, one with memory: local unitaries by index arithmetic.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double IndexArithmetic()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _indexArithmetic.Advance();
        return _indexArithmetic.Current.EntropyProductionTotal;
    }
}
