using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Benchmarks;

/// <summary>
/// Stopwatch harness (not BenchmarkDotNet: one 8 GiB run is one sample) for the explicit pure-ancilla dephasing run
/// end to end — engine construction (allocation of the final capacity) plus K collisions with the bookkeeping — and,
/// in the same process, the machine's copy-kernel memory bandwidth, so the per-step cost can be put against it.
/// Prints one JSON object per line on stdout (read by benchmarks/peers/compare_table.py).
/// Usage: <c>dotnet run -c Release --project benchmarks/CollisionModel.Benchmarks -- explicit-e2e [ancillas] [repeats]</c>.
/// </summary>
public static class ExplicitEndToEnd
{
    /// <summary>Runs the harness: copy bandwidth, then <paramref name="args"/>[0] ancillas (default 27), [1] repeats (default 3).</summary>
    public static void Run(string[] args)
    {
        int ancillas = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 27;
        int repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        CopyBandwidth(512, 5);
        for (int r = 0; r < repeats; r++)
        {
            ExplicitRun(ancillas);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    // GB/s of bytes moved (read + write, like benchmarks/floor) by Span.CopyTo between two pre-touched buffers,
    // on one core and on every core (each core copying its own slice).
    private static void CopyBandwidth(int mib, int repeats)
    {
        long bytes = (long)mib << 20;
        var src = new byte[bytes];
        var dst = new byte[bytes];
        new Span<byte>(src).Fill(1);
        new Span<byte>(dst).Fill(2);
        foreach (int threads in new[] { 1, Environment.ProcessorCount })
        {
            var samples = new List<double>();
            for (int r = 0; r < repeats; r++)
            {
                var sw = Stopwatch.StartNew();
                long per = bytes / threads;
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                {
                    int start = checked((int)(t * per));
                    new ReadOnlySpan<byte>(src, start, (int)per).CopyTo(new Span<byte>(dst, start, (int)per));
                });
                samples.Add(2.0 * bytes / sw.Elapsed.TotalSeconds / 1e9);
            }
            Emit(new Dictionary<string, object>
            {
                ["bench"] = "memory_copy",
                ["impl"] = "ours_dotnet",
                ["threads"] = threads,
                ["buffer_mib"] = mib,
                ["unit"] = "GB/s moved",
                ["min"] = samples.Min(),
                ["median"] = Median(samples),
                ["max"] = samples.Max(),
            });
        }
    }

    private static void ExplicitRun(int ancillas)
    {
        double dt = 0.01;
        var model = PaperModels.Dephasing(1, 0, Math.Sqrt(0.5), AngleConvention.Paper);
        var options = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(dt, ancillas),
        };
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var engine = new ExplicitCollisionEngine(options);
        double construct = total.Elapsed.TotalSeconds;
        var perStep = new List<double>();
        var cumulative = new List<double>();
        var cpuPerStep = new List<double>();
        for (int j = 0; j < ancillas; j++)
        {
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            engine.Advance();
            perStep.Add(sw.Elapsed.TotalSeconds);
            cumulative.Add(total.Elapsed.TotalSeconds);
            process.Refresh();
            cpuPerStep.Add((process.TotalProcessorTime - c0).TotalSeconds);
        }
        double seconds = total.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
        double last = perStep[^1];
        long newAmplitudes = 1L << (ancillas + 2);
        // Least traffic of the last step: read the old half once, write the whole new state.
        double movedBytes = 1.5 * 16 * newAmplitudes;
        Emit(new Dictionary<string, object>
        {
            ["bench"] = "explicit_dephasing",
            ["impl"] = "ours",
            ["variant"] = "ExplicitCollisionEngine",
            ["ancillas"] = ancillas,
            ["qubits"] = ancillas + 2,
            ["stop"] = "done",
            ["budget_s"] = 0,
            ["total_s"] = seconds,
            ["cpu_total_s"] = cpuSeconds,
            ["construct_s"] = construct,
            ["per_step_s"] = perStep,
            ["cpu_per_step_s"] = cpuPerStep,
            ["cumulative_s"] = cumulative,
            ["last_step_s"] = last,
            ["last_step_GBps_moved"] = movedBytes / last / 1e9,
            ["state_GiB"] = 16.0 * newAmplitudes / (1L << 30),
            ["check"] = new Dictionary<string, double>
            {
                ["S_AB"] = engine.Current.EntropyAB,
                ["S_AB_expected"] = ExpectedSab(ancillas, 1 - dt),
            },
        });
    }

    // S_AB after n pure-ancilla dephasing collisions of (|00⟩ + |11⟩)/√2 with coherence factor cos^n θ (docs/conventions.md §5).
    private static double ExpectedSab(int n, double cosTheta)
    {
        double c = Math.Pow(cosTheta, n);
        double disc = Math.Sqrt(Math.Max(0, 1 - (1 - c * c)));
        double s = 0;
        foreach (double x in new[] { (1 + disc) / 2, (1 - disc) / 2 })
            if (x > 0) s -= x * Math.Log(x);
        return s;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private static void Emit(Dictionary<string, object> record) =>
        Console.WriteLine(JsonSerializer.Serialize(record));
}
