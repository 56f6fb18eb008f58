using System.Diagnostics;
using System.Globalization;

namespace CollisionModel.Benchmarks;

/// <summary>
/// A stopwatch harness for the feedback target (<c>-- feedback-e2e [K] [delay…]</c>, default K = 10⁴, delay 100):
/// K booked steps of the atom–mirror model (<see cref="FeedbackSetups"/>) per delay, printing wall and process CPU
/// per step (the CPU is the number to read on a loaded machine), the largest bond, the truncation error (the sum
/// over all splits, so also the largest value any record reports) and the rounding-level weight the rank detection
/// dropped.
/// </summary>
public static class FeedbackEndToEnd
{
    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int k = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int[] delays = args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100];
        var process = Process.GetCurrentProcess();
        foreach (int delay in delays)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var (engine, check) = FeedbackSetups.Run(delay, k);
            double seconds = wall.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"delay {delay}, K {k}: wall {seconds:F2} s ({seconds / k * 1e6:F1} µs/step), CPU {cpuSeconds:F2} s ({cpuSeconds / k * 1e6:F1} µs/step); " +
                $"max bond {engine.MaxBond}, truncation_error {engine.TruncationError:G3}, rounding weight {engine.State.RoundingDiscardedWeight:G3}, check {check:F6}"));
        }
    }
}
