namespace CollisionModel.Collisions;

/// <summary>How the environment is represented during a collision-model run.</summary>
public enum Representation
{
    /// <summary>
    /// The global pure state of the system and every ancilla so far (mixed ancillas purified by one reference qubit
    /// each) as one state vector; E = all ancillas so far. Memory 16·2^(qubits) bytes.
    /// </summary>
    Explicit,

    /// <summary>The system density matrix plus the ancilla of the current collision only (E = that ancilla). Memory independent of the number of steps.</summary>
    Streaming,

    /// <summary>
    /// The system and every ancilla so far (mixed ancillas purified) as a matrix-product state with the system at
    /// the open end (<see cref="MpsCollisionEngine"/>): E = all ancillas so far at any K, cost per step flat in K,
    /// memory 16·χ²·d_E·r bytes per ancilla (χ ≤ d_S without memory). Optional truncation and fragment curves.
    /// </summary>
    Mps,
}
