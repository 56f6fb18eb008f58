using CollisionModel.Validation;

namespace CollisionModel.Models;

/// <summary>
/// A drive: a piecewise-linear factor f(t) ≥ 0 through the points (tᵢ, fᵢ) (t₀ = 0, strictly increasing), holding
/// the last value after the last time — for ever, or, with a <see cref="Period"/> T ≥ the last time, until T, after
/// which f(t) = f(t mod T). Step n of a protocol uses f(t_n), t_n = n·δt (dimensionless factor; times in the
/// protocol's time units). On a bath it scales the rate (rate → f·rate) or the fixed angle (angle → f·angle); on the
/// system it scales H_S → f·H_S for the whole step. Immutable and validated on construction.
/// </summary>
public sealed class Drive
{
    // A step time within this fraction of a period of a period boundary counts as on it: n·δt mod (M·δt) must give 0,
    // not M·δt − ulp, at every multiple of the period.
    private const double PeriodSnap = 1e-9;

    private readonly double[] _times;
    private readonly double[] _scale;

    /// <summary>Creates a drive; every failure names the setting ("times", "scale", "period").</summary>
    /// <param name="times">t₀ = 0 &lt; t₁ &lt; …, finite.</param>
    /// <param name="scale">f at each time, finite and ≥ 0; as many entries as <paramref name="times"/>.</param>
    /// <param name="period">Optional period T ≥ the last time and &gt; 0.</param>
    public Drive(IReadOnlyList<double> times, IReadOnlyList<double> scale, double? period = null)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(scale);
        if (times.Count == 0) throw new ParameterOutOfRangeException("A drive needs at least one point (times = [0], scale = [f]).", "times");
        if (scale.Count != times.Count)
            throw new DimensionMismatchException($"A drive needs one scale per time: {times.Count} time(s), {scale.Count} scale(s).", "scale");
        for (int i = 0; i < times.Count; i++)
        {
            Guard.Finite(times[i], "times");
            Guard.Finite(scale[i], "scale");
            if (scale[i] < 0) throw new ParameterOutOfRangeException($"A drive's factor must be ≥ 0, got scale[{i}] = {scale[i]:G6}.", "scale");
        }
        if (times[0] != 0) throw new ParameterOutOfRangeException($"A drive's times start at 0, got times[0] = {times[0]:G6}.", "times");
        for (int i = 1; i < times.Count; i++)
            if (!(times[i] > times[i - 1]))
                throw new ParameterOutOfRangeException($"A drive's times must increase strictly: times[{i}] = {times[i]:G6} follows {times[i - 1]:G6}.", "times");
        if (period is { } p)
        {
            Guard.Finite(p, "period");
            if (!(p > 0) || p < times[^1])
                throw new ParameterOutOfRangeException($"A drive's period must be > 0 and ≥ its last time {times[^1]:G6}, got {p:G6}.", "period");
        }
        _times = times.ToArray();
        _scale = scale.ToArray();
        Period = period;
    }

    /// <summary>The times tᵢ of the points (t₀ = 0).</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The factors fᵢ at <see cref="Times"/>.</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>The period T, or null for a drive that holds its last value for ever.</summary>
    public double? Period { get; }

    /// <summary>f(t) for t ≥ 0 (linear between the points, the last value after them, periodic with a period). O(log points).</summary>
    public double At(double time)
    {
        if (!(time >= 0)) throw new ParameterOutOfRangeException($"A drive is defined for t ≥ 0, got {time:G6}.", nameof(time));
        if (Period is { } period)
        {
            double cycles = time / period;
            double whole = Math.Round(cycles);
            time = Math.Abs(cycles - whole) <= PeriodSnap ? 0 : (cycles - Math.Floor(cycles)) * period;
        }
        if (time >= _times[^1]) return _scale[^1];
        int k = Array.BinarySearch(_times, time);
        if (k >= 0) return _scale[k];
        int upper = ~k, lower = upper - 1;
        double s = (time - _times[lower]) / (_times[upper] - _times[lower]);
        return _scale[lower] + s * (_scale[upper] - _scale[lower]);
    }

    /// <summary>f(t_n) of step n (0-based) of length δt: t_n = n·δt. O(log points).</summary>
    public double AtStep(int stepIndex, double timeStep) => At(stepIndex * timeStep);

    /// <summary>
    /// The number of steps M of length δt in one period (T = M·δt to 1e-9 relative); throws naming "period" when the
    /// drive has none or T is not a multiple of δt.
    /// </summary>
    public int StepsPerPeriod(double timeStep)
    {
        Guard.Finite(timeStep, nameof(timeStep));
        Guard.Positive(timeStep, nameof(timeStep));
        if (Period is not { } period) throw new ParameterOutOfRangeException("The drive has no period.", "period");
        double m = period / timeStep;
        double whole = Math.Round(m);
        if (whole < 1 || Math.Abs(m - whole) > PeriodSnap * Math.Max(1, m))
            throw new ParameterOutOfRangeException($"The drive's period {period:G6} is not a multiple of the step δt = {timeStep:G6} ({m:G9} steps).", "period");
        return (int)whole;
    }

    /// <summary>The least common number of steps after which every drive in <paramref name="drives"/> repeats (each must have a period that is a multiple of δt).</summary>
    public static int CommonStepsPerPeriod(IEnumerable<Drive> drives, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(drives);
        long steps = 1;
        foreach (var d in drives)
        {
            long m = d.StepsPerPeriod(timeStep);
            steps = checked(steps / Gcd(steps, m) * m);
            if (steps > int.MaxValue) throw new ParameterOutOfRangeException("The drives' common period has more than 2³¹ steps.", "period");
        }
        return (int)steps;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
