using System.CommandLine;

namespace CollisionModel.Cli.Parsing;

/// <summary>A word-valued option and its default (see <see cref="CliOptions.Choice{T}"/>).</summary>
/// <typeparam name="T">The enum the words map to.</typeparam>
/// <param name="Option">The System.CommandLine option to add to a command.</param>
/// <param name="Default">The value when the option is absent.</param>
public sealed record ChoiceOption<T>(Option<T> Option, T Default) where T : struct
{
    /// <summary>The parsed value, or <see cref="Default"/> when the option was not given.</summary>
    public T Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetResult(Option) is null ? Default : parse.GetValue(Option);
    }
}
