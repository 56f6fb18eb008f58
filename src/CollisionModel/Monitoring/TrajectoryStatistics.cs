namespace CollisionModel.Monitoring;

/// <summary>The result of <see cref="MonitoredTrajectories.Run"/>. Immutable.</summary>
/// <param name="Trajectories">N.</param>
/// <param name="Seed">The seed S; trajectory i draws from a stream fixed by (S, i) alone.</param>
/// <param name="MeasuredBaths">The measured baths' indices, ascending (the order of every per-bath array).</param>
/// <param name="Records">Step 0, every recorded step, step K.</param>
/// <param name="FinalCounts">Each trajectory's cumulative count per measured bath after K steps: [trajectory][bath].</param>
public sealed record TrajectoryStatistics(int Trajectories, long Seed, IReadOnlyList<int> MeasuredBaths, IReadOnlyList<TrajectoryRecord> Records,
    IReadOnlyList<IReadOnlyList<long>> FinalCounts);
