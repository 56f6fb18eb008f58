namespace CollisionModel.Models;

/// <summary>
/// One entry of a cascade (<see cref="CascadeCollision"/>): the system subsystems the ancilla meets here, in the order
/// of the collision's factors, and the collision W_i on (those subsystems ⊗ the ancilla, least significant), given
/// like any bath's collision (a coupling with a rate or an angle, or a unitary).
/// </summary>
/// <param name="ActsOn">System subsystem indices (0-based, as in <c>dims</c>), distinct, non-empty.</param>
/// <param name="Collision">W_i on (ActsOn… ⊗ ancilla).</param>
public sealed record CascadeEntry(IReadOnlyList<int> ActsOn, BathCollision Collision);
