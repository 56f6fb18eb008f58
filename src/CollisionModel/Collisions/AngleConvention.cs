namespace CollisionModel.Collisions;

/// <summary>
/// How a preset turns rates and the time step δt into a collision angle θ (docs/conventions.md §5). The one angle
/// convention of the library: the streaming/explicit engines and the convergence study's channel powers both take
/// their θ from <see cref="CollisionPresets"/>.
/// </summary>
public enum AngleConvention
{
    /// <summary>The paper's small-angle choice: dephasing cos θ = 1 − η δt; partial swap θ = √((γ+κ) δt). First order in δt.</summary>
    Paper,

    /// <summary>Exact at every k: dephasing cos θ = e^{−η δt}; partial swap cos²θ = e^{−(γ+κ) δt}. Matches the master equation at every k.</summary>
    Exact,
}
