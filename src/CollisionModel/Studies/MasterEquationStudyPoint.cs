using CollisionModel.States;

namespace CollisionModel.Studies;

/// <summary>One time of a <see cref="MasterEquationStudy"/> (entropies in nats, rates in nats per unit time).</summary>
/// <param name="Time">t.</param>
/// <param name="State">ρ_AB(t).</param>
/// <param name="Entropy">S(ρ_AB).</param>
/// <param name="RelativeEntropyOfEntanglement">E_R: S(ρ‖σ*) at the solver's σ* (an upper bound, equal at convergence).</param>
/// <param name="RelativeEntropyOfEntanglementLower">Certified lower bound: E_R ≥ this.</param>
/// <param name="ClosestSeparable">σ*, the separable state E_R was computed at.</param>
/// <param name="Concurrence">Wootters concurrence (the X-state formula when ρ is an X state).</param>
/// <param name="Rates">σ, σ_E and |σ_E|/σ at this time.</param>
public sealed record MasterEquationStudyPoint(
    double Time,
    DensityMatrix State,
    double Entropy,
    double RelativeEntropyOfEntanglement,
    double RelativeEntropyOfEntanglementLower,
    DensityMatrix ClosestSeparable,
    double Concurrence,
    ProductionRates Rates);
