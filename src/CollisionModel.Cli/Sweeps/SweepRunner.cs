using System.Collections.Concurrent;
using System.Diagnostics;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// Runs one shard of a sweep: records the spec in the folder, skips the points already in the shard's file and runs
/// the others in parallel (one in-process run per point, up to <see cref="Environment.ProcessorCount"/> at once),
/// appending each line as its point finishes. Lines are in completion order; <see cref="SweepMerger"/> sorts them.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs shard <paramref name="shard"/> of <paramref name="spec"/> into <paramref name="folder"/>.</summary>
    public static SweepSummary Run(SweepSpec spec, string folder, ShardId shard, CliServices services, int? parallelism = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(services);
        var clock = Stopwatch.StartNew();
        SweepFolder.Prepare(folder, spec);
        using var file = ShardFile.Open(folder, shard, spec);
        long owned = spec.PointCount <= shard.Index ? 0 : (spec.PointCount - 1 - shard.Index) / shard.Count + 1;
        var todo = new List<long>();
        for (long p = shard.Index; p < spec.PointCount; p += shard.Count)
            if (!file.Done.Contains(p)) todo.Add(p);

        var runner = new PointRunner(spec, services);
        long errors = 0, computed = 0;
        Exception? failure = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount };
        // No buffering: each worker takes the next point when it is free, so one slow point does not hold back a chunk.
        Parallel.ForEach(Partitioner.Create(todo, EnumerablePartitionerOptions.NoBuffering), options, (p, state) =>
        {
            if (Volatile.Read(ref failure) is not null) { state.Stop(); return; }
            try
            {
                var (line, isError) = runner.Run(spec.PointAt(p));
                file.Append(line);
                Interlocked.Increment(ref computed);
                if (isError) Interlocked.Increment(ref errors);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                state.Stop();
            }
        });
        if (failure is not null) throw failure;
        return new SweepSummary(shard, owned, file.Done.Count, computed, errors, file.DroppedTornLine, clock.Elapsed.TotalSeconds, file.Path);
    }
}
