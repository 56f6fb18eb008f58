using System.Diagnostics;
using System.Globalization;
using CollisionModel.Monitoring;

namespace CollisionModel.Benchmarks;

/// <summary>
/// A stopwatch harness for the monitoring targets (<c>-- monitoring-e2e [K]</c>): exact counting of the resonant
/// machine's hot quanta after K steps (default 10⁵) by the default method, checked against the count-resolved
/// propagation (the independent method, forced) to the largest absolute difference in P(n); θ(s) at 100 values;
/// 1000 trajectories of the fluorescence model with 1000 records, on 1 and 2 threads. One line per measurement.
/// </summary>
public static class MonitoringEndToEnd
{
    /// <summary>Runs the harness.</summary>
    public static void Run(string[] args)
    {
        int k = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var machine = MonitoringModels.Machine();
        foreach (double dt in new[] { 0.05, 1e-4 })
        {
            var (auto, autoSeconds) = Time(() => FullCountingStatistics.Compute(machine.Protocol, machine.Measurements, machine.InitialState, dt, k, CountSelection.Single(0), k));
            var (reference, referenceSeconds) = Time(() => FullCountingStatistics.Compute(machine.Protocol, machine.Measurements, machine.InitialState, dt, k,
                CountSelection.Single(0), k, method: CountingMethod.Propagation));
            long lo = Math.Min(auto.MinValue, reference.MinValue), hi = Math.Max(auto.MinValue + auto.Probabilities.Count, reference.MinValue + reference.Probabilities.Count);
            double worst = 0;
            for (long n = lo; n < hi; n++) worst = Math.Max(worst, Math.Abs(auto.ProbabilityOf(n) - reference.ProbabilityOf(n)));
            Console.WriteLine(FormattableString.Invariant(
                $"counting K={k} dt={dt}: {auto.Method} {autoSeconds:F3} s ({auto.Probabilities.Count} values, 1 − ΣP = {1 - auto.Probabilities.Sum():E2}); ") +
                FormattableString.Invariant(
                $"propagation {referenceSeconds:F3} s ({reference.Probabilities.Count} values, 1 − ΣP = {1 - reference.Probabilities.Sum():E2}); max |ΔP| = {worst:E2}"));
        }
        var map = CountResolvedMap.ForStep(MonitoredStep.Of(machine.Protocol, machine.Measurements, 0, 0.05), CountSelection.Single(0));
        var s = Enumerable.Range(0, 100).Select(i => -1.0 + 2.5 * i / 99).ToArray();
        ScaledCumulantGeneratingFunction.Theta(map, s);
        var (_, thetaSeconds) = Time(() => ScaledCumulantGeneratingFunction.Theta(map, s));
        Console.WriteLine(FormattableString.Invariant($"theta: 100 values of s in {thetaSeconds * 1e3:F2} ms"));

        var fluorescence = MonitoringModels.Fluorescence();
        foreach (var (steps, every) in new[] { (1000, 1), (10_000, 10) })
            foreach (int threads in new[] { 1, 2 })
            {
                var (result, seconds) = Time(() => MonitoredTrajectories.Run(fluorescence.Protocol, fluorescence.Measurements, fluorescence.InitialState,
                    10.0 / steps, steps, 1000, 1, every, threads));
                Console.WriteLine(FormattableString.Invariant(
                    $"trajectories: 1000 × {steps} steps (δt = {10.0 / steps}, 1001 records), {threads} thread(s): {seconds:F3} s; ") +
                    FormattableString.Invariant($"counts at T = 10: {result.Records[^1].CountsMean[0]:F3} ± {result.Records[^1].CountsStandardError[0]:F3}"));
            }
    }

    /// <summary>
    /// <c>-- monitoring-trajectories N K M</c>: the in-process wall time of N trajectories of the fluorescence model over
    /// K steps to T = 10, a record every M, on 1 and 2 threads (each the second of two runs, so the JIT is warm), as one
    /// JSON line (what benchmarks/peers/monitoring_mcsolve.py sets beside QuTiP's mcsolve call).
    /// </summary>
    public static void RunTrajectories(string[] args)
    {
        int n = int.Parse(args[0], CultureInfo.InvariantCulture), k = int.Parse(args[1], CultureInfo.InvariantCulture), every = int.Parse(args[2], CultureInfo.InvariantCulture);
        var model = MonitoringModels.Fluorescence();
        var seconds = new Dictionary<int, double>();
        foreach (int threads in new[] { 1, 2 })
            for (int repeat = 0; repeat < 2; repeat++)
                seconds[threads] = Time(() => MonitoredTrajectories.Run(model.Protocol, model.Measurements, model.InitialState, 10.0 / k, k, n, 1, every, threads)).Seconds;
        Console.WriteLine(FormattableString.Invariant($"{{\"in_process_s_1_thread\": {seconds[1]:R}, \"in_process_s_2_threads\": {seconds[2]:R}}}"));
    }

    private static (T Result, double Seconds) Time<T>(Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        return (result, watch.Elapsed.TotalSeconds);
    }
}
