using System.Globalization;
using System.Numerics;

namespace CollisionModel.States;

/// <summary>
/// The few-digit text of the library's <c>ToString()</c> overrides (a state or result printed in a debugger or with
/// <c>Console.WriteLine</c>): 4 significant digits, invariant culture, long lists cut after <see cref="MaxEntries"/>.
/// For every digit, use the values themselves (or a result's <c>ToCsv()</c>/<c>ToJson()</c>).
/// </summary>
internal static class ReadableText
{
    /// <summary>Entries shown before "…".</summary>
    public const int MaxEntries = 8;

    /// <summary>A real number to 4 significant digits (∞ as ∞, NaN as NaN).</summary>
    public static string Number(double x) => x switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ => x.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>A nullable number, null as "null".</summary>
    public static string Number(double? x) => x is { } v ? Number(v) : "null";

    /// <summary>A complex number as re, imi, re+imi or re−imi to 4 significant digits.</summary>
    public static string Complex(Complex z)
    {
        if (z.Imaginary == 0) return Number(z.Real);
        string im = Number(Math.Abs(z.Imaginary)) + "i";
        if (z.Real == 0) return (z.Imaginary < 0 ? "−" : "") + im;
        return Number(z.Real) + (z.Imaginary < 0 ? "−" : "+") + im;
    }

    /// <summary>[a, b, …] of the first <see cref="MaxEntries"/> items, then "…" when there are more.</summary>
    public static string List<T>(IReadOnlyList<T> items, Func<T, string> format)
    {
        var shown = items.Take(MaxEntries).Select(format);
        return "[" + string.Join(", ", shown) + (items.Count > MaxEntries ? ", …" : "") + "]";
    }
}
