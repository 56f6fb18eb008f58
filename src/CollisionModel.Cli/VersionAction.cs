using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace CollisionModel.Cli;

/// <summary>
/// <c>--version</c>: prints the tool's own version (System.CommandLine's default reads the entry assembly, which is
/// the test host when the tool runs in-process).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the tool without the source-revision suffix.</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(App).Assembly;
            string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(Version + "\n");
        return 0;
    }
}
