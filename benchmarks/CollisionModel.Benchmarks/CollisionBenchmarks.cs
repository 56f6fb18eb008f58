using BenchmarkDotNet.Attributes;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The per-collision cost of the streaming representation (plain propagation, and with the full bookkeeping: every
/// entropy, mutual information, SSA slack, D_E and running total, no E_R) on the partial-swap model with a thermal
/// ancilla, each benchmark doing <see cref="StepsPerInvoke"/> collisions (BenchmarkDotNet reports time per collision).
/// Each engine starts again from the initial state (a fresh engine) every <see cref="RestartEvery"/> collisions: run
/// on, the model's coherence ρ_{00,11} decays to the subnormal fixed point 3.26e-322 after ~10⁵ steps, and a benchmark
/// parked there measures subnormal arithmetic (~60 % slower) rather than a typical step (docs/performance.md). The
/// restart's cost is in the step timings, amortised over <see cref="RestartEvery"/> collisions; <see
/// cref="EngineRestart"/> measures it alone (per restart).
/// </summary>
[MemoryDiagnoser]
public class StreamingCollisionBenchmarks
{
    /// <summary>Collisions per benchmark invocation (BenchmarkDotNet reports per collision).</summary>
    public const int StepsPerInvoke = 1000;

    /// <summary>
    /// Collisions between restarts, t = 200 at δt = 10⁻² (a multiple of <see cref="StepsPerInvoke"/>). The smallest
    /// nonzero |Re| or |Im| of an entry of ρ_AB reached is 2.46e-66 (ρ_{00,11} at step 2·10⁴), so even its square is
    /// far from subnormal; run on, its square leaves the normal range near step 4.7·10⁴ (the bookkept step then runs
    /// ~40 % faster) and the coherence itself near 9.4·10⁴: neither regime is a typical step.
    /// </summary>
    public const int RestartEvery = 20_000;

    private CollisionRunOptions _options = null!, _unguardedOptions = null!;
    private StreamingCollisionEngine _plain = null!;
    private StreamingCollisionEngine _booked = null!;
    private StreamingCollisionEngine _unguarded = null!;

    /// <summary>The paper's decay model on A, B: γ = 1, κ = 0.5, δt = 10⁻², from (|00⟩ + |11⟩)/√2 (the peers' work).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = PaperModels.Decay(1, 0.5, 0, Math.Sqrt(0.5), AngleConvention.Paper, mixedEnvironment: true);
        _options = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(1e-2, 1),
        };
        _unguardedOptions = _options with { GuardInvariants = false };
        _plain = new StreamingCollisionEngine(_options);
        _booked = new StreamingCollisionEngine(_options);
        _unguarded = new StreamingCollisionEngine(_unguardedOptions);
    }

    /// <summary>ρ_AB ← tr_E W(ρ_AB ⊗ η)W†, nothing else.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public void PlainStep()
    {
        // Checked once per invocation, so the step loop is the same as without restarts.
        if (_plain.Step >= RestartEvery) _plain = new StreamingCollisionEngine(_options);
        for (int i = 0; i < StepsPerInvoke; i++) _plain.Propagate();
    }

    /// <summary>One collision with the full per-step bookkeeping (no E_R).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double StepWithBookkeeping()
    {
        if (_booked.Step >= RestartEvery) _booked = new StreamingCollisionEngine(_options);
        for (int i = 0; i < StepsPerInvoke; i++) _booked.Advance();
        return _booked.Current.EntropyProductionTotal;
    }

    /// <summary>As <see cref="StepWithBookkeeping"/> without the invariant guard: the difference is the guard's cost.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double StepWithBookkeepingUnguarded()
    {
        if (_unguarded.Step >= RestartEvery) _unguarded = new StreamingCollisionEngine(_unguardedOptions);
        for (int i = 0; i < StepsPerInvoke; i++) _unguarded.Advance();
        return _unguarded.Current.EntropyProductionTotal;
    }

    /// <summary>
    /// One restart as the step benchmarks do it (a fresh engine, step 0 booked), per restart: its share of a step
    /// above is this / <see cref="RestartEvery"/>.
    /// </summary>
    [Benchmark]
    public StreamingCollisionEngine EngineRestart() => new(_options);
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
            Grid = TimeGrid.OfStep(1.0 / Ancillas, Ancillas),
        };
        var engine = new ExplicitCollisionEngine(options);
        for (int j = 0; j < Ancillas; j++) engine.Advance();
        return engine.Current.MutualInformationABE;
    }
}

