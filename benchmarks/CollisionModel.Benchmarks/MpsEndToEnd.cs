using System.Diagnostics;
using CollisionModel.Engines;

namespace CollisionModel.Benchmarks;

/// <summary>
/// A stopwatch harness for the mps targets (<c>-- mps-e2e [K]</c>): K booked collisions of the paper's decay and
/// dephasing with pure ancillas, the per-step cost at growing K, the fragment curves at the end, the memory per
/// kept ancilla. Prints one line per measurement.
/// </summary>
public static class MpsEndToEnd
{
    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int k = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        foreach (bool decay in new[] { true, false })
        {
            string name = decay ? "decay" : "dephasing";
            var engine = new MpsCollisionEngine(MpsSetups.Paper(decay, k));
            var total = Stopwatch.StartNew();
            var lap = Stopwatch.StartNew();
            int next = 1000, previous = 0;
            for (int i = 1; i <= k; i++)
            {
                engine.Advance();
                if (i == next)
                {
                    Console.WriteLine($"{name}: steps {previous + 1}…{i}: {lap.Elapsed.TotalMilliseconds * 1000 / (i - previous):F2} µs/step");
                    previous = i;
                    lap.Restart();
                    next *= 10;
                }
            }
            double steps = total.Elapsed.TotalSeconds;
            var f = Stopwatch.StartNew();
            var curves = engine.Fragments();
            double fragments = f.Elapsed.TotalSeconds;
            Console.WriteLine($"{name}: {k} booked collisions {steps:F2} s ({steps / k * 1e6:F2} µs/step), fragment curves {fragments:F2} s, " +
                $"total {steps + fragments:F2} s; max bond {engine.MaxBond}, {16.0 * engine.State.StoredAmplitudes / k:F0} B/ancilla, I(AB:oldest K/2) = {curves.Oldest[k / 2]:F6}");
        }
    }
}
