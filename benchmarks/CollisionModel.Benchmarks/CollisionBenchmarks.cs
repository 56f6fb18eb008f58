using BenchmarkDotNet.Attributes;
using CollisionModel.Protocols;
using CollisionModel.Collisions;

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
