using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Engines;

/// <summary>
/// Configuration of a collision-model run: a <see cref="CollisionProtocol"/> (the system, A and B, H_S, the baths),
/// the initial system state, the <see cref="TimeGrid"/> of K steps of length δt and what to record. δt enters once:
/// every step's unitaries come from <see cref="CollisionProtocol.Step(int, TimeGrid)"/>. Immutable; <see cref="Validate"/> checks everything and names the problem.
/// </summary>
public sealed record CollisionRunOptions
{
    /// <summary>The model: system space, A/B split, system Hamiltonian and splitting order, baths in collision order.</summary>
    public required CollisionProtocol Protocol { get; init; }

    /// <summary>ρ_S(0) on <see cref="CollisionProtocol.SystemSpace"/> (its dimension must match).</summary>
    public required DensityMatrix InitialSystem { get; init; }

    /// <summary>
    /// The run's time grid, the one owner of δt: K = <see cref="TimeGrid.Steps"/> steps of δt = <see cref="TimeGrid.TimeStep"/>,
    /// record n at <see cref="TimeGrid.TimeAt"/>(n). Engines hand it to <see cref="CollisionProtocol.Step(int, TimeGrid)"/>
    /// unchanged; nothing here divides or multiplies by it.
    /// </summary>
    public required TimeGrid Grid { get; init; }

    /// <summary>K as the engines count collisions (an int: every collision is performed); <see cref="Validate"/> checks it fits.</summary>
    public int Steps => (int)Math.Min(Grid.Steps, int.MaxValue);

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
    /// it also asks the protocol for step 0 (built once per δt and kept by the protocol, so the engine's request is
    /// free), so an angle law that cannot take this δt fails here, before any engine allocates.
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
        // A default(TimeGrid) is the only grid its factories cannot produce.
        if (Grid.Steps < 1) throw new ParameterOutOfRangeException("Grid must be built by TimeGrid.Over or TimeGrid.OfStep (K ≥ 1, δt > 0).", nameof(Grid));
        if (Grid.Steps > int.MaxValue)
            throw new ParameterOutOfRangeException($"A run performs every collision one by one, at most {int.MaxValue}; got K = {Grid.Steps}.", nameof(Grid));
        if (RecordEvery < 1) throw new ParameterOutOfRangeException($"RecordEvery must be ≥ 1, got {RecordEvery}.", nameof(RecordEvery));
        var names = new HashSet<string>();
        foreach (var o in Observers)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(Observers));
            if (!names.Add(o.Name)) throw new ParameterOutOfRangeException($"Two observers are named '{o.Name}'.", nameof(Observers));
        }
        ArgumentNullException.ThrowIfNull(Truncation);
        Truncation.Validate();
        if (!Protocol.IsTimeDependent) Protocol.Step(0, Grid);
    }
}
