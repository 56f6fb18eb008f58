using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Studies;

/// <summary>
/// The cutoff-free content of the conjecture ratio near an entangled fixed point: along a relaxation that reaches the
/// Gibbs state ρ_G through the slowest decay mode, |σ_E|/σ = c/ε + O(1) with ε = ½‖ρ − ρ_G‖₁, so sup |σ_E|/σ = ∞ but
/// c is finite and depends only on the generator.
/// </summary>
/// <param name="C">c = limsup_{t→∞} ε(t)·|σ_E(t)|/σ(t) (dimensionless: ε is a trace distance, σ and σ_E are both in
/// nats per unit time). 0 when E_R(ρ_G) = 0 (σ_E vanishes on the separable neighbourhood of ρ_G).</param>
/// <param name="DecayRate">g = −Re λ of the slowest decaying eigenvalue λ of the Liouvillian (inverse time units).</param>
/// <param name="Frequency">|Im λ|: the slow mode oscillates (a coherence of H's eigenbasis) when it is &gt; 0; then
/// ε·|σ_E|/σ oscillates between 0 and <paramref name="C"/>.</param>
/// <param name="Direction">The traceless Hermitian direction δ (‖δ‖₁ = 1) of the slow mode at which the limsup is reached.</param>
public sealed record NearEquilibriumCoefficient(double C, double DecayRate, double Frequency, Matrix<Complex> Direction);
