using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Studies;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class RelativeEntropyRateTests
{
    [Fact]
    public void Relative_entropy_rate_at_fixed_reference_is_the_finite_difference_of_S_rho_sigma()
    {
        // The σ_E hook: d/dt S(ρ(t)‖σ) at fixed σ, checked against RelativeEntropy.Compute by central difference.
        var rng = new QuantumRandom(51);
        var space = CompositeSpace.Qubits(2);
        var gen = RandomLindbladian(rng, space, jumps: 2);
        var rho0 = rng.MixedState(space);
        var sigma = rng.MixedState(space);
        double t = 0.5, h = 1e-4;
        double fd = (RelativeEntropy.Compute(gen.Evolve(rho0, t + h), sigma) - RelativeEntropy.Compute(gen.Evolve(rho0, t - h), sigma)) / (2 * h);
        var rho = gen.Evolve(rho0, t);
        double? rate = EntropyProduction.RelativeEntropyRate(rho, gen.Apply(rho), sigma);
        Assert.NotNull(rate);
        Assert.Equal(fd, rate!.Value, 7);
    }

    [Fact]
    public void Conjecture_ratio_is_absent_when_sigma_is_zero_or_infinite_and_the_worst_is_found()
    {
        Assert.Null(ConjectureRatio.Of(0.1, double.PositiveInfinity));
        Assert.Null(ConjectureRatio.Of(0.1, 0.0));
        Assert.Null(ConjectureRatio.Of(null, 1.0));
        Assert.Equal(0.25, ConjectureRatio.Of(-0.5, 2.0));
        var worst = ConjectureRatio.Worst([0, 1, 2], [null, -0.3, 0.2], [null, 1.0, 0.4]);
        Assert.Equal(new WorstConjectureRatio(0.5, 2, 2.0), worst);
    }
}
