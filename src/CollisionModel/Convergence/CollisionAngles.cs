using CollisionModel.Validation;

namespace CollisionModel.Convergence;

/// <summary>How the collision angle θ is tied to the step length δt.</summary>
public enum AngleConvention
{
    /// <summary>The paper's small-angle choice: dephasing cos θ = 1 − ηδt; partial swap θ = √((γ+κ)δt). First order in 1/k.</summary>
    Paper,

    /// <summary>The exact choice: dephasing cos θ = e^{−ηδt}; partial swap cos²θ = e^{−(γ+κ)δt}. Matches the master equation at every k.</summary>
    Exact,
}

/// <summary>
/// Collision angles computed without forming 1 − tiny: θ comes from sin(θ/2) or sin θ, so a step of
/// rate·δt = 1e-12 still gives cos θ − 1 to full relative precision.
/// </summary>
public static class CollisionAngles
{
    /// <summary>
    /// Dephasing angle for overlap ⟨a|b⟩ = cos θ: paper 1 − cos θ = ηδt; exact 1 − cos θ = 1 − e^{−ηδt}.
    /// Uses 1 − cos θ = 2 sin²(θ/2). The paper's choice needs ηδt ≤ 2 (an overlap ≥ −1).
    /// </summary>
    public static double Dephasing(double eta, double dt, AngleConvention convention)
    {
        Guard.NonNegative(eta, nameof(eta));
        Guard.Positive(dt, nameof(dt));
        double oneMinusCos = convention == AngleConvention.Paper ? eta * dt : -Expm1(-eta * dt);
        if (oneMinusCos > 2)
            throw new ParameterOutOfRangeException(
                $"The paper's overlap 1 − η·δt = {1 - oneMinusCos:G6} is below −1: use more steps (η·δt must be ≤ 2).", nameof(dt));
        return 2 * Math.Asin(Math.Sqrt(oneMinusCos / 2));
    }

    /// <summary>Partial-swap angle: paper θ = √((γ+κ)δt); exact sin²θ = 1 − e^{−(γ+κ)δt}.</summary>
    public static double PartialSwap(double gamma, double kappa, double dt, AngleConvention convention)
    {
        Guard.NonNegative(gamma, nameof(gamma));
        Guard.NonNegative(kappa, nameof(kappa));
        Guard.Positive(dt, nameof(dt));
        double rate = gamma + kappa;
        return convention == AngleConvention.Paper
            ? Math.Sqrt(rate * dt)
            : Math.Asin(Math.Sqrt(-Expm1(-rate * dt)));
    }

    /// <summary>e^x − 1 without cancellation for small |x|.</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) < 1e-5) return x + x * x / 2 + x * x * x / 6;
        if (Math.Abs(x) < 0.5)
        {
            // e^x − 1 = 2 tanh(x/2) / (1 − tanh(x/2)): no cancellation.
            double t = Math.Tanh(x / 2);
            return 2 * t / (1 - t);
        }
        return Math.Exp(x) - 1;
    }
}
