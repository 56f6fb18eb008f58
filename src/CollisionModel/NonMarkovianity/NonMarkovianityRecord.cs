namespace CollisionModel.NonMarkovianity;

/// <summary>One emitted step of a non-Markovianity analysis.</summary>
/// <param name="Step">n (0 … K).</param>
/// <param name="Time">t_n = n·δt (time units).</param>
/// <param name="TraceDistance">D_n = ½‖Λ_n(ψ₁) − Λ_n(ψ₂)‖₁ of the BLP pair (<see cref="NonMarkovianityResult.BlpPair"/>), in [0, 1].</param>
/// <param name="RhpIncrement">max(0, ‖(V_{n−1} ⊗ 1)|Φ⟩⟨Φ|‖₁ − 1), the RHP term of the step from n − 1 to n; 0 at step 0 and on a skipped (singular) step.</param>
public sealed record NonMarkovianityRecord(long Step, double Time, double TraceDistance, double RhpIncrement);
