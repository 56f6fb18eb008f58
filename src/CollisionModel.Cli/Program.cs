using System.CommandLine;

namespace CollisionModel.Cli;

/// <summary>Entry point of the <c>collision</c> tool; the commands live one per file under Commands/.</summary>
public static class Program
{
    /// <summary>Parses the arguments and runs the command; returns the process exit code (0 ok, 1 internal, 2 bad input).</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("collision — open quantum systems in the collision-model picture (Vedral, entanglement production).");
        return root.Parse(args).Invoke();
    }
}
