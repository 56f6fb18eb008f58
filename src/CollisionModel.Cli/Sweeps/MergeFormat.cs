namespace CollisionModel.Cli.Sweeps;

/// <summary>The output formats of <c>collision merge</c>.</summary>
public enum MergeFormat
{
    /// <summary>The shard lines sorted by point (the default; the same bytes whatever the shard count).</summary>
    Jsonl,

    /// <summary>One row per point: point, parameters, scalar result fields, error.</summary>
    Csv,

    /// <summary>The CSV table as an Apache Parquet file (pandas, polars, DuckDB read it directly).</summary>
    Parquet,
}
