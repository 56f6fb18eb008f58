using CollisionModel.States;

namespace CollisionModel.Monitoring;

/// <summary>The exact mean and exponential average of the stochastic entropy production after K steps.</summary>
/// <param name="Mean">⟨Σ⟩ = S(ρ_K) − S(ρ_0) − Σ_j β_j ω_j ⟨N_j⟩ (nats).</param>
/// <param name="ExponentialAverage">⟨e^{−Σ}⟩: 1 when ρ_S(0) has full rank, below 1 otherwise (absolute irreversibility).</param>
/// <param name="MeanCounts">⟨N_j⟩ per bath (quanta given up; 0 for none).</param>
/// <param name="FinalState">ρ_S(K), the unconditional state.</param>
public sealed record EntropyProductionStatistics(double Mean, double ExponentialAverage, IReadOnlyList<double> MeanCounts, DensityMatrix FinalState);
