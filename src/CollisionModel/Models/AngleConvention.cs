namespace CollisionModel.Models;

/// <summary>
/// How the paper's two models turn their rates and the time step δt into a collision angle θ (<see cref="BathCollision.WithDephasingRate"/>, <see cref="BathCollision.WithDecayRate"/>).
/// Both laws have θ²/δt → the model's rate as δt → 0, so they share the Lindblad limit.
/// </summary>
public enum AngleConvention
{
    /// <summary>The paper's small-angle choice: dephasing 1 − cos θ = η δt; decay θ = √((γ+κ) δt). First order in δt.</summary>
    Paper,

    /// <summary>Exact at every k: dephasing 1 − cos θ = 1 − e^{−η δt}; decay sin²θ = 1 − e^{−(γ+κ) δt}. Matches the master equation at every k.</summary>
    Exact,
}
