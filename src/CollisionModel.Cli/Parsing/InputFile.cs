namespace CollisionModel.Cli.Parsing;

/// <summary>
/// An input file named by an option (<c>--model-file</c>, <c>--rho</c>): refused with a <see cref="CliInputException"/>
/// naming the option and the file when it is a folder, missing, larger than its limit or unreadable.
/// </summary>
internal static class InputFile
{
    /// <summary>
    /// Checks <paramref name="path"/> and reads it with <paramref name="read"/> (e.g. <see cref="File.ReadAllBytes(string)"/>);
    /// an I/O failure of the read is reported like a failure of the checks.
    /// </summary>
    /// <param name="optionName">The option that names the file, first in every message.</param>
    /// <param name="path">The path as given.</param>
    /// <param name="kind">What the option expects, for the folder message ("JSON model file").</param>
    /// <param name="maxBytes">Files larger than this are refused unread.</param>
    /// <param name="tooLargeReason">The end of the too-large message after "is N bytes" (", more than …" or "; a 4×4 matrix …").</param>
    /// <param name="read">Reads the checked file.</param>
    public static T Read<T>(string optionName, string path, string kind, long maxBytes, string tooLargeReason, Func<string, T> read)
    {
        try
        {
            if (Directory.Exists(path)) throw new CliInputException($"{optionName}: '{path}' is a folder; give the path of a {kind}.");
            var info = new FileInfo(path);
            if (!info.Exists) throw new CliInputException($"{optionName}: file '{path}' does not exist.");
            if (info.Length > maxBytes) throw new CliInputException($"{optionName}: file '{path}' is {info.Length} bytes{tooLargeReason}");
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"{optionName}: cannot read '{path}': {FirstLine(e.Message)}");
        }
    }

    /// <summary>The first line of an exception's message (the rest is a stack-like detail no user needs).</summary>
    public static string FirstLine(string message)
    {
        int n = message.IndexOfAny(['\r', '\n']);
        return n < 0 ? message : message[..n];
    }
}
