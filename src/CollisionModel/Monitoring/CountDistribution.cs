namespace CollisionModel.Monitoring;

/// <summary>
/// The exact distribution P(n) of a count after K steps with its cumulants and the mean and variance after every
/// recorded step. Immutable.
/// </summary>
public sealed class CountDistribution
{
    private readonly double[] _probabilities;

    internal CountDistribution(long minValue, double[] probabilities, IReadOnlyList<CountingRecord> records, double[] cumulants, CountingMethod method, double traceDefect)
    {
        MinValue = minValue;
        _probabilities = probabilities;
        Records = records;
        Cumulants = cumulants;
        Method = method;
        TraceDefect = traceDefect;
    }

    /// <summary>How P(n) was obtained (the records' mean and variance come from the exact moment propagation either way).</summary>
    public CountingMethod Method { get; }

    /// <summary>
    /// 1 − Σ_n P(n) before the probabilities were divided by their sum: the rounding of trace preservation accumulated
    /// over K steps (~1e-16 per step) plus, for <see cref="CountingMethod.Spectral"/>, the tails outside the window.
    /// </summary>
    public double TraceDefect { get; }

    /// <summary>The least count listed; <see cref="Probabilities"/>[i] is P(MinValue + i).</summary>
    public long MinValue { get; }

    /// <summary>The counts n, ascending, one per probability.</summary>
    public IReadOnlyList<long> Values => Enumerable.Range(0, _probabilities.Length).Select(i => MinValue + i).ToArray();

    /// <summary>P(n) for every listed n (sum 1 to rounding).</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>P(n), 0 outside the listed range.</summary>
    public double ProbabilityOf(long n) => n < MinValue || n >= MinValue + _probabilities.Length ? 0 : _probabilities[n - MinValue];

    /// <summary>
    /// [κ1, κ2, κ3, κ4] of N (mean, variance, third central moment, fourth central moment − 3·variance²), from the exact
    /// moment propagation, not from the listed P(n) (so the same for both methods, and unaffected by pruned tails).
    /// </summary>
    public IReadOnlyList<double> Cumulants { get; }

    /// <summary>The mean and variance at step 0, every recorded step, and step K.</summary>
    public IReadOnlyList<CountingRecord> Records { get; }
}
