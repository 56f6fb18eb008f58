using CollisionModel.States;

namespace CollisionModel.Engines;

/// <summary>A collision-model run that can be stepped by hand: <see cref="Advance"/> does one collision with its bookkeeping.</summary>
public interface ICollisionEngine
{
    /// <summary>Collisions done so far.</summary>
    int Step { get; }

    /// <summary>The bookkeeping of the current step (step 0 before any collision).</summary>
    StepBookkeeping Current { get; }

    /// <summary>One collision (and the system Hamiltonian per the splitting order) with the full bookkeeping.</summary>
    void Advance();

    /// <summary>
    /// One step for a caller that reads only <see cref="SystemState"/> (e.g. the d² tomography runs of the dynamical
    /// maps): the same state as <see cref="Advance"/>, to the last bit, but an engine that can skip the bookkeeping
    /// (entropies, ledger, invariant guard) does — the streaming engine does; the others book as in
    /// <see cref="Advance"/>. After it, <see cref="Current"/> and the running totals are not those of the step.
    /// </summary>
    void Propagate() => Advance();

    /// <summary>The current system state ρ_AB (a fresh immutable copy).</summary>
    DensityMatrix SystemState();

    /// <summary>
    /// The thermodynamic ledger's running totals (energy_S, heat per bath, work, entropy flow) at the current step, or
    /// null when the engine keeps no ledger (no bath's ancilla has a Hamiltonian, or the representation does not book one).
    /// </summary>
    Thermodynamics.LedgerTotals? Thermodynamics() => null;
}
