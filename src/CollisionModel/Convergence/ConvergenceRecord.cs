using CollisionModel.States;

namespace CollisionModel.Convergence;

/// <summary>The collision model after k steps against the master equation at the same time T.</summary>
/// <param name="Steps">Number of collisions k (δt = T/k).</param>
/// <param name="TraceDistance">½‖ρ_AB^collision(T) − ρ_AB^master(T)‖₁.</param>
/// <param name="CoherenceError">| |ρ_{00,11}|^collision − |ρ_{00,11}|^master |.</param>
/// <param name="EntanglementError">|E_R(collision) − E_R(master)| in nats, or null when no entanglement measure was given.</param>
/// <param name="State">ρ_AB after k collisions.</param>
public sealed record ConvergenceRecord(long Steps, double TraceDistance, double CoherenceError, double? EntanglementError, DensityMatrix State);
