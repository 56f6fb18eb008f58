namespace CollisionModel.Collisions;

/// <summary>How a preset turns rates and the time step δt into a collision angle θ (shared/physics.md §5).</summary>
public enum AngleConvention
{
    /// <summary>The paper's small-angle choice: dephasing cos θ = 1 − η δt; partial swap θ = √((γ+κ) δt). First order in δt.</summary>
    Paper,

    /// <summary>Exact at every k: dephasing cos θ = e^{−η δt}; partial swap cos²θ = e^{−(γ+κ) δt}.</summary>
    Exact,
}
