using CollisionModel.MasterEquation;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class EntropyProductionAlongTrajectoriesTests
{
    [Fact]
    public void Pure_dephasing_sigma_is_finite_non_negative_and_matches_the_closed_form_at_every_time()
    {
        // Rank-2 ρ(t) for all t: the kernel of ρ must be handled (ln ρ singular there) yet σ stays finite.
        double a = 0.6, b = 0.8, eta = 0.9;
        var p = new PaperMasterEquationParameters(1.0, 0, 0, eta);
        var gen = PaperMasterEquation.Create(p);
        var rho0 = PaperMasterEquation.InitialState(a);
        var obs = EntropyProduction.Observer(PaperMasterEquation.StationaryState(a, p));
        var traj = ExactPropagator.ForGrid(gen, 5.0, 101).Run(rho0, 100, [obs]);
        var rates = traj.Values(obs);
        Assert.Null(rates[0].Sigma); // pure ρ(0): S has no derivative at t = 0
        for (int k = 1; k < rates.Count; k++)
        {
            double t = traj.Times[k];
            double c2 = Math.Pow(a * b * Math.Exp(-eta * t), 2);
            double r = Math.Sqrt(Math.Pow(a * a - b * b, 2) + 4 * c2);
            double expected = 0.5 * Math.Log((1 + r) / (1 - r)) * (4 * eta * c2 / r);
            Assert.NotNull(rates[k].Sigma);
            Assert.True(Math.Abs(rates[k].Sigma!.Value - expected) < 1e-9, $"t = {t}: σ = {rates[k].Sigma:R}, closed form {expected:R}");
        }
    }

    [Fact]
    public void Stationary_state_reached_from_rho_t_equals_the_one_reached_from_rho_0()
    {
        // P exp(𝓛t) = P: the reference of σ along a trajectory does not move.
        var p = new PaperMasterEquationParameters(0.5, 1.0, 0.3, 0.2);
        var gen = PaperMasterEquation.Create(p);
        var rho0 = PaperMasterEquation.InitialState(0.6);
        var fromT = StationaryStates.ReachedFrom(gen, gen.Evolve(rho0, 1.7));
        Assert.True(MaxDiff(fromT, StationaryStates.ReachedFrom(gen, rho0)) < 1e-12);
    }
}
