namespace CollisionModel.Cli.Output;

/// <summary>
/// A NaN reached an output writer. The physics layer must never produce one, so this is an internal failure
/// (exit code 1), never a bad-input error.
/// </summary>
public sealed class NonFiniteOutputException(string field)
    : InvalidOperationException($"internal error: field '{field}' is NaN; the engine produced an undefined number.")
{
    /// <summary>The dotted path of the offending field.</summary>
    public string Field { get; } = field;
}
