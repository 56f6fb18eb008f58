using CollisionModel.MasterEquation;
using CollisionModel.States;

namespace CollisionModel.Tests.MasterEquation;

public class EntropyProductionEdgeCaseTests
{
    [Fact]
    public void Fast_decay_deep_into_the_tail_gives_a_number_not_an_exception()
    {
        // Classical mixture diag(a², 0, 0, b²), γ = 1000, t = 0.033: the excited population b² e^{−33} ≈ 3e−15 is a
        // genuine eigenvalue below the resolution 1e−14, decaying at ≈ 3e−12 per unit time. It must be read as a
        // tiny positive eigenvalue (finite dS/dt), not as a kernel losing weight; ρ_T = |0⟩⟨0|_B makes σ = +∞.
        var p = new PaperMasterEquationParameters(0, 1000, 0, 0);
        var gen = PaperMasterEquation.Create(p);
        var rho = gen.Evolve(DensityMatrix.Diagonal([0.36, 0, 0, 0.64]), 0.033);
        var rate = EntropyProduction.Compute(gen, rho);
        Assert.True(double.IsFinite(rate.EntropyRate), $"dS/dt = {rate.EntropyRate}");
        Assert.Equal(double.PositiveInfinity, rate.Sigma);
    }
}
