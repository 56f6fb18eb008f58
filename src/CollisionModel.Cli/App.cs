using System.CommandLine;
using System.CommandLine.Help;
using CollisionModel.Cli.Commands;
using CollisionModel.Cli.Parsing;
using CollisionModel.Validation;

namespace CollisionModel.Cli;

/// <summary>
/// The tool without process globals: parses <c>args</c>, runs the command and maps every outcome to an exit code
/// (0 success, 1 internal failure, 2 bad input). All text goes to the given writers, so tests run it in-process
/// and concurrently.
/// </summary>
public static class App
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of an internal failure (a bug, or NaN reaching the output).</summary>
    public const int InternalError = 1;

    /// <summary>Exit code of bad input: unknown command/option, malformed or out-of-range value, invalid input file.</summary>
    public const int BadInput = 2;

    /// <summary>The most lines an error message may take on standard error (the contract: at most three).</summary>
    public const int MaxErrorLines = 3;

    /// <summary>Runs the tool on <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliServices? services = null, bool errorIsTerminal = false)
        => Run(args, new CliEnvironment(stdout, stderr, errorIsTerminal, services ?? new CliServices()));

    /// <summary>Runs the tool on <paramref name="args"/> in <paramref name="environment"/> (writers, stdin, table width); returns the exit code.</summary>
    public static int Run(string[] args, CliEnvironment environment) => Run(null, args, environment);

    /// <summary>
    /// Runs <paramref name="args"/> on <paramref name="root"/>, a tree <see cref="CreateRoot"/> built for this same
    /// <paramref name="environment"/> (null: build it now). A caller making many requests keeps one tree and its
    /// environment per thread (the Python package's library does): building the eleven commands costs more than
    /// parsing a request. Returns the exit code.
    /// </summary>
    public static int Run(RootCommand? root, string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var stdout = environment.Out;
        var stderr = environment.Error;
        try
        {
            root ??= CreateRoot(environment);
            // No response files: an argument starting with '@' is a value, never a file to expand.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                string command = parse.CommandResult.Command is RootCommand ? "" : " " + parse.CommandResult.Command.Name;
                // "Unrecognized …" names the offending token; "Required command was not provided" only follows from it.
                var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
                return Fail(stderr, BadInput, $"{error.Message}\nRun 'collision{command} --help' for the options.");
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                // No Ctrl-C handler: registering one is process-global state; atomic output keeps interrupted runs safe.
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e)
        {
            return Report(stderr, Unwrap(e));
        }
    }

    /// <summary>The root command with every subcommand; <c>--help</c> and <c>--version</c> come with it.</summary>
    public static RootCommand CreateRoot(CliEnvironment environment)
    {
        var root = new RootCommand(
            "collision — open quantum systems in the collision-model picture: entropy and entanglement production " +
            "(V. Vedral, 'Entanglement production in non-equilibrium thermodynamics'). Units: nats.");
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new VersionAction();
        root.Subcommands.Add(SimulateCommand.Create(environment));
        root.Subcommands.Add(MasterCommand.Create(environment));
        root.Subcommands.Add(ConvergeCommand.Create(environment));
        root.Subcommands.Add(ReeCommand.Create(environment));
        root.Subcommands.Add(PaperCommand.Create(environment));
        root.Subcommands.Add(ConjectureCommand.Create(environment));
        root.Subcommands.Add(SweepCommand.Create(environment));
        root.Subcommands.Add(MergeCommand.Create(environment));
        root.Subcommands.Add(CountingCommand.Create(environment));
        root.Subcommands.Add(TrajectoriesCommand.Create(environment));
        root.Subcommands.Add(NonMarkovianityCommand.Create(environment));
        return root;
    }

    private static int Report(TextWriter stderr, Exception e) => e switch
    {
        CliInputException => Fail(stderr, BadInput, e.Message),
        QuantumInputException q => Fail(stderr, BadInput, WithoutParameterSuffix(q)),
        InvariantViolationException v => Fail(stderr, InternalError, v.Message + "\nThe run stopped rather than report an impossible number; please report the command."),
        OperationCanceledException => Fail(stderr, InternalError, "interrupted."),
        _ when e.Message.StartsWith("internal error", StringComparison.Ordinal) => Fail(stderr, InternalError, e.Message),
        _ => Fail(stderr, InternalError, $"internal error ({e.GetType().Name}): {e.Message}"),
    };

    /// <summary>
    /// The library's message without the " (Parameter 'x')" that <see cref="ArgumentException.Message"/> appends: the
    /// library names its C# parameter, which means nothing on the command line (the message already names the setting).
    /// </summary>
    private static string WithoutParameterSuffix(ArgumentException e)
    {
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
        while (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        return e;
    }

    /// <summary>Writes "collision: error: …" in at most <see cref="MaxErrorLines"/> lines and returns <paramref name="code"/>.</summary>
    internal static int Fail(TextWriter stderr, int code, string message)
    {
        var lines = message.Replace("\r", "", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(MaxErrorLines).ToList();
        if (lines.Count == 0) lines.Add("unknown error.");
        lines[0] = "collision: error: " + lines[0];
        foreach (string line in lines) stderr.Write(line + "\n");
        stderr.Flush();
        return code;
    }
}
