using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Studies;

/// <summary>
/// Entropy production σ (Spohn, against ρ_T), entanglement production σ_E (envelope formula) and the conjecture ratio
/// |σ_E|/σ at one state of a Lindblad trajectory, all in nats per unit time.
/// </summary>
/// <param name="EntropyProduction">σ = −tr[𝓛(ρ)(ln ρ − ln ρ_T)]; +∞ when ρ has weight leaving supp ρ_T; null where it
/// does not exist (the initial instant of a pure state, or +∞ − ∞).</param>
/// <param name="EntanglementProduction">σ_E = tr[𝓛(ρ)(ln ρ − ln σ*)] = d E_R/dt; 0 for separable ρ; −∞ when weight
/// enters ker ρ inside supp σ*; null where it does not exist.</param>
/// <param name="ConjectureRatio">|σ_E|/σ; null when σ is 0, ∞ or null, or σ_E is null or infinite.</param>
public sealed record ProductionRates(double? EntropyProduction, double? EntanglementProduction, double? ConjectureRatio)
{
    /// <summary>
    /// Evaluates σ, σ_E and the ratio at ρ with ρ̇ = 𝓛(ρ). <paramref name="initialInstantOfPureState"/> marks t = 0 of
    /// a pure initial state, where both rates are reported as null (the one-sided derivative of S is +∞ there and
    /// E_R is not differentiable: the values do not exist). <paramref name="entropyRate"/>, when given, is an accurate
    /// dS/dt at ρ (<see cref="PaperEntropyRate"/>) used in place of the eigen-decomposition's, in σ and σ_E alike.
    /// Cost: a few 4×4 eigendecompositions.
    /// Throws <see cref="DimensionMismatchException"/> unless ρ, ρ_T and σ* are two-qubit states of the generator's space.
    /// </summary>
    public static ProductionRates Evaluate(Lindbladian generator, DensityMatrix rho, DensityMatrix rhoT, ReeResult ree,
        bool initialInstantOfPureState = false, double? entropyRate = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(rhoT);
        ArgumentNullException.ThrowIfNull(ree);
        generator.CheckSpace(rho);
        if (rho.Dimension != 4)
            throw new DimensionMismatchException($"Production rates need a two-qubit state, got dimension {rho.Dimension}.", nameof(rho));
        if (initialInstantOfPureState) return new ProductionRates(null, null, null);

        var rhoDot = generator.Apply(rho);
        var split = MasterEquation.EntropyProduction.Compute(rho, rhoDot, rhoT);
        double? sigma = Sum(entropyRate ?? split.EntropyRate, split.ExternalRate);
        double? sigmaE = EntanglementRate(rho, rhoDot, ree, entropyRate);
        return new ProductionRates(sigma, sigmaE, Studies.ConjectureRatio.Of(sigmaE, sigma));
    }

    private static double? Sum(double entropyRate, double externalRate)
    {
        // dS/dt = +∞ and tr ρ̇ ln ρ_T = −∞ has no value; every other combination is a genuine (possibly infinite) rate.
        if (double.IsInfinity(entropyRate) && double.IsInfinity(externalRate) && Math.Sign(entropyRate) != Math.Sign(externalRate))
            return null;
        return entropyRate + externalRate;
    }

    private static double? EntanglementRate(DensityMatrix rho, MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex> rhoDot, ReeResult ree,
        double? entropyRate)
    {
        try
        {
            return MasterEquation.EntanglementProduction.Rate(rho, rhoDot, ree, entropyRate);
        }
        catch (ParameterOutOfRangeException)
        {
            // The envelope formula leaves σ_E undetermined when ρ̇ pushes weight onto ker σ* of a singular σ*.
            return null;
        }
    }
}
