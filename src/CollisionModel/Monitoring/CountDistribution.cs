namespace CollisionModel.Monitoring;

/// <summary>
/// The exact distribution P(n) of a count after K steps with its cumulants and the mean and variance after every
/// recorded step. Immutable.
/// </summary>
public sealed class CountDistribution
{
    private readonly double[] _probabilities;

    internal CountDistribution(long minValue, double[] probabilities, IReadOnlyList<CountingRecord> records)
    {
        MinValue = minValue;
        _probabilities = probabilities;
        Records = records;
        double mean = 0;
        for (int i = 0; i < probabilities.Length; i++) mean += (minValue + i) * probabilities[i];
        double m2 = 0, m3 = 0, m4 = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double x = minValue + i - mean, p = probabilities[i];
            m2 += x * x * p;
            m3 += x * x * x * p;
            m4 += x * x * x * x * p;
        }
        Cumulants = [mean, m2, m3, m4 - 3 * m2 * m2];
    }

    /// <summary>The least count listed; <see cref="Probabilities"/>[i] is P(MinValue + i).</summary>
    public long MinValue { get; }

    /// <summary>The counts n, ascending, one per probability.</summary>
    public IReadOnlyList<long> Values => Enumerable.Range(0, _probabilities.Length).Select(i => MinValue + i).ToArray();

    /// <summary>P(n) for every listed n (sum 1 to rounding).</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>P(n), 0 outside the listed range.</summary>
    public double ProbabilityOf(long n) => n < MinValue || n >= MinValue + _probabilities.Length ? 0 : _probabilities[n - MinValue];

    /// <summary>[κ1, κ2, κ3, κ4] of N: mean, variance, third central moment, fourth central moment − 3·variance².</summary>
    public IReadOnlyList<double> Cumulants { get; }

    /// <summary>The mean and variance at step 0, every recorded step, and step K.</summary>
    public IReadOnlyList<CountingRecord> Records { get; }
}
