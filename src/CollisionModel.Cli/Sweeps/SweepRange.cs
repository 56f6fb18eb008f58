namespace CollisionModel.Cli.Sweeps;

/// <summary>A random axis: the option drawn uniformly in [Low, High], or log-uniformly (then 0 &lt; Low).</summary>
/// <param name="Name">Option name without dashes.</param>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end (≥ Low).</param>
/// <param name="Logarithmic">Uniform in ln x instead of x.</param>
public sealed record SweepRange(string Name, double Low, double High, bool Logarithmic)
{
    /// <summary>The value at u ∈ [0, 1): Low + u(High − Low), or Low·(High/Low)^u; never outside [Low, High].</summary>
    public double At(double u)
    {
        double x = Logarithmic ? Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))) : Low + u * (High - Low);
        return Math.Clamp(x, Low, High);
    }
}
