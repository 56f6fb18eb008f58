using CollisionModel.States;

namespace CollisionModel.Measures.Entanglement;

/// <summary>
/// The relative entropy of entanglement of a two-qubit state with its certificate. Units: nats.
/// LowerBound ≤ E_R(ρ) ≤ Value always holds (Value = S(ρ‖σ*) for a separable σ*).
/// </summary>
/// <param name="Value">S(ρ‖σ*) for the returned separable σ*: an upper bound on E_R that is E_R to within the gap.</param>
/// <param name="LowerBound">
/// Certified: E_R ≥ S(ρ‖σ*) + tr[Gσ*] − max_ab ⟨ab|G|ab⟩ with G = D ln_σ*(ρ) and the product-state maximum bounded
/// from above exactly (docs/conventions.md §4); for the closed-form fast paths, Value minus a rounding margin of 1e-12.
/// Never negative.
/// </param>
/// <param name="ClosestSeparable">σ*, the (approximately) closest separable state; exactly separable (PPT).</param>
/// <param name="Method">The path that produced the value.</param>
/// <param name="Iterations">Quasi-Newton plus Newton iterations spent (0 for the closed forms).</param>
/// <param name="Converged">Whether Gap reached the requested tolerance.</param>
public sealed record ReeResult(double Value, double LowerBound, DensityMatrix ClosestSeparable, ReeMethod Method,
    int Iterations, bool Converged)
{
    /// <summary>Certified accuracy Value − LowerBound (nats).</summary>
    public double Gap => Value - LowerBound;
}
