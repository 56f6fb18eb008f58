namespace CollisionModel.Cli;

/// <summary>The conventions every JSON document states in words (docs/conventions.md §1).</summary>
public static class Conventions
{
    /// <summary>Units, basis, tensor order, Lindblad form and rate conventions.</summary>
    public const string Text =
        "Units: nats (natural logarithm), hbar = k_B = 1. Basis |0>, |1>; σz = diag(1, −1); σ⁻ = |0><1|, σ⁺ = |1><0|. " +
        "Tensor order: A first (most significant), then B, then ancillas in collision order; two-qubit basis |00>, |01>, |10>, |11>. " +
        "Lindblad form: dρ/dt = −i[H, ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ}); on the driven qubit H = (ω/2)σz, " +
        "L = √γ σ⁻ (decay), L = √κ σ⁺ (pumping), L = √(η/2) σz (dephasing), so η is the coherence decay rate " +
        "(|ρ01(t)| = |ρ01(0)| e^{−ηt}). Matrices: row-major arrays of [re, im] pairs. +∞ is \"Infinity\"; an undefined value is null.";
}
