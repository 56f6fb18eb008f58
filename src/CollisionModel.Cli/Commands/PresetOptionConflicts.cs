using System.CommandLine;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// <c>--model-file</c> describes the whole model, so the options that build a preset (<c>--model</c>, <c>--a</c>, the
/// rates, <c>--environment</c>, <c>--angle</c>) cannot accompany it: giving both is bad input naming them.
/// </summary>
internal static class PresetOptionConflicts
{
    /// <summary>Throws <see cref="CliInputException"/> when any of <paramref name="presetOptions"/> was given explicitly.</summary>
    public static void Refuse(ParseResult parse, IEnumerable<Option> presetOptions)
    {
        var given = presetOptions.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (given.Count > 0)
            throw new CliInputException(
                $"{ModelFileInput.OptionName} describes the whole model and cannot be combined with {string.Join(", ", given)}; " +
                "drop them (or drop --model-file to run a preset).");
    }
}
