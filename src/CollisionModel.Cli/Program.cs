using System.Text;

namespace CollisionModel.Cli;

/// <summary>Process entry point of the <c>collision</c> tool: wires the console and the engines into <see cref="App.Run"/>.</summary>
public static class Program
{
    /// <summary>Runs the tool; returns the exit code (0 ok, 1 internal failure, 2 bad input).</summary>
    public static int Main(string[] args)
    {
        // Greek letters and ∞ in help, tables and JSON: UTF-8 everywhere. Console.Error itself (not a wrapper) lets
        // Spectre.Console recognise a terminal for the progress bar.
        Console.OutputEncoding = new UTF8Encoding(false);
        int code = App.Run(args, Console.Out, Console.Error, Engines.Create(), errorIsTerminal: !Console.IsErrorRedirected);
        Console.Out.Flush();
        return code;
    }
}
