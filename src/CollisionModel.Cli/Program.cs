using System.Text;

namespace CollisionModel.Cli;

/// <summary>Process entry point of the <c>collision</c> tool: wires the console and the engines into <see cref="App.Run(string[], TextWriter, TextWriter, CliServices, bool)"/>.</summary>
public static class Program
{
    /// <summary>Runs the tool; returns the exit code (0 ok, 1 internal failure, 2 bad input).</summary>
    public static int Main(string[] args)
    {
        // Greek letters and ∞ in help, tables and JSON: UTF-8 everywhere. Console.Error itself (not a wrapper) lets
        // Spectre.Console recognise a terminal for the progress bar.
        Console.OutputEncoding = new UTF8Encoding(false);
        var environment = new CliEnvironment(Console.Out, Console.Error, !Console.IsErrorRedirected, Engines.Create())
        {
            TableWidth = TerminalWidth(),
            In = Console.In,
            InIsTerminal = !Console.IsInputRedirected,
        };
        int code = App.Run(args, environment);
        Console.Out.Flush();
        return code;
    }

    /// <summary>The terminal's width when standard output is one, else 120 columns (files and pipes).</summary>
    private static int TerminalWidth()
    {
        if (Console.IsOutputRedirected) return Output.TableResultWriter.DefaultWidth;
        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : Output.TableResultWriter.DefaultWidth;
        }
        catch (IOException)
        {
            return Output.TableResultWriter.DefaultWidth;
        }
    }
}
