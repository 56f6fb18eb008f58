namespace CollisionModel.Cli.Output;

/// <summary>The <c>--format</c> choices.</summary>
public enum OutputFormat
{
    /// <summary>A readable aligned table (Spectre.Console).</summary>
    Table,

    /// <summary>A header line, then one line per record, scalar fields only.</summary>
    Csv,

    /// <summary>One JSON document.</summary>
    Json,
}
