namespace CollisionModel.MasterEquation;

/// <summary>
/// One jump operator L = √Rate |To⟩⟨From| of a <see cref="DetailedBalanceGenerator"/>, in the eigenbasis of H (indices
/// into the ascending energies). From = To is dephasing in the eigenbasis.
/// </summary>
/// <param name="From">Eigenstate the jump leaves.</param>
/// <param name="To">Eigenstate the jump reaches.</param>
/// <param name="Rate">Rate (inverse time units), ≥ 0.</param>
public sealed record ThermalJump(int From, int To, double Rate);