/// <summary>
/// What the thermodynamic ledger adds to the bookkept streaming step of the two-qubit presets: the same protocol
/// (H_S = (ω/2)σz on B, ω = 1) with its ancilla given by populations only (no H_E: no ledger) or as the Gibbs state of
/// an H_E with the same η (ledger on: heat, work, entropy flow booked every step). Decay: η = diag(γ, κ)/(γ+κ), the
/// Gibbs state of −σz/2 at β = ln(γ/κ); dephasing: η = 1/2, the Gibbs state of σz/2 at β = 0.
/// </summary>
[MemoryDiagnoser]
public class LedgerOverheadBenchmarks
{
    private StreamingCollisionEngine _engine = null!;

    /// <summary>The preset.</summary>
    [Params("decay", "dephasing")]
    public string Model { get; set; } = "decay";

    /// <summary>Whether the ancilla carries H_E (and so the engine keeps a ledger).</summary>
    [Params(false, true)]
    public bool Ledger { get; set; }

    /// <summary>Builds the engine from (|00⟩ + |11⟩)/√2, δt = 10⁻².</summary>
    [GlobalSetup]
    public void Setup()
    {
        const double gamma = 1, kappa = 0.5;
        var model = Model == "decay"
            ? PaperModels.Decay(gamma, kappa, 1, Math.Sqrt(0.5), AngleConvention.Paper, mixedEnvironment: true)
            : PaperModels.Dephasing(1, 1, Math.Sqrt(0.5), AngleConvention.Paper, mixedEnvironment: true);
        var protocol = model.Protocol;
        if (Ledger)
        {
            var bath = protocol.Baths[0];
            var ancilla = Model == "decay"
                ? AncillaState.Thermal(-0.5 * Operators.Pauli.Z, Math.Log(gamma / kappa))
                : AncillaState.Thermal(0.5 * Operators.Pauli.Z, 0);
            protocol = new CollisionProtocol(protocol.SystemSpace.Dimensions, protocol.SubsystemsB,
                [new Bath(bath.ActsOn, ancilla, bath.Collision)], protocol.SystemHamiltonian, protocol.Splitting);
        }
        _engine = new StreamingCollisionEngine(new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(1e-2, 1),
        });
        Protocol = protocol;
    }

    /// <summary>The engine (after <see cref="Setup"/>).</summary>
    internal StreamingCollisionEngine Engine => _engine;

    /// <summary>The protocol the engine runs.</summary>
    internal CollisionProtocol Protocol { get; private set; } = null!;

    /// <summary>One collision with the full per-step bookkeeping (and the ledger when on).</summary>
    [Benchmark(OperationsPerInvoke = StreamingCollisionBenchmarks.StepsPerInvoke)]
    public double StepWithBookkeeping()
    {
        for (int i = 0; i < StreamingCollisionBenchmarks.StepsPerInvoke; i++) _engine.Advance();
        return _engine.Current.EntropyProductionTotal;
    }
}

/// <summary>
/// The ledger's booking alone, as the bookkeeper feeds it once per step on the fast streaming path (the heat from ρ_E′
/// by <see cref="Thermodynamics.ThermodynamicLedger.FreshAncillaHeat"/>, then
/// <see cref="Thermodynamics.ThermodynamicLedger.BookStep"/> with ρ_S′), on the protocols of <see cref="LedgerOverheadBenchmarks"/> with the ledger on: robust to machine
/// load in a way the difference of two step timings is not.
/// </summary>
[MemoryDiagnoser]
public class LedgerBookingBenchmarks
{
    private Thermodynamics.ThermodynamicLedger _ledger = null!;
    private System.Numerics.Complex[] _rho = null!, _eta = null!;
    private readonly double[] _heat = new double[1];

    /// <summary>The preset.</summary>
    [Params("decay", "dephasing")]
    public string Model { get; set; } = "decay";

    /// <summary>Builds the ledger and a state after a few steps of the engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var overhead = new LedgerOverheadBenchmarks { Model = Model, Ledger = true };
        overhead.Setup();
        var engine = overhead.Engine;
        for (int i = 0; i < 10; i++) engine.Advance();
        _rho = engine.SystemColumnMajor.ToArray();
        _eta = AncillaState.Thermal(0.5 * Operators.Pauli.Z, 0.3).State.ColumnMajor.ToArray();
        var protocol = overhead.Protocol;
        _ledger = new Thermodynamics.ThermodynamicLedger(protocol, _rho);
    }

    /// <summary>One booking (heat, work, entropy flow of one step).</summary>
    [Benchmark(OperationsPerInvoke = StreamingCollisionBenchmarks.StepsPerInvoke)]
    public double Booking()
    {
        for (int i = 0; i < StreamingCollisionBenchmarks.StepsPerInvoke; i++)
        {
            _ledger.FreshAncillaHeat(_eta, _heat);
            _ledger.BookStep(_rho, _heat);
        }
        return _ledger.Work ?? 0;
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
            Grid = TimeGrid.OfStep(0.05, 1),
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
