namespace CollisionModel.Models;

/// <summary>How a system Hamiltonian H is interleaved with the collisions C of length δt.</summary>
public enum SplittingOrder
{
    /// <summary>Lie–Trotter: one step is C · U_H(δt) (free evolution first, then the collision).</summary>
    Lie,

    /// <summary>Strang: one step is U_H(δt/2) · C · U_H(δt/2).</summary>
    Strang,
}
