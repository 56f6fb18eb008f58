using CollisionModel.Dynamics;
using CollisionModel.Information;
using CollisionModel.Spaces;
using CollisionModel.States;
using static CollisionModel.Tests.Dynamics.DynamicsTestHelpers;

namespace CollisionModel.Tests.Dynamics;

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
        // physics.md §6: κ = 0 makes ρ_T rank deficient while ρ(t) still has weight outside its support.
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
