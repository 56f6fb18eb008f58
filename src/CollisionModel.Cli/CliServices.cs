using CollisionModel.Cli.Commands;

namespace CollisionModel.Cli;

/// <summary>
/// The physics engines the commands call (the seam between the tool and the library). The tool parses, validates and
/// formats; everything physical happens behind these interfaces. A command whose engine is null reports an internal
/// error (exit code 1) after validating its input.
/// </summary>
/// <param name="Simulate">Runs <c>simulate</c>.</param>
/// <param name="Master">Runs <c>master</c>.</param>
/// <param name="Converge">Runs <c>converge</c>.</param>
/// <param name="Ree">Computes E_R with its certificate for <c>ree</c>.</param>
/// <param name="Paper">Runs the claims of <c>paper</c>.</param>
/// <param name="Conjecture">Runs <c>conjecture</c>.</param>
/// <param name="Variables">Reads an environment variable (default: the process environment); <c>sweep --shards</c> reads
/// SLURM_ARRAY_TASK_ID through it.</param>
/// <param name="ModelFile">Runs <c>simulate --model-file</c> and <c>converge --model-file</c>.</param>
public sealed record CliServices(
    ISimulateRunner? Simulate = null,
    IMasterRunner? Master = null,
    IConvergeRunner? Converge = null,
    IReeSolver? Ree = null,
    IPaperRunner? Paper = null,
    IConjectureRunner? Conjecture = null,
    Func<string, string?>? Variables = null,
    IModelFileRunner? ModelFile = null)
{
    /// <summary>
    /// Writes <c>merge --format parquet</c>'s table (Parquet.Net). Null in the native library behind the Python package:
    /// Parquet.Net is not trimming-safe, so NativeAOT builds leave it out and that one format reports so.
    /// </summary>
    public Action<Sweeps.SweepTable, Stream>? ParquetWriter { get; init; }

    /// <summary>The value of environment variable <paramref name="name"/>, or null.</summary>
    public string? ReadVariable(string name) => (Variables ?? Environment.GetEnvironmentVariable)(name);
}

/// <summary>Where a command writes and what it may call; one instance per <see cref="App.Run(string[], TextWriter, TextWriter, CliServices, bool)"/> (no global console state).</summary>
/// <param name="Out">Standard output (documents only).</param>
/// <param name="Error">Standard error (messages, progress).</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (progress bars are shown only then).</param>
/// <param name="Services">The physics engines.</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, CliServices Services)
{
    /// <summary>The width tables on standard output fit: the terminal's when it is one, else 120 columns.</summary>
    public int TableWidth { get; init; } = Output.TableResultWriter.DefaultWidth;

    /// <summary>Standard input (for <c>--rho -</c>); the process's by default.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Whether standard input is a terminal (then <c>--rho -</c> would wait on the keyboard: say so).</summary>
    public bool InIsTerminal { get; init; }

    /// <summary>
    /// Stops a run from outside (the Python package's Ctrl-C): checked at every progress report of a long computation,
    /// which then ends with <see cref="OperationCanceledException"/>. None by default (the process's Ctrl-C ends it).
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
