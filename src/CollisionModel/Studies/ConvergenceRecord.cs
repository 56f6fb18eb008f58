using CollisionModel.States;

namespace CollisionModel.Studies;

/// <summary>The collision model after k steps against the master equation at the same time T.</summary>
/// <param name="Steps">Number of collisions k (δt = T/k).</param>
/// <param name="TraceDistance">½‖ρ_S^collision(T) − ρ_S^master(T)‖₁.</param>
/// <param name="CoherenceError">| |ρ_{0,D−1}|^collision − |ρ_{0,D−1}|^master |, the corner coherence (ρ_{00,11} for the paper's A, B).</param>
/// <param name="EntanglementError">|E_R(collision) − E_R(master)| in nats, or null when no entanglement measure was given.</param>
/// <param name="State">ρ_S after k collisions.</param>
public sealed record ConvergenceRecord(long Steps, double TraceDistance, double CoherenceError, double? EntanglementError, DensityMatrix State);
