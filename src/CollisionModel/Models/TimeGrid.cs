using CollisionModel.Validation;

namespace CollisionModel.Models;

/// <summary>
/// The uniform time grid of a collision run, and the one owner of δt: K steps of length δt = T/K, step n starting at
/// t_n = n·δt (time units, ħ = 1). Every engine, the convergence study and the CLI take δt and t_n from here, so the
/// same K and T give bit-identical step times everywhere. O(1) per query; an immutable value.
/// </summary>
public readonly record struct TimeGrid
{
    private TimeGrid(long steps, double timeStep)
    {
        Steps = steps;
        TimeStep = timeStep;
    }

    /// <summary>The number of steps K ≥ 1.</summary>
    public long Steps { get; }

    /// <summary>The step length δt &gt; 0.</summary>
    public double TimeStep { get; }

    /// <summary>K·δt, the time at the grid's end (equal to T up to the rounding of T/K).</summary>
    public double EndTime => TimeAt(Steps);

    /// <summary>
    /// The grid of <paramref name="steps"/> steps over the total time <paramref name="endTime"/>: δt = T/K.
    /// Throws <see cref="ParameterOutOfRangeException"/> unless T is finite and &gt; 0, K ≥ 1 and δt &gt; 0.
    /// </summary>
    public static TimeGrid Over(double endTime, long steps)
    {
        Guard.Finite(endTime, "time");
        Guard.Positive(endTime, "time");
        if (steps < 1) throw new ParameterOutOfRangeException($"The number of steps must be ≥ 1, got {steps}.", "steps");
        return OfStep(endTime / steps, steps);
    }

    /// <summary>
    /// The grid of <paramref name="steps"/> steps of length <paramref name="timeStep"/> (for callers that fix δt rather
    /// than T). Throws <see cref="ParameterOutOfRangeException"/> unless δt is finite and &gt; 0 and K ≥ 1.
    /// </summary>
    public static TimeGrid OfStep(double timeStep, long steps)
    {
        Guard.Finite(timeStep, "time_step");
        Guard.Positive(timeStep, "time_step");
        if (steps < 1) throw new ParameterOutOfRangeException($"The number of steps must be ≥ 1, got {steps}.", "steps");
        return new TimeGrid(steps, timeStep);
    }

    /// <summary>t_n = n·δt, the time after n steps (the start of step n); n ≥ 0, not bounded by K (a record may run past it).</summary>
    public double TimeAt(long n) => n * TimeStep;
}
