using CollisionModel.States;

namespace CollisionModel.Collisions;

/// <summary>A collision-model run that can be stepped by hand: <see cref="Advance"/> does one collision with its bookkeeping.</summary>
public interface ICollisionEngine
{
    /// <summary>Collisions done so far.</summary>
    int Step { get; }

    /// <summary>The bookkeeping of the current step (step 0 before any collision).</summary>
    StepBookkeeping Current { get; }

    /// <summary>One collision (and the system Hamiltonian per the splitting order) with the full bookkeeping.</summary>
    void Advance();

    /// <summary>The current system state ρ_AB (a fresh immutable copy).</summary>
    DensityMatrix SystemState();

    /// <summary>
    /// The thermodynamic ledger's running totals (energy_S, heat per bath, work, entropy flow) at the current step, or
    /// null when the engine keeps no ledger (no bath's ancilla has a Hamiltonian, or the representation does not book one).
    /// </summary>
    Thermodynamics.LedgerTotals? Thermodynamics() => null;
}
