using System.CommandLine;
using System.Globalization;

namespace CollisionModel.Cli.Parsing;

/// <summary>A comma-separated list of finite real numbers (e.g. <c>--s -0.5,0,0.5</c>), parsed with the invariant culture.</summary>
public static class RealListOption
{
    /// <summary>The option; absent means the command's own default.</summary>
    public static Option<IReadOnlyList<double>> Create(string name, string description)
    {
        var option = new Option<IReadOnlyList<double>>(name) { Description = description, HelpName = "X1,X2,…" };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            var values = new List<double>();
            foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
                {
                    result.AddError(part.Length == 0 ? $"{name}: empty entry in '{text}'; expected numbers separated by commas."
                        : $"{name}: '{part}' is not a finite number.");
                    return null;
                }
                values.Add(x);
            }
            return values;
        };
        return option;
    }
}
