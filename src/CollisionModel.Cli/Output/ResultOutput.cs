using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Output;

/// <summary>Sends a finished document to standard output or, atomically, to the <c>--output</c> file.</summary>
public static class ResultOutput
{
    /// <summary>The writer for a <c>--format</c> choice.</summary>
    public static IResultWriter WriterFor(OutputFormat format, int tableWidth = TableResultWriter.DefaultWidth) => format switch
    {
        OutputFormat.Json => new JsonResultWriter(),
        OutputFormat.Csv => new CsvResultWriter(),
        _ => new TableResultWriter(tableWidth),
    };

    /// <summary>
    /// Renders the whole document first (so a NaN aborts before anything is written), then writes it to
    /// <paramref name="outputPath"/> atomically, or to <paramref name="stdout"/> when no path is given, or hands it unrendered to standard output when that is an
    /// <see cref="IDocumentSink"/> (an in-process caller that wants the values, not their text). Tables fit
    /// <paramref name="terminalWidth"/> on standard output and <see cref="TableResultWriter.DefaultWidth"/> in a file.
    /// </summary>
    public static void Emit(ResultDocument document, OutputFormat format, string? outputPath, TextWriter stdout,
        int terminalWidth = TableResultWriter.DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (outputPath is null && stdout is IDocumentSink sink)
        {
            sink.Accept(document);
            return;
        }
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriterFor(format, outputPath is null ? terminalWidth : TableResultWriter.DefaultWidth).Write(document, text);
        if (outputPath is null) stdout.Write(text.ToString());
        else AtomicFile.WriteAllText(outputPath, text.ToString());
    }

    /// <summary>
    /// Checks, before any work is done, that <paramref name="outputPath"/> can be created: its folder exists and the
    /// path is not a folder. Throws <see cref="CliInputException"/> naming <paramref name="optionName"/> otherwise.
    /// </summary>
    public static void ValidateTarget(string? outputPath, string optionName = "--output")
    {
        if (outputPath is null) return;
        string full;
        try
        {
            full = Path.GetFullPath(outputPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliInputException($"{optionName}: '{outputPath}' is not a valid path.");
        }
        if (Directory.Exists(full)) throw new CliInputException($"{optionName}: '{outputPath}' is a folder; give a file name.");
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder)) throw new CliInputException($"{optionName}: folder '{folder}' does not exist.");
    }
}
