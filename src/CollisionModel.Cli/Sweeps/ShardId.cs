using System.Globalization;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Sweeps;

/// <summary>Shard I of N (0-based): it owns the points p with p mod N = I.</summary>
/// <param name="Index">I, 0 ≤ I &lt; N.</param>
/// <param name="Count">N ≥ 1.</param>
public sealed record ShardId(int Index, int Count)
{
    /// <summary>The environment variable a Slurm array task reads its index from.</summary>
    public const string ArrayTaskVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>Every point (shard 0 of 1).</summary>
    public static ShardId All { get; } = new(0, 1);

    /// <summary>Whether this shard owns point <paramref name="p"/>.</summary>
    public bool Owns(long p) => p % Count == Index;

    /// <summary>The shard's file name in the sweep folder.</summary>
    public string FileName => $"points-{Index}-of-{Count}.jsonl";

    /// <summary>Parses <c>I/N</c> (from <c>--shard</c>).</summary>
    public static ShardId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2 || !TryInt(parts[0], out int i) || !TryInt(parts[1], out int n))
            throw new CliInputException($"--shard: expected I/N (e.g. 0/4), got '{text}'.");
        return Checked(i, n, "--shard");
    }

    /// <summary>
    /// Shard I of <paramref name="count"/> with I from SLURM_ARRAY_TASK_ID (from <c>--shards N</c>). N never comes from
    /// SLURM_ARRAY_TASK_COUNT/_MIN/_MAX: those change when one task is resubmitted alone.
    /// </summary>
    public static ShardId FromArrayTask(int count, string? taskId)
    {
        if (count < 1) throw new CliInputException($"--shards: must be ≥ 1, got {count}.");
        if (string.IsNullOrWhiteSpace(taskId))
            throw new CliInputException($"--shards: {ArrayTaskVariable} is not set (submit with sbatch --array=0-{count - 1}, or use --shard I/N).");
        if (!TryInt(taskId, out int i))
            throw new CliInputException($"--shards: {ArrayTaskVariable}='{taskId}' is not a shard number.");
        return Checked(i, count, $"--shards ({ArrayTaskVariable})");
    }

    private static ShardId Checked(int i, int n, string where)
    {
        if (n < 1) throw new CliInputException($"{where}: the shard count must be ≥ 1, got {n}.");
        if (i < 0 || i >= n) throw new CliInputException($"{where}: shard {i} is outside 0 … {n - 1}.");
        return new ShardId(i, n);
    }

    private static bool TryInt(string s, out int value) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
