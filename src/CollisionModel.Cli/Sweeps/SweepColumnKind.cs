namespace CollisionModel.Cli.Sweeps;

/// <summary>The type a merged column is written with in Parquet (every column may hold nulls).</summary>
public enum SweepColumnKind
{
    /// <summary>Every value is an integer (JSON number without fraction or exponent): int64.</summary>
    Integer,

    /// <summary>Every value is a number or ±"Infinity": double.</summary>
    Number,

    /// <summary>Every value is true or false: boolean.</summary>
    Boolean,

    /// <summary>Anything else: UTF-8 text (strings as they are, arrays and objects as compact JSON).</summary>
    Text,
}
