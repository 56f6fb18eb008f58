namespace CollisionModel.Bookkeeping;

/// <summary>What E is in a run's bookkeeping, which fixes the reference of D_E = D(ρ_E‖⊗η).</summary>
public enum EnvironmentScope
{
    /// <summary>E = the ancillas that collided in the latest step (the streaming representation).</summary>
    LatestStep,

    /// <summary>E = every ancilla that has collided so far (explicit and matrix-product representations).</summary>
    AllSoFar,
}
