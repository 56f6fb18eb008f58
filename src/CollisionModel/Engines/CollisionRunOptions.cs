using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Engines;

/// <summary>
/// Configuration of a collision-model run: a <see cref="CollisionProtocol"/> (the system, A and B, H_S, the baths),
/// the initial system state, K steps of length δt and what to record. δt enters once: every step's unitaries come
/// from <see cref="CollisionProtocol.Step"/>. Immutable; <see cref="Validate"/> checks everything and names the problem.
/// </summary>
public sealed record CollisionRunOptions
{
    /// <summary>The model: system space, A/B split, system Hamiltonian and splitting order, baths in collision order.</summary>
    public required CollisionProtocol Protocol { get; init; }

    /// <summary>ρ_S(0) on <see cref="CollisionProtocol.SystemSpace"/> (its dimension must match).</summary>
    public required DensityMatrix InitialSystem { get; init; }

    /// <summary>Number of steps K ≥ 1 (each step: H_S, then every bath's collision in order).</summary>
    public required int Steps { get; init; }

    /// <summary>δt &gt; 0 (time units): the only time step; the record time is <see cref="Grid"/>.TimeAt(step).</summary>
    public required double TimeStep { get; init; }

    /// <summary>The run's time grid (K = <see cref="Steps"/>, δt = <see cref="TimeStep"/>): record n is at t_n = n·δt.</summary>
    public TimeGrid Grid => TimeGrid.OfStep(TimeStep, Steps);

    /// <summary>Emit every N-th step (N ≥ 1); steps 0 and K are always emitted. Bookkeeping runs at every step.</summary>
    public int RecordEvery { get; init; } = 1;

    /// <summary>Optional E_R(ρ_AB) (or any entanglement measure), evaluated at emitted steps with a warm start.</summary>
    public EntanglementMeasure? EntanglementMeasure { get; init; }

    /// <summary>User-defined quantities evaluated at every emitted step.</summary>
    public IReadOnlyList<StepObserver> Observers { get; init; } = [];

    /// <summary>
    /// Streaming only: compute S_ABE from the joint state of the system and E instead of the unitarity shortcut
    /// (a check of that shortcut; slower).
    /// </summary>
    public bool ComputeJointEntropyDirectly { get; init; }

    /// <summary>Mps only: permission to truncate the matrix-product state (default none: exact).</summary>
    public Mps.MpsTruncation Truncation { get; init; } = Mps.MpsTruncation.None;

    /// <summary>Mps only: every emitted record carries the fragment curves I(AB : oldest/newest m ancillas).</summary>
    public bool Fragments { get; init; }

    /// <summary>
    /// The invariant guard of every step (trace, Hermiticity and positivity of ρ_S, SSA slack, production); on by
    /// default, off only to measure its cost (benchmarks).
    /// </summary>
    internal bool GuardInvariants { get; init; } = true;

    /// <summary>
    /// Throws a <see cref="QuantumInputException"/> naming the first invalid setting. For a time-independent protocol
    /// it also builds step 0, so an angle law that cannot take this δt fails here, before any engine allocates.
    /// </summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Protocol);
        ArgumentNullException.ThrowIfNull(InitialSystem);
        ArgumentNullException.ThrowIfNull(Observers);
        if (InitialSystem.Dimension != Protocol.SystemDimension)
            throw new DimensionMismatchException(
                $"The initial system state has dimension {InitialSystem.Dimension}, the protocol's system ({Protocol.SystemSpace}) {Protocol.SystemDimension}.",
                nameof(InitialSystem));
        if (Steps < 1) throw new ParameterOutOfRangeException($"Steps must be ≥ 1, got {Steps}.", nameof(Steps));
        Guard.Finite(TimeStep, nameof(TimeStep));
        Guard.Positive(TimeStep, nameof(TimeStep));
        if (RecordEvery < 1) throw new ParameterOutOfRangeException($"RecordEvery must be ≥ 1, got {RecordEvery}.", nameof(RecordEvery));
        var names = new HashSet<string>();
        foreach (var o in Observers)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(Observers));
            if (!names.Add(o.Name)) throw new ParameterOutOfRangeException($"Two observers are named '{o.Name}'.", nameof(Observers));
        }
        ArgumentNullException.ThrowIfNull(Truncation);
        Truncation.Validate();
        if (!Protocol.IsTimeDependent) FirstStep();
    }

    private readonly FirstStepCache _firstStep = new();

    /// <summary>
    /// Step 0 of the run, <see cref="CollisionProtocol.Step"/>(0, <see cref="TimeStep"/>), built on the first call and
    /// then shared by the option checks, <see cref="Validate"/> and the engine (the collision unitaries are an expm
    /// each: a short run paid for them three times), and by every later run of the same protocol object at the same δt
    /// (the protocol is immutable, so its step 0 is a function of δt: repeated short runs of one model, e.g. from
    /// Python, build it once). The step is shared: read its matrices, never write them. A <c>with</c> copy that
    /// changes the protocol or δt builds its own. O(Σ_j n_j³ + d_S³) once, O(1) after.
    /// </summary>
    public ProtocolStep FirstStep()
    {
        var protocol = Protocol;
        double timeStep = TimeStep;
        if (_firstStep.Entry is { } entry && ReferenceEquals(entry.Protocol, protocol) && entry.TimeStep.Equals(timeStep))
            return entry.Step;
        if (!s_lastFirstStep.TryGetValue(protocol, out var kept) || !kept.TimeStep.Equals(timeStep))
        {
            kept = new FirstStepEntry(protocol, timeStep, protocol.Step(0, timeStep));
            s_lastFirstStep.AddOrUpdate(protocol, kept);
        }
        _firstStep.Entry = kept;
        return kept.Step;
    }

    // The latest step 0 built for each live protocol (one δt each: a protocol is usually run at one step size).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CollisionProtocol, FirstStepEntry> s_lastFirstStep = new();

    private sealed record FirstStepEntry(CollisionProtocol Protocol, double TimeStep, ProtocolStep Step);

    /// <summary>
    /// The holder of <see cref="FirstStep"/>'s value. Every holder equals every other, so the cache takes no part in
    /// the options' value equality; an entry is one immutable object replaced whole, so concurrent readers see either
    /// none or a complete one.
    /// </summary>
    private sealed class FirstStepCache
    {
        public FirstStepEntry? Entry
        {
            get => Volatile.Read(ref _entry);
            set => Volatile.Write(ref _entry, value);
        }

        private FirstStepEntry? _entry;

        public override bool Equals(object? obj) => obj is FirstStepCache;

        public override int GetHashCode() => 0;
    }
}
