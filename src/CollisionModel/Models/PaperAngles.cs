using CollisionModel.Numerics;
using CollisionModel.Validation;

namespace CollisionModel.Models;

/// <summary>
/// The angle laws θ(δt) of the paper's two collisions (rates in inverse time units, δt in time units), handed to
/// <see cref="BathCollision.WithRate(MathNet.Numerics.LinearAlgebra.Matrix{System.Numerics.Complex}, double, Func{double, double}, string)"/>
/// by <see cref="PaperModels"/>; <see cref="BathCollision.AngleFor"/> is then the only caller. Computed without
/// cancellation, so rate·δt = 1e-12 keeps full relative precision. O(1).
/// </summary>
public static class PaperAngles
{
    /// <summary>
    /// The dephasing angle for coherence decay rate η ≥ 0 and step δt &gt; 0: <see cref="AngleConvention.Paper"/>
    /// 1 − cos θ = η δt, <see cref="AngleConvention.Exact"/> 1 − cos θ = 1 − e^{−η δt} (θ²/δt → 2η). Computed from
    /// 1 − cos θ = 2 sin²(θ/2) without ever forming 1 − η δt. The paper's law needs η δt ≤ 2 (an overlap ≥ −1);
    /// beyond it throws <see cref="ParameterOutOfRangeException"/> naming the time step.
    /// </summary>
    public static double Dephasing(double eta, double timeStep, AngleConvention convention)
    {
        Guard.NonNegative(eta, nameof(eta));
        Guard.Positive(timeStep, nameof(timeStep));
        double oneMinusCos = convention == AngleConvention.Paper ? eta * timeStep : -ScalarExpm1.Compute(-eta * timeStep);
        if (oneMinusCos > 2)
            throw new ParameterOutOfRangeException(
                $"η δt = {eta * timeStep:G6} > 2: the paper's overlap 1 − η δt leaves [−1, 1]; use more steps.", nameof(timeStep));
        return 2 * Math.Asin(Math.Sqrt(oneMinusCos / 2));
    }

    /// <summary>
    /// The decay (partial-swap) angle for the total rate γ + κ ≥ 0 and step δt &gt; 0: <see cref="AngleConvention.Paper"/>
    /// θ = √((γ+κ) δt), <see cref="AngleConvention.Exact"/> sin²θ = 1 − e^{−(γ+κ) δt}.
    /// </summary>
    public static double Decay(double totalRate, double timeStep, AngleConvention convention)
    {
        Guard.NonNegative(totalRate, nameof(totalRate));
        Guard.Positive(timeStep, nameof(timeStep));
        double g = totalRate * timeStep;
        return convention == AngleConvention.Exact ? Math.Asin(Math.Sqrt(-ScalarExpm1.Compute(-g))) : Math.Sqrt(g);
    }
}
