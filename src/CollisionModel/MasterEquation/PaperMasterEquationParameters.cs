using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Parameters of the paper's eq. (5) in the project's convention (docs/conventions.md §1): H = (ω/2)σz, jump operators
/// √γ σ⁻, √κ σ⁺, √(η/2) σz on the target qubit. Rates in inverse time units, ω in energy units (ħ = 1).
/// η is the coherence decay rate of pure dephasing: |ρ01(t)| = |ρ01(0)| e^{−ηt} (the paper's literal η₅ = η/2).
/// </summary>
/// <param name="Omega">Level splitting ω (any finite real).</param>
/// <param name="Gamma">Decay rate γ ≥ 0 (|1⟩ → |0⟩).</param>
/// <param name="Kappa">Pumping rate κ ≥ 0 (|0⟩ → |1⟩).</param>
/// <param name="Eta">Pure-dephasing coherence decay rate η ≥ 0.</param>
public sealed record PaperMasterEquationParameters(double Omega, double Gamma, double Kappa, double Eta)
{
    /// <summary>Throws <see cref="NonFiniteValueException"/> or <see cref="ParameterOutOfRangeException"/> for bad values.</summary>
    public void Validate()
    {
        Guard.Finite(Omega, "omega");
        Guard.NonNegative(Gamma, "gamma");
        Guard.NonNegative(Kappa, "kappa");
        Guard.NonNegative(Eta, "eta");
    }

    /// <summary>G = γ + κ, the population relaxation rate.</summary>
    public double G => Gamma + Kappa;
}
