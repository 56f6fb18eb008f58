using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Protocols;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Monitoring;

/// <summary>
/// Exact full counting statistics: P(n) of N = Σ_j w_j N_j after K steps, by propagating the count-resolved
/// unnormalised states ρ_n (ρ_n ← Σ_m Φ_m ρ_{n−m} each step, Φ_m from <see cref="CountResolvedMap.ForStep"/> of the
/// step's own unitaries), P(n) = tr ρ_n. No sampling. Counts whose trace falls below <see cref="PruneBelow"/> at either
/// end of the support are dropped (their total weight is bounded by the sum of those traces). Cost per step
/// O(|support| · |terms| · d_S⁴); the support grows by at most (max − min count per step) each step.
/// </summary>
public static class FullCountingStatistics
{
    /// <summary>The trace below which an end of the support is dropped (far below any printable probability).</summary>
    public const double PruneBelow = 1e-300;

    /// <summary>
    /// The distribution after <paramref name="steps"/> steps of length δt from ρ_S(0), with records every
    /// <paramref name="recordEvery"/> steps (step 0 and K always). Throws a <see cref="QuantumInputException"/>
    /// naming the key for a protocol that cannot be monitored (<see cref="MonitoredStep.CheckMonitorable"/>) or a
    /// counted bath that is not measured.
    /// </summary>
    public static CountDistribution Compute(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, DensityMatrix initialState,
        double timeStep, int steps, CountSelection selection, int recordEvery = 1, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        ArgumentNullException.ThrowIfNull(selection);
        MonitoredStep.CheckMonitorable(protocol, measurements);
        selection.CheckAgainst(measurements);
        Guard.Positive(timeStep, nameof(timeStep));
        if (steps < 1) throw new ParameterOutOfRangeException($"the number of steps must be ≥ 1, got {steps}.", "steps");
        if (recordEvery < 1) throw new ParameterOutOfRangeException($"the record interval must be ≥ 1, got {recordEvery}.", "record-every");
        int d = protocol.SystemDimension;
        Guard.Dimension(initialState.ToMatrix(), d, "state");
        int d2 = d * d;

        long lo = 0;
        var states = new List<Complex[]> { initialState.ColumnMajor.ToArray() };
        var records = new List<CountingRecord> { new(0, 0, 0, 0) };
        CountResolvedMap? fixedMap = protocol.IsTimeDependent ? null : CountResolvedMap.ForStep(MonitoredStep.Of(protocol, measurements, 0, timeStep), selection);
        for (int n = 0; n < steps; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            var map = fixedMap ?? CountResolvedMap.ForStep(MonitoredStep.Of(protocol, measurements, n, timeStep), selection);
            var terms = map.Terms.Select(t => t.ToColumnMajorArray()).ToArray();
            var next = new List<Complex[]>(states.Count + terms.Length - 1);
            for (int i = 0; i < states.Count + terms.Length - 1; i++) next.Add(new Complex[d2]);
            for (int c = 0; c < states.Count; c++)
                for (int m = 0; m < terms.Length; m++) SmallMatrixKernels.MultiplyAddVector(terms[m], states[c], next[c + m], d2);
            lo += map.MinCount;
            int first = 0, last = next.Count - 1;
            while (first < last && Trace(next[first], d) < PruneBelow) first++;
            while (last > first && Trace(next[last], d) < PruneBelow) last--;
            lo += first;
            states = next.GetRange(first, last - first + 1);
            if ((n + 1) % recordEvery == 0 || n + 1 == steps)
            {
                var (mean, variance) = MeanVariance(states, lo, d);
                records.Add(new CountingRecord(n + 1, (n + 1) * timeStep, mean, variance));
            }
            progress?.Report((n + 1) / (double)steps);
        }
        var probabilities = states.Select(s => Math.Max(0, Trace(s, d))).ToArray();
        return new CountDistribution(lo, probabilities, records);
    }

    private static double Trace(Complex[] rho, int d) => SmallMatrixKernels.Trace(rho, d).Real;

    private static (double Mean, double Variance) MeanVariance(List<Complex[]> states, long lo, int d)
    {
        double mean = 0;
        for (int i = 0; i < states.Count; i++) mean += (lo + i) * Trace(states[i], d);
        double variance = 0;
        for (int i = 0; i < states.Count; i++)
        {
            double x = lo + i - mean;
            variance += x * x * Trace(states[i], d);
        }
        return (mean, variance);
    }
}
