using Spectre.Console;

namespace CollisionModel.Cli.Progress;

/// <summary>
/// Runs a long computation and, when standard error is a terminal and <c>--quiet</c> is off, shows a Spectre.Console
/// progress bar on standard error once the run has lasted more than <see cref="ShowAfter"/>. The computation reports
/// the fraction done (0…1) through <see cref="IProgress{T}"/>; reports are cheap (one volatile store), so an engine
/// may report every step.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs shorter than this never show a bar (the contract: long runs are those over about a second).</summary>
    public static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="work"/>; exceptions propagate unchanged.</summary>
    public static T Run<T>(CliEnvironment environment, bool quiet, string label, Func<IProgress<double>, T> work)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(work);
        environment.Cancellation.ThrowIfCancellationRequested();
        var fraction = new LatestFraction(environment.Cancellation);
        if (quiet || !environment.ErrorIsTerminal) return work(fraction);

        var task = Task.Run(() => work(fraction));
        if (!task.Wait(ShowAfter))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Error) });
            console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var bar = ctx.AddTask(label, maxValue: 1.0);
                    while (!task.Wait(TimeSpan.FromMilliseconds(100))) bar.Value = fraction.Value;
                    bar.Value = 1.0;
                });
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Keeps the latest reported fraction, clamped to [0, 1]; NaN reports are ignored. Every report is also where a
    /// cancelled run stops: the engines report often (a few hundred times per run) and need no token of their own.
    /// </summary>
    private sealed class LatestFraction(CancellationToken cancellation) : IProgress<double>
    {
        private double _value;

        public double Value => Volatile.Read(ref _value);

        public void Report(double value)
        {
            cancellation.ThrowIfCancellationRequested();
            if (double.IsNaN(value)) return;
            Volatile.Write(ref _value, Math.Clamp(value, 0.0, 1.0));
        }
    }
}
