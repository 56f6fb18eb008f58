namespace CollisionModel.Models;

/// <summary>How a bath's collision unitary W arises.</summary>
public enum BathCollisionKind
{
    /// <summary>W = exp(−iθ(δt)V) with θ(δt)²/δt → rate as δt → 0 (by default θ = √(rate·δt)): has a Lindblad limit.</summary>
    Rate,

    /// <summary>W = exp(−i·angle·V), the same at every δt: no Lindblad limit.</summary>
    Angle,

    /// <summary>W given as a matrix, the same at every δt: no Lindblad limit.</summary>
    Unitary,

    /// <summary>W a function of the step index, the time at the step's start and δt (library only).</summary>
    TimeDependent,

    /// <summary>W = W_n⋯W_1, the entries of a <see cref="CascadeCollision"/> met by the same ancilla in order: a Lindblad limit when every entry has a rate.</summary>
    Cascade,
}
