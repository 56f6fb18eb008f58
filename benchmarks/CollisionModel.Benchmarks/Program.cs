using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CollisionModel.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry: <c>dotnet run -c Release --project benchmarks/CollisionModel.Benchmarks -- --filter *</c>;
/// <c>-- explicit-e2e [ancillas] [repeats]</c> runs the stopwatch harness <see cref="ExplicitEndToEnd"/>
/// instead, <c>-- convergence-sweep [maxStepByStep]</c> the sweep <see cref="ConvergenceSweep"/>,
/// <c>-- mps-e2e [K]</c> the stopwatch harness <see cref="MpsEndToEnd"/>, <c>-- monitoring-e2e [K]</c> and <c>-- monitoring-trajectories N K M</c> the
/// stopwatch harnesses of <see cref="MonitoringEndToEnd"/>, <c>-- feedback-e2e [K] [delay…]</c> the stopwatch harness
/// <see cref="FeedbackEndToEnd"/>, <c>-- mps-memory-profile [K…]</c> the stopwatch profile <see cref="MpsMemoryProfile"/>. <c>--inProcess</c> runs each class's own job (its <c>[SimpleJob]</c>) in this
/// process rather than adding BenchmarkDotNet's default job next to it (<see cref="InProcessConfig"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "explicit-e2e")
        {
            ExplicitEndToEnd.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "mps-e2e")
        {
            MpsEndToEnd.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "monitoring-trajectories")
        {
            MonitoringEndToEnd.RunTrajectories(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "monitoring-e2e")
        {
            MonitoringEndToEnd.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "mps-memory-profile")
        {
            MpsMemoryProfile.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "feedback-e2e")
        {
            FeedbackEndToEnd.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "convergence-sweep")
        {
            ConvergenceSweep.Run(args[1..]);
            return;
        }
        var (rest, config) = InProcessConfig(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
    }

    /// <summary>
    /// BenchmarkDotNet's own <c>--inProcess</c> adds a job of its own to every class, so a class with a
    /// <c>[SimpleJob]</c> attribute ran twice, the second time with the default job's many iterations (at delay 300 of
    /// FeedbackDelayBenchmarks it aborted). Here the flag is taken off the command line and becomes a mutator job:
    /// it only sets the in-process toolchain on the jobs the classes (or the rest of the command line) define, and on
    /// the default job of a class that defines none.
    /// </summary>
    public static (string[] Args, IConfig? Config) InProcessConfig(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Where(a => !string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (rest.Length == args.Length) return (args, null);
        var inProcess = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator();
        return (rest, DefaultConfig.Instance.AddJob(inProcess));
    }
}
