namespace CollisionModel.Engines;

/// <summary>How the environment is represented during a collision-model run.</summary>
public enum Representation
{
    /// <summary>
    /// The global pure state of the system and every ancilla so far (mixed ancillas purified by a partner of dimension
    /// rank η, memory baths' next ancillas included) as one state vector; E = every ancilla that has collided so far.
    /// Memory 16 bytes per amplitude, at most half of the memory available (<see cref="ExplicitCollisionEngine.MaxAmplitudes"/>).
    /// </summary>
    Explicit,

    /// <summary>
    /// The system density matrix (plus the next ancilla each memory bath carries) and the ancillas of the current step
    /// only (E = those ancillas, jointly). Memory independent of the number of steps.
    /// </summary>
    Streaming,

    /// <summary>
    /// The system and every ancilla so far (mixed ancillas purified) as a matrix-product state with the system at
    /// the open end (<see cref="MpsCollisionEngine"/>): E = all ancillas so far at any K, cost per step flat in K,
    /// memory 16·χ²·d_E·r bytes per ancilla (χ ≤ d_S without memory). Optional truncation and fragment curves.
    /// </summary>
    Mps,
}
