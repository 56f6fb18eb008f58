using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class EntropyProductionTests
{
    [Fact]
    public void Sigma_is_non_negative_for_random_generators_with_a_full_rank_fixed_point()
    {
        var rng = new QuantumRandom(31);
        var space = CompositeSpace.Qubits(2);
        for (int trial = 0; trial < 20; trial++)
        {
            var gen = RandomLindbladian(rng, space, jumps: 1 + trial % 3);
            var rhoT = StationaryStates.ReachedFrom(gen, DensityMatrix.MaximallyMixed(space));
            Assert.True(rhoT.Eigenvalues[0] > 1e-6, "fixed point should be full rank for a generic generator");
            var rho = rng.MixedState(space);
            double? sigma = EntropyProduction.Compute(gen, rho, rhoT).Sigma;
            Assert.NotNull(sigma);
            Assert.True(sigma >= -1e-12, $"trial {trial}: σ = {sigma:G6}");
        }
    }

    [Fact]
    public void Sigma_equals_minus_the_time_derivative_of_relative_entropy_to_rho_T()
    {
        // Independent check: σ = −d/dt S(ρ(t)‖ρ_T), central difference of RelativeEntropy.Compute.
        var p = new PaperMasterEquationParameters(0.7, 1.0, 0.5, 0.3);
        var gen = PaperMasterEquation.Create(p);
        var rhoT = PaperMasterEquation.StationaryState(0.6, p);
        double t = 0.7, h = 1e-4;
        double dRel = (RelativeEntropy.Compute(PaperMasterEquation.ClosedForm(0.6, p, t + h), rhoT)
                     - RelativeEntropy.Compute(PaperMasterEquation.ClosedForm(0.6, p, t - h), rhoT)) / (2 * h);
        var rate = EntropyProduction.Compute(gen, PaperMasterEquation.ClosedForm(0.6, p, t), rhoT);
        Assert.NotNull(rate.Sigma);
        Assert.Equal(-dRel, rate.Sigma!.Value, 7);
        // The split: dS/dt by a central difference of the von Neumann entropy.
        double dS = (Entropy.VonNeumann(PaperMasterEquation.ClosedForm(0.6, p, t + h))
                   - Entropy.VonNeumann(PaperMasterEquation.ClosedForm(0.6, p, t - h))) / (2 * h);
        Assert.Equal(dS, rate.EntropyRate, 7);
        Assert.Equal(rate.Sigma.Value, rate.EntropyRate - rate.EntropyFlow, 12);
    }

    [Fact]
    public void Sigma_is_positive_infinity_for_zero_temperature_decay_at_positive_time()
    {
        // docs/conventions.md §6: κ = 0 makes ρ_T rank deficient while ρ(t) still has weight outside its support.
        var p = new PaperMasterEquationParameters(0, 1.0, 0.0, 0.0);
        var gen = PaperMasterEquation.Create(p);
        var rho0 = PaperMasterEquation.InitialState(Math.Sqrt(0.5));
        var rate = EntropyProduction.Compute(gen, gen.Evolve(rho0, 0.5));
        Assert.True(double.IsFinite(rate.EntropyRate), $"ρ(t) is rank 2 but ρ̇ stays in its support: dS/dt = {rate.EntropyRate}");
        Assert.Equal(double.PositiveInfinity, rate.ExternalRate);
        Assert.Equal(double.PositiveInfinity, rate.Sigma);
    }

    [Fact]
    public void Sigma_does_not_exist_at_t_zero_for_a_pure_initial_state()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0.0);
        var gen = PaperMasterEquation.Create(p);
        var rate = EntropyProduction.Compute(gen, PaperMasterEquation.InitialState(0.6));
        Assert.Equal(double.PositiveInfinity, rate.EntropyRate); // right derivative of S at a rank jump
        Assert.Null(rate.Sigma);
    }

    [Fact]
    public void Pure_dephasing_keeps_rho_rank_two_and_sigma_equals_the_entropy_rate_in_closed_form()
    {
        // γ = κ = 0: ρ(t) lives on span{|00⟩, |11⟩} (rank 2, kernel of dimension 2), ρ_T = diag(a², 0, 0, b²).
        // tr[ρ̇ ln ρ_T] = 0 (ρ̇ has zero diagonal), so σ = dS/dt with eigenvalues λ± = ½(1 ± √((a²−b²)² + 4|c|²)),
        // |c| = ab e^{−ηt}: dS/dt = ½ ln(λ₊/λ₋) · d/dt(−R), R = √((a²−b²)² + 4|c|²), dR/dt = −4η|c|²/R.
        double a = 0.6, b = 0.8, eta = 0.9, t = 0.4;
        var p = new PaperMasterEquationParameters(1.0, 0, 0, eta);
        var gen = PaperMasterEquation.Create(p);
        var rho = gen.Evolve(PaperMasterEquation.InitialState(a), t);
        double c2 = Math.Pow(a * b * Math.Exp(-eta * t), 2);
        double r = Math.Sqrt(Math.Pow(a * a - b * b, 2) + 4 * c2);
        double expected = 0.5 * Math.Log((1 + r) / (1 - r)) * (4 * eta * c2 / r);
        var rate = EntropyProduction.Compute(gen, rho);
        Assert.Equal(0.0, rate.ExternalRate, 12);
        Assert.NotNull(rate.Sigma);
        Assert.Equal(expected, rate.Sigma!.Value, 10);
    }

    [Fact]
    public void Observer_records_sigma_along_a_trajectory_infinite_after_t_zero_for_kappa_zero()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.0, 0.0);
        var gen = PaperMasterEquation.Create(p);
        var rho0 = PaperMasterEquation.InitialState(Math.Sqrt(0.5));
        var obs = EntropyProduction.Observer(StationaryStates.ReachedFrom(gen, rho0));
        var traj = new ExactPropagator(gen, 0.1).Run(rho0, 10, [obs]);
        var sigma = traj.Values(obs);
        Assert.Null(sigma[0].Sigma);
        for (int k = 1; k < sigma.Count; k++) Assert.Equal(double.PositiveInfinity, sigma[k].Sigma);
    }
}
