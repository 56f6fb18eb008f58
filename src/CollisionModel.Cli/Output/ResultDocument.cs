namespace CollisionModel.Cli.Output;

/// <summary>
/// What one command run produces, independent of the output format: the command name, the conventions in words, every
/// option's value, the records (one per row) and any top-level fields (e.g. <c>sudden_death_time</c>).
/// </summary>
/// <param name="Command">The command name (<c>simulate</c>, <c>master</c>, …).</param>
/// <param name="Conventions">The rate and basis conventions in words.</param>
/// <param name="Parameters">Every option's value, in option order.</param>
/// <param name="Records">The rows.</param>
/// <param name="Extras">Top-level fields written after <c>records</c>.</param>
public sealed record ResultDocument(
    string Command,
    string Conventions,
    ResultRecord Parameters,
    IReadOnlyList<ResultRecord> Records,
    ResultRecord Extras)
{
    /// <summary>An optional human-readable title (JSON <c>title</c> after <c>command</c>; the table's heading).</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Sentences for a human reader printed under the table (e.g. why a value is ∞ or null). Table format only: JSON
    /// and CSV carry the values, and docs/cli.md the explanations.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The baths' names in bath order (null entries for unnamed baths), for the per-bath columns <c>heat_&lt;name&gt;</c>
    /// of CSV and tables; null when the run has no named baths (the columns then carry the bath's index).
    /// </summary>
    public IReadOnlyList<string?>? BathNames { get; init; }
}
