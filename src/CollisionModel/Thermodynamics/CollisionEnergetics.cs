namespace CollisionModel.Thermodynamics;

/// <summary>
/// The energy and entropy balance of one system–ancilla collision of bath <see cref="Bath"/> (energy units with
/// ħ = k_B = 1; entropies in nats). Signs: <see cref="Heat"/> Q = −ΔE_E is the energy the ancilla gives up (positive
/// when energy flows into the system), <see cref="Work"/> W = ΔE_S + ΔE_E the energy the coupling's switching on and
/// off puts in, so ΔE_S = Q + W. A quantity that does not exist is null, never NaN.
/// </summary>
/// <param name="Bath">The bath's index in the protocol.</param>
/// <param name="Heat">Q = −tr[H_E(η′ − η)]; null when the bath's ancilla has no Hamiltonian H_E.</param>
/// <param name="SystemEnergyChange">ΔE_S = tr[H_S(ρ_S′ − ρ_S)] across the collision; null without H_S.</param>
/// <param name="Work">W = ΔE_S + ΔE_E; null without H_S or without H_E.</param>
/// <param name="EntropyFlow">β·Q (nats); null unless the ancilla is thermal (H_E and β known). β = 0 gives 0.</param>
public readonly record struct CollisionEnergetics(int Bath, double? Heat, double? SystemEnergyChange, double? Work, double? EntropyFlow)
{
    /// <summary>
    /// The collision's entropy production ΔS_S − β·Q (nats) given the system's entropy change ΔS_S across it. For a
    /// fresh thermal ancilla it equals I(S′:E′) + D(η′‖η) ≥ 0 exactly (the second law as an identity); null when the
    /// entropy flow is.
    /// </summary>
    public double? EntropyProduction(double systemEntropyChange) => EntropyFlow is { } flow ? systemEntropyChange - flow : null;
}
