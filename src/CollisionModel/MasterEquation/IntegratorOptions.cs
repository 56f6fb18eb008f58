using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Settings of the adaptive Dormand–Prince 5(4) integrator. A step is accepted when the RMS over the D² entries
/// of |error_i| / (AbsoluteTolerance + RelativeTolerance · max(|y_i|, |y_i′|)) is ≤ 1.
/// </summary>
/// <param name="AbsoluteTolerance">Absolute local error tolerance per entry of ρ (default 1e-10).</param>
/// <param name="RelativeTolerance">Relative local error tolerance per entry of ρ (default 1e-8).</param>
/// <param name="InitialStep">First trial step; null picks one from the derivative's size.</param>
/// <param name="MaxStep">Largest step allowed; null = unbounded (steps still end on every output time).</param>
/// <param name="MaxSteps">Limit on attempted steps over the whole run (default 10⁶); exceeded → exception.</param>
public sealed record IntegratorOptions(double AbsoluteTolerance = 1e-10, double RelativeTolerance = 1e-8,
    double? InitialStep = null, double? MaxStep = null, int MaxSteps = 1_000_000)
{
    /// <summary>Throws <see cref="ParameterOutOfRangeException"/> for a non-positive tolerance, step or limit.</summary>
    public void Validate()
    {
        Guard.Positive(AbsoluteTolerance, nameof(AbsoluteTolerance));
        Guard.NonNegative(RelativeTolerance, nameof(RelativeTolerance));
        if (InitialStep is double h0) Guard.Positive(h0, nameof(InitialStep));
        if (MaxStep is double hm) Guard.Positive(hm, nameof(MaxStep));
        if (MaxSteps < 1) throw new ParameterOutOfRangeException($"MaxSteps must be ≥ 1, got {MaxSteps}.", nameof(MaxSteps));
    }
}
