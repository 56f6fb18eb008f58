using CollisionModel.Cli.Output;
using CollisionModel.Cli.Progress;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The shared last step of every engine-backed command: run the engine under the progress display, wrap its records
/// in a document with the command's parameters and conventions, and emit it in the requested format.
/// </summary>
internal static class EngineCommand
{
    /// <summary>Runs <paramref name="run"/> and writes its document; returns exit code 0 (errors surface as exceptions).</summary>
    public static int Execute(CliEnvironment environment, CommonOptions common, string command,
        IEnumerable<(string Name, ResultValue Value)> parameters,
        Func<IProgress<double>, (IReadOnlyList<ResultRecord> Records, ResultRecord Extras)> run,
        IReadOnlyList<string?>? bathNames = null)
    {
        var (records, extras) = ProgressDisplay.Run(environment, common.Quiet, command, run);
        var document = new ResultDocument(command, Conventions.Text,
            ResultRecord.Of([.. parameters, .. common.ToParameters()]), records, extras)
        { BathNames = bathNames };
        document = document with { Notes = DocumentNotes.For(document) };
        ResultOutput.Emit(document, common.Format, common.OutputPath, environment.Out, environment.TableWidth);
        return 0;
    }
}
