namespace CollisionModel.Cli.Parsing;

/// <summary>
/// Bad input found by the tool itself (an option combination, an unreadable file): exit code 2. The message names the
/// option or value and why it was rejected, in at most three lines.
/// </summary>
public sealed class CliInputException(string message) : Exception(message);
