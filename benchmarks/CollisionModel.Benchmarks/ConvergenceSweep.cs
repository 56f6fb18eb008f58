using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CollisionModel.Channels;
using CollisionModel.Measures;
using CollisionModel.Studies;

namespace CollisionModel.Benchmarks;

/// <summary>
/// Stopwatch sweep behind the convergence plot of docs/performance.md: for k = 10¹ … 10¹² collisions on the paper's
/// dephasing setup (η = 1, t = 1), the time to form the k-collision state by channel powers (O(log k)) and step by step
/// (O(k), up to <c>maxStepByStep</c>), and each state's trace distance to the master-equation state at t. The whole
/// <c>ConvergenceStudy.Run</c> table is timed too. JSON lines on stdout.
/// Usage: <c>dotnet run -c Release --project benchmarks/CollisionModel.Benchmarks -- convergence-sweep [maxStepByStep]</c>.
/// </summary>
public static class ConvergenceSweep
{
    /// <summary>Runs the sweep; <paramref name="args"/>[0] is the largest k done step by step (default 10⁶).</summary>
    public static void Run(string[] args)
    {
        long maxStepByStep = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var model = Models.PaperModels.Dephasing(1, 0, 0.7071067811865476);
        var master = model.Limit.Evolve(model.InitialState, 1);
        var initial = model.InitialState;
        var ks = new List<long>();
        for (long k = 10; k <= ConvergenceStudy.MaxSteps; k *= 10) ks.Add(k);
        foreach (long k in ks)
        {
            var step = CollisionStepChannel.Build(model.Protocol, 1.0 / k);
            var (powerSeconds, powerState) = Time(() => step.Power(k).Apply(initial), k < 1000 ? 200 : 50);
            var record = new Dictionary<string, object>
            {
                ["bench"] = "convergence_sweep",
                ["impl"] = "ours",
                ["k"] = k,
                ["power_s"] = powerSeconds,
                ["power_trace_distance"] = TraceDistance.Compute(powerState, master),
            };
            if (k <= maxStepByStep)
            {
                var (stepSeconds, stepState) = Time(() =>
                {
                    var rho = initial.ToMatrix();
                    for (long j = 0; j < k; j++) rho += step.ApplyDeviation(rho);
                    return rho;
                }, k <= 10_000 ? 20 : 1);
                record["step_by_step_s"] = stepSeconds;
                record["step_by_step_trace_distance"] = TraceDistance.OfHermitianDifference(stepState - master.ToMatrix(), 1e-6);
            }
            Console.WriteLine(JsonSerializer.Serialize(record));
        }
        var table = ks.ToArray();
        ConvergenceStudy.Run(model, 1, table); // warm-up (JIT)
        var samples = new List<double>();
        for (int r = 0; r < 7; r++)
        {
            var sw = Stopwatch.StartNew();
            ConvergenceStudy.Run(model, 1, table);
            samples.Add(sw.Elapsed.TotalSeconds);
        }
        samples.Sort();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["bench"] = "convergence_table",
            ["impl"] = "ours",
            ["unit"] = "s",
            ["k_max"] = table[^1],
            ["min"] = samples[0],
            ["median"] = samples[samples.Count / 2],
            ["max"] = samples[^1],
        }));
    }

    // Median seconds of `repeats` calls (after one warm-up call) and the last result.
    private static (double Seconds, T Result) Time<T>(Func<T> work, int repeats)
    {
        T result = work();
        var samples = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            result = work();
            samples[r] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(samples);
        return (samples[repeats / 2], result);
    }
}
