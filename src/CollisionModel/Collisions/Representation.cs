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
}
