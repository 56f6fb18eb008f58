namespace CollisionModel.Cli;

/// <summary>Process entry point of the <c>collision</c> tool: wires the console and the engines into <see cref="App.Run"/>.</summary>
public static class Program
{
    /// <summary>Runs the tool; returns the exit code (0 ok, 1 internal failure, 2 bad input).</summary>
    public static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        try
        {
            return App.Run(args, stdout, stderr, Engines.Create(), errorIsTerminal: !Console.IsErrorRedirected);
        }
        finally
        {
            stdout.Flush();
        }
    }
}
