namespace CollisionModel.Cli.Sweeps;

/// <summary>What one run of a shard did.</summary>
/// <param name="Shard">The shard.</param>
/// <param name="Owned">Points the shard owns.</param>
/// <param name="AlreadyDone">Points found in its file (skipped).</param>
/// <param name="Computed">Points run now.</param>
/// <param name="Errors">Of those, points recorded with "error".</param>
/// <param name="DroppedTornLine">Whether a torn last line was cut off and redone.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="Path">The shard file.</param>
public sealed record SweepSummary(ShardId Shard, long Owned, long AlreadyDone, long Computed, long Errors, bool DroppedTornLine,
    double Seconds, string Path)
{
    /// <summary>One line for standard error.</summary>
    public override string ToString() =>
        $"shard {Shard.Index} of {Shard.Count}: {Owned} points, {AlreadyDone} already done{(DroppedTornLine ? " (a torn last line was redone)" : "")}, " +
        $"{Computed} computed ({Errors} with errors) in {Seconds:F1} s → {Path}";
}
