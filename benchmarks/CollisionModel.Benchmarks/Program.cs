using BenchmarkDotNet.Running;

namespace CollisionModel.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry: <c>dotnet run -c Release --project benchmarks/CollisionModel.Benchmarks -- --filter *</c>;
/// <c>-- explicit-e2e [ancillas] [repeats]</c> runs the stopwatch harness <see cref="ExplicitEndToEnd"/>
/// instead, <c>-- convergence-sweep [maxStepByStep]</c> the sweep <see cref="ConvergenceSweep"/>,
/// <c>-- mps-e2e [K]</c> the stopwatch harness <see cref="MpsEndToEnd"/>, <c>-- monitoring-e2e [K]</c> and <c>-- monitoring-trajectories N K M</c> the
/// stopwatch harnesses of <see cref="MonitoringEndToEnd"/>, <c>-- feedback-e2e [K] [delay…]</c> the stopwatch harness
/// <see cref="FeedbackEndToEnd"/>, <c>-- mps-memory-profile [K…]</c> the stopwatch profile <see cref="MpsMemoryProfile"/>.
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
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
