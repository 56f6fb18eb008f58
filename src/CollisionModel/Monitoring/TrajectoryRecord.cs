using CollisionModel.States;

namespace CollisionModel.Monitoring;

/// <summary>The statistics of N sampled trajectories after <paramref name="Step"/> steps.</summary>
/// <param name="Step">Steps done (0 … K).</param>
/// <param name="Time">Step·δt.</param>
/// <param name="MeanState">The average of the conditional states: an unbiased estimate of the unconditional ρ_S(t).</param>
/// <param name="MeanStateStandardError">The standard error of each entry of <see cref="MeanState"/>, column-major, as
/// (σ(Re), σ(Im)) pairs: the sample standard deviation over trajectories / √N (0 for N = 1).</param>
/// <param name="CountsMean">Per measured bath (in <see cref="TrajectoryStatistics.MeasuredBaths"/> order), the mean cumulative count.</param>
/// <param name="CountsVariance">Per measured bath, the sample variance of the count (N − 1 in the denominator; null for N = 1).</param>
/// <param name="CountsStandardError">Per measured bath, the standard error of <see cref="CountsMean"/> (null for N = 1).</param>
/// <param name="MeanConditionalEntropy">The average von Neumann entropy of the conditional states (nats).</param>
public sealed record TrajectoryRecord(int Step, double Time, DensityMatrix MeanState, IReadOnlyList<(double Re, double Im)> MeanStateStandardError,
    IReadOnlyList<double> CountsMean, IReadOnlyList<double?> CountsVariance, IReadOnlyList<double?> CountsStandardError, double MeanConditionalEntropy);
