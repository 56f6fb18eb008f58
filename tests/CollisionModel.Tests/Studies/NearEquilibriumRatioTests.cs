using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Tests.Studies;

/// <summary>The cutoff-free coefficient c of |σ_E|/σ ≈ c/ε near an entangled Gibbs state.</summary>
public class NearEquilibriumRatioTests
{
    /// <summary>
    /// Seed 36 of <c>collision conjecture</c>: E_R(ρ_G) ≈ 0.46 nats, a non-oscillating slowest mode, c ≈ 0.066.
    /// </summary>
    private static DetailedBalanceGenerator Model() => DetailedBalanceGenerator.Sample(new QuantumRandom(SeedMixer.DerivedSeed(36)));

    [Fact]
    public void CoefficientMatchesFiniteDifferencesOfRelativeEntropyAndEntanglementNearEquilibrium()
    {
        // Independent route: start at ρ_G + ε δ̂ on the slow direction, take σ = −d/dt S(ρ(t)‖ρ_G) and σ_E = d/dt E_R(ρ(t))
        // by fourth-order central differences of the exactly propagated state (E_R solved to a gap of 1e-12), form
        // ε|σ_E|/σ at two ε and extrapolate the O(ε) correction away (Richardson): the limit must be c within 0.5 % (it agrees to 1e-4).
        var model = Model();
        var tight = new ReeOptions { GapTolerance = 1e-12 };
        var gibbsRee = RelativeEntropyOfEntanglement.Compute(model.Gibbs, tight);
        var coefficient = NearEquilibriumRatio.Coefficient(model, gibbsRee);
        Assert.True(gibbsRee.Value > 0.4 && coefficient.Frequency < 1e-9, "the test needs an entangled Gibbs state and a real slow mode");

        double Measured(double epsilon)
        {
            var rho0 = NearEquilibriumRatio.Displaced(model, coefficient.Direction, epsilon);
            const double t0 = 0.1, h = 0.02;
            double D(double t) => RelativeEntropy.Compute(model.Generator.Evolve(rho0, t), model.Gibbs);
            double E(double t) => RelativeEntropyOfEntanglement.Compute(model.Generator.Evolve(rho0, t), tight).Value;
            double Stencil(Func<double, double> f) => (-f(t0 + 2 * h) + 8 * f(t0 + h) - 8 * f(t0 - h) + f(t0 - 2 * h)) / (12 * h);
            double sigma = -Stencil(D), sigmaE = Stencil(E);
            double distance = TraceDistance.Compute(model.Generator.Evolve(rho0, t0), model.Gibbs);
            return distance * Math.Abs(sigmaE) / sigma;
        }

        double coarse = Measured(2e-3), fine = Measured(1e-3);
        double extrapolated = 2 * fine - coarse;
        Assert.True(Math.Abs(extrapolated - coefficient.C) <= 0.005 * coefficient.C,
            $"c = {coefficient.C}, finite differences: {coarse} (ε=2e-3), {fine} (ε=1e-3), extrapolated {extrapolated}");
    }

    [Fact]
    public void RatioGrowsLikeOneOverDistanceAlongTheRelaxation()
    {
        // sup |σ_E|/σ = ∞: along the slow mode, halving ε doubles the ratio (to the O(ε) correction).
        var model = Model();
        var gibbsRee = RelativeEntropyOfEntanglement.Compute(model.Gibbs);
        var coefficient = NearEquilibriumRatio.Coefficient(model, gibbsRee);
        double RatioAt(double epsilon)
        {
            var rho = NearEquilibriumRatio.Displaced(model, coefficient.Direction, epsilon);
            var rates = ProductionRates.Evaluate(model.Generator, rho, model.Gibbs, RelativeEntropyOfEntanglement.Compute(rho));
            return rates.ConjectureRatio!.Value;
        }
        double r1 = RatioAt(1e-2), r2 = RatioAt(5e-3), r3 = RatioAt(2.5e-3);
        Assert.True(r3 > 1, $"the conjecture must fail close to an entangled Gibbs state: ratio {r3} at ε = 2.5e-3");
        Assert.InRange(r2 / r1, 1.9, 2.1);
        Assert.InRange(r3 / r2, 1.95, 2.05);
    }
}
