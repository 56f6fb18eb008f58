using System.Diagnostics;
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;

namespace CollisionModel.Benchmarks;

/// <summary>
/// A stopwatch profile of <see cref="MpsMemoryBenchmarks"/>' runs (<c>-- mps-memory-profile [K…]</c>): per K, with and
/// without memory, the time of the K steps, of the mixed-ancilla whole-E entropies at the last step (recomputed once
/// on the final state), and of both fragment curves there. Prints one line per run.
/// </summary>
public static class MpsMemoryProfile
{
    /// <summary>Runs the profile.</summary>
    public static void Run(string[] args)
    {
        int[] ks = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [6, 7, 8];
        foreach (int k in ks)
            foreach (bool memory in new[] { false, true })
            {
                var engine = new MpsCollisionEngine(MpsMemoryBenchmarks.Options(k, memory, fragments: false));
                var steps = Stopwatch.StartNew();
                double last = 0;
                for (int i = 0; i < k; i++)
                {
                    var lap = Stopwatch.StartNew();
                    engine.Advance();
                    last = lap.Elapsed.TotalSeconds;
                }
                double all = steps.Elapsed.TotalSeconds;
                var w = Stopwatch.StartNew();
                var e = MixedWholeEnvironment.Entropies(engine.State, memory);
                double whole = w.Elapsed.TotalSeconds;
                var f = Stopwatch.StartNew();
                engine.Fragments();
                double fragments = f.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"K = {k}, memory {memory}: {k} steps {all:F3} s (last step {last:F3} s, of which whole-E {whole:F3} s), both fragment curves at K {fragments:F3} s; S_E = {e.E:F12}, bond {engine.MaxBond}"));
            }
    }
}
