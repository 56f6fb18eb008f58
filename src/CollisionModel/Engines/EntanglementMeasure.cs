using CollisionModel.States;

namespace CollisionModel.Engines;

/// <summary>The value of an entanglement measure (nats) of ρ_AB with the closest separable state that certifies it.</summary>
/// <param name="Value">E(ρ_AB) in nats (≥ 0, finite).</param>
/// <param name="ClosestSeparable">The optimiser σ*, handed back as the warm start of the next evaluation.</param>
public sealed record EntanglementEstimate(double Value, DensityMatrix ClosestSeparable);

/// <summary>
/// A pluggable per-step entanglement measure, e.g. the relative entropy of entanglement E_R(ρ_AB) = min_σ∈SEP S(ρ‖σ).
/// The engine calls it at every emitted step with ρ_AB and the previous emitted step's σ* (null the first time), so a
/// solver can warm-start. When no measure is configured the record's E_R is null.
/// </summary>
/// <param name="rhoAB">The system state ρ_AB after the step.</param>
/// <param name="previousClosestSeparable">σ* returned for the previous emitted step, or null.</param>
public delegate EntanglementEstimate EntanglementMeasure(DensityMatrix rhoAB, DensityMatrix? previousClosestSeparable);
