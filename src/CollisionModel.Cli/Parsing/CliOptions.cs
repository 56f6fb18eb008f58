using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CollisionModel.Cli.Parsing;

/// <summary>
/// Factories for the tool's typed options. Every value is parsed with the invariant culture by our own parsers, so the
/// error message names the option, the offending text and the reason (System.CommandLine's generic messages do not).
/// </summary>
public static class CliOptions
{
    /// <summary>The largest step count any command accepts (10¹², converge's closed-form power of the step map).</summary>
    public const long MaxSteps = 1_000_000_000_000L;

    /// <summary>The largest step count of a command that performs every collision one by one (2³¹ − 1, an int).</summary>
    public const long MaxPerformedSteps = int.MaxValue;

    /// <summary>A finite real number in [<paramref name="min"/>, <paramref name="max"/>] (bounds optional; <paramref name="minExclusive"/> makes the lower bound strict).</summary>
    public static Option<double> FiniteDouble(string name, string description, double defaultValue,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false, string helpName = "X")
    {
        return Parsed(name, description, helpName, defaultValue, (result, text) =>
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
                return Fail<double>(result, $"{name}: '{text}' is not a number.");
            if (!double.IsFinite(x))
                return Fail<double>(result, $"{name}: must be a finite number, got '{text}'.");
            if (minExclusive ? x <= min : x < min)
                return Fail<double>(result, $"{name}: must be {(minExclusive ? ">" : "≥")} {Show(min)}, got {text}.");
            if (x > max)
                return Fail<double>(result, $"{name}: must be ≤ {Show(max)}, got {text}.");
            return x;
        });
    }

    /// <summary>A rate: finite and ≥ 0 (docs/conventions.md).</summary>
    public static Option<double> Rate(string name, string description, double defaultValue) =>
        FiniteDouble(name, description, defaultValue, min: 0, helpName: "RATE");

    /// <summary><c>--time</c>: the run's final time T, finite and &gt; 0.</summary>
    public static Option<double> EndTime(string description, double defaultValue = 1) =>
        FiniteDouble("--time", description, defaultValue, min: 0, minExclusive: true, helpName: "T");

    /// <summary><c>--steps</c> of a command that performs every collision: K in [1, <see cref="MaxPerformedSteps"/>], δt = T/K.</summary>
    public static Option<long> PerformedSteps() =>
        Integer("--steps", "Number of steps K ≥ 1; δt = T/K.", 100, 1, MaxPerformedSteps, "K");

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; scientific notation of an integer (1e6) is accepted.</summary>
    public static Option<long> Integer(string name, string description, long defaultValue, long min, long max, string helpName = "N")
    {
        return Parsed(name, description, helpName, defaultValue, (result, text) =>
        {
            if (!TryParseInteger(text, out long k, out string why)) return Fail<long>(result, $"{name}: '{text}' {why}.");
            if (k < min || k > max) return Fail<long>(result, $"{name}: {RangeText(min, max)}, got {text}.");
            return k;
        });
    }

    /// <summary>
    /// A comma-separated list of integers, each in [<paramref name="min"/>, <paramref name="max"/>]. The default is shown
    /// in help in the same comma syntax (System.CommandLine would print it with '|'), so the option has no default
    /// factory: read it with <see cref="ListOrDefault"/>.
    /// </summary>
    public static Option<IReadOnlyList<long>> IntegerList(string name, string description, long[] defaultValue, long min, long max)
    {
        var option = new Option<IReadOnlyList<long>>(name)
        {
            Description = $"{description} [default: {string.Join(',', defaultValue)}]",
            HelpName = "K1,K2,…",
        };
        option.CustomParser = result =>
        {
            string text = SingleToken(result);
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            var values = new List<long>(parts.Length);
            foreach (string part in parts)
            {
                if (part.Length == 0) return Fail<IReadOnlyList<long>>(result, $"{name}: empty entry in '{text}'; expected integers separated by commas.");
                if (!TryParseInteger(part, out long k, out string why)) return Fail<IReadOnlyList<long>>(result, $"{name}: '{part}' {why}.");
                if (k < min || k > max) return Fail<IReadOnlyList<long>>(result, $"{name}: each entry {RangeText(min, max)}, got {part}.");
                values.Add(k);
            }
            return values;
        };
        return option;
    }

    /// <summary>
    /// One of a fixed set of words (case-insensitive), mapped to <typeparamref name="T"/>. The default is shown in
    /// help as the word (System.CommandLine would print the enum member's name).
    /// </summary>
    public static ChoiceOption<T> Choice<T>(string name, string description, T defaultValue, params (string Word, T Value)[] choices)
        where T : struct
    {
        string words = string.Join('|', choices.Select(c => c.Word));
        string defaultWord = choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, defaultValue)).Word;
        var option = new Option<T>(name)
        {
            Description = $"{description} [default: {defaultWord}]",
            HelpName = words,
        };
        option.CustomParser = result =>
        {
            string text = SingleToken(result);
            foreach (var (word, value) in choices)
                if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase)) return value;
            return Fail<T>(result, $"{name}: '{text}' is not one of {words}.");
        };
        return new ChoiceOption<T>(option, defaultValue);
    }

    /// <summary>A non-empty path (existence is checked by the command that uses it).</summary>
    public static Option<string> Path(string name, string description, string? defaultValue, string helpName = "FILE")
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result =>
        {
            string text = SingleToken(result);
            if (string.IsNullOrWhiteSpace(text)) return Fail<string>(result, $"{name}: the path is empty.");
            if (text.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || text.Contains('\0'))
                return Fail<string>(result, $"{name}: '{text}' is not a valid path.");
            return text;
        };
        return option;
    }

    /// <summary>The list given, or <paramref name="defaultValue"/> when the option is absent.</summary>
    public static IReadOnlyList<long> ListOrDefault(ParseResult parse, Option<IReadOnlyList<long>> option, IReadOnlyList<long> defaultValue)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(option) ?? defaultValue;
    }

    /// <summary>
    /// "must lie in [min, max]", or "must be ≥ min" when max is only the type's limit (a number like
    /// 9223372036854775807 tells the reader nothing).
    /// </summary>
    internal static string RangeText(long min, long max) =>
        max == long.MaxValue ? $"must be ≥ {min}" : $"must lie in [{min}, {max}]";

    /// <summary>The value with its default substituted, or the empty string for a path option without one.</summary>
    public static string ValueOrEmpty(ParseResult parse, Option<string> option) => parse.GetValue(option) ?? "";

    /// <summary>An option with a default whose single token <paramref name="parse"/> reads (failing through <see cref="Fail{T}"/>).</summary>
    private static Option<T> Parsed<T>(string name, string description, string helpName, T defaultValue, Func<ArgumentResult, string, T> parse)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result => parse(result, SingleToken(result));
        return option;
    }

    private static string SingleToken(ArgumentResult result) =>
        result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));

    private static T? Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    private static bool TryParseInteger(string text, out long value, out string why)
    {
        why = "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        // Accept 1e6, 2.5e3 when the value is an exact integer within range.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x))
        {
            if (x != Math.Floor(x)) { why = "is not an integer"; return false; }
            if (Math.Abs(x) > 9.0e18) { why = "is too large"; return false; }
            value = (long)x;
            return true;
        }
        why = "is not an integer";
        return false;
    }

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
