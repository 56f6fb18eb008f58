using CollisionModel.States;

namespace CollisionModel.Studies;

/// <summary>One time of a <see cref="LindbladLimitStudy"/> (entropies in nats, rates per unit time, ħ = k_B = 1).</summary>
/// <param name="Time">t.</param>
/// <param name="State">ρ_S(t), the whole system in the order of its subsystems.</param>
/// <param name="EntropyA">S of part A (0 when A is empty).</param>
/// <param name="EntropyB">S of part B.</param>
/// <param name="EntropyAB">S of the whole system.</param>
/// <param name="RelativeEntropyOfEntanglement">E_R (two qubits only, else null).</param>
/// <param name="RelativeEntropyOfEntanglementLower">Certified lower bound on E_R (two qubits only).</param>
/// <param name="Concurrence">Wootters concurrence (two qubits only).</param>
/// <param name="Rates">σ (any system), σ_E and |σ_E|/σ (two qubits only).</param>
/// <param name="Energy">tr ρ H_S; null without H_S.</param>
/// <param name="HeatCurrents">J_j(ρ(t)) per bath; null for a bath without H_E or a system without H_S.</param>
public sealed record LindbladLimitPoint(
    double Time,
    DensityMatrix State,
    double EntropyA,
    double EntropyB,
    double EntropyAB,
    double? RelativeEntropyOfEntanglement,
    double? RelativeEntropyOfEntanglementLower,
    double? Concurrence,
    ProductionRates Rates,
    double? Energy,
    IReadOnlyList<double?> HeatCurrents);
