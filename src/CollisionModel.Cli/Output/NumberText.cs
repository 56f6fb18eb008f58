using System.Globalization;

namespace CollisionModel.Cli.Output;

/// <summary>Invariant-culture number formatting shared by the writers.</summary>
public static class NumberText
{
    /// <summary>The shortest text that parses back to the same double ("R"); ±∞ as <c>Infinity</c>/<c>-Infinity</c>.</summary>
    public static string RoundTrip(double value, string field)
    {
        if (double.IsNaN(value)) throw new NonFiniteOutputException(field);
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Six significant digits for tables (readable, not for re-parsing); ±∞ as <c>Infinity</c>.</summary>
    public static string Short(double value, string field)
    {
        if (double.IsNaN(value)) throw new NonFiniteOutputException(field);
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        return value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
