using CollisionModel.Validation;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// Runs a library call whose range errors belong to particular command-line options and prefixes their message with
/// those options, so the library decides what is out of range (the CLI holds no physics) and the message still names
/// what the user typed.
/// </summary>
internal static class OptionErrors
{
    /// <summary>The value of <paramref name="call"/>; a <see cref="ParameterOutOfRangeException"/> from it is rethrown as "{options}: {message}".</summary>
    public static T Named<T>(string options, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (ParameterOutOfRangeException e)
        {
            // ArgumentException appends " (Parameter 'name')", a C# parameter name the user never typed.
            string message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw new ParameterOutOfRangeException($"{options}: {message}");
        }
    }
}
