namespace CollisionModel.Studies;

/// <summary>The worst value of the conjecture ratio |σ_E|/σ along a trajectory and where it occurs.</summary>
/// <param name="Ratio">max_k |σ_E(t_k)|/σ(t_k) over the times where the ratio exists.</param>
/// <param name="Index">The output index k of the maximum.</param>
/// <param name="Time">The output time t_k of the maximum.</param>
public sealed record WorstConjectureRatio(double Ratio, int Index, double Time);
