namespace CollisionModel.Engines.Mps;

/// <summary>
/// Rényi-2 entropies S₂(X) = −ln tr ρ_X² (nats) of the whole environment E (every ancilla so far, partners
/// excluded) and of E with A, B or both, for a <see cref="CollisionMps"/> of any length.
/// </summary>
/// <param name="E">S₂(E).</param>
/// <param name="AE">S₂(AE).</param>
/// <param name="BE">S₂(BE).</param>
/// <param name="ABE">S₂(ABE).</param>
public sealed record RenyiEntropies(double E, double AE, double BE, double ABE);
