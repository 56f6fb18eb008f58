using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Operators;
using CollisionModel.States;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class PaperMasterEquationTests
{
    public static TheoryData<double, double, double, double, double, double> Cases => new()
    {
        // a, γ, κ, η, ω, t
        { Math.Sqrt(0.5), 1.0, 0.0, 0.0, 0.0, 0.5 },
        { Math.Sqrt(0.5), 1.0, 0.5, 0.0, 0.0, 0.5 },
        { 0.3, 0.7, 0.2, 0.4, 1.3, 2.0 },
        { 0.9, 2.0, 1.0, 0.1, -3.0, 0.05 },
        { 0.6, 0.0, 0.0, 1.5, 2.0, 1.7 },
        { 0.8, 0.0, 0.8, 0.0, 0.5, 3.0 },
        { 0.2, 1.0, 1.0, 1.0, 10.0, 6.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Propagated_eq5_on_B_equals_the_closed_form_to_1e_12(double a, double gamma, double kappa, double eta, double omega, double t)
    {
        var p = new PaperMasterEquationParameters(omega, gamma, kappa, eta);
        var gen = PaperMasterEquation.Create(p, TargetQubit.B);
        var rho = gen.Evolve(PaperMasterEquation.InitialState(a), t);
        double diff = MaxDiff(rho, PaperMasterEquation.ClosedForm(a, p, t));
        Assert.True(diff < 1e-12, $"max |exp(𝓛t)ρ(0) − closed form| = {diff:G3}");
    }

    [Fact]
    public void Thousand_step_trajectory_of_eq5_matches_the_closed_form_at_every_output_time()
    {
        var p = new PaperMasterEquationParameters(1.0, 1.0, 0.5, 0.2);
        var traj = new ExactPropagator(PaperMasterEquation.Create(p), 0.005).Run(PaperMasterEquation.InitialState(0.6), 1000);
        double worst = 0;
        for (int k = 0; k < traj.Times.Count; k++)
            worst = Math.Max(worst, MaxDiff(traj.States[k], PaperMasterEquation.ClosedForm(0.6, p, traj.Times[k])));
        Assert.True(worst < 1e-12, $"worst deviation over 1001 times: {worst:G3}");
    }

    [Theory]
    [InlineData(0.6, 1.0, 0.5, 0.0, 0.0)]
    [InlineData(0.6, 1.0, 0.0, 0.3, 2.0)]
    [InlineData(0.3, 0.2, 1.7, 1.0, -1.0)]
    [InlineData(0.8, 0.0, 0.0, 1.0, 0.0)]
    [InlineData(0.8, 0.0, 0.0, 0.0, 2.0)]
    public void Stationary_state_reached_from_rho0_is_physics_rho_T(double a, double gamma, double kappa, double eta, double omega)
    {
        var p = new PaperMasterEquationParameters(omega, gamma, kappa, eta);
        var gen = PaperMasterEquation.Create(p);
        var reached = StationaryStates.ReachedFrom(gen, PaperMasterEquation.InitialState(a));
        // docs/conventions.md §1: diag(a², b²)_A ⊗ diag(γ, κ)/(γ+κ)_B (γ+κ > 0); diag(a², 0, 0, b²) for pure dephasing / precession.
        double diff = MaxDiff(reached, PaperMasterEquation.StationaryState(a, p));
        Assert.True(diff < 1e-12, $"general ρ_T vs formula: {diff:G3}");
        var residual = gen.Apply(reached).Enumerate().Max(z => z.Magnitude);
        Assert.True(residual < 1e-13, $"‖L(ρ_T)‖_max = {residual:G3}");
    }

    [Fact]
    public void Closed_form_keeps_full_relative_precision_at_G_t_one_in_a_trillion()
    {
        // ρ_{10,10} = b²(γ/G)(1 − e^{−Gt}) with Gt = 1e-12: b²·(1e-12 − 5e-25) by the series, to 1 ulp.
        var p = new PaperMasterEquationParameters(0, 1.0, 0, 0);
        double b2 = 1 - 0.36, expected = b2 * (1e-12 - 5e-25);
        double decayed = PaperMasterEquation.ClosedForm(0.6, p, 1e-12)[2, 2].Real;
        Assert.Equal(expected, decayed, 2e-16 * expected);
    }

    [Fact]
    public void Stationary_state_formula_for_target_B_is_the_product_diag_a2_b2_times_diag_gamma_kappa()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0);
        var rhoT = PaperMasterEquation.StationaryState(0.6, p);
        var expected = DensityMatrix.Product(DensityMatrix.Diagonal([0.36, 0.64]), DensityMatrix.Diagonal([1 / 1.5, 0.5 / 1.5]));
        Assert.True(MaxDiff(rhoT, expected) < 1e-15);
    }

    [Fact]
    public void Target_A_is_the_swap_image_of_target_B_for_the_swap_symmetric_initial_state()
    {
        var p = new PaperMasterEquationParameters(0.7, 1.0, 0.3, 0.2);
        var rho0 = PaperMasterEquation.InitialState(0.6);
        var onA = PaperMasterEquation.Create(p, TargetQubit.A).Evolve(rho0, 1.3);
        var onB = PaperMasterEquation.Create(p, TargetQubit.B).Evolve(rho0, 1.3);
        Assert.True(MaxDiff(onA, onB.Permute(1, 0)) < 1e-13);
    }

    [Fact]
    public void Target_both_on_a_product_state_factorises_into_single_qubit_solutions()
    {
        var p = new PaperMasterEquationParameters(0.7, 1.0, 0.3, 0.2);
        double t = 0.9;
        var plus = DensityMatrix.FromKet(Ket.Normalized([1, 1], new CollisionModel.Spaces.CompositeSpace(2)));
        var rho = PaperMasterEquation.Create(p, TargetQubit.Both).Evolve(DensityMatrix.Product(plus, plus), t);
        // Single qubit from |+⟩: P1(t) = κ/G + (½ − κ/G)e^{−Gt}, ρ01(t) = ½ e^{−iωt} e^{−(G/2+η)t}.
        double g = 1.3, p1 = 0.3 / g + (0.5 - 0.3 / g) * Math.Exp(-g * t);
        var c = 0.5 * Complex.FromPolarCoordinates(Math.Exp(-(g / 2 + 0.2) * t), -0.7 * t);
        var single = DensityMatrix.Create(new Complex[,] { { 1 - p1, c }, { Complex.Conjugate(c), p1 } });
        Assert.True(MaxDiff(rho, DensityMatrix.Product(single, single)) < 1e-13);
    }

    [Fact]
    public void Closed_form_concurrence_equals_Wootters_on_the_closed_form_state()
    {
        var p = new PaperMasterEquationParameters(0.4, 1.0, 0.5, 0.1);
        foreach (double t in new[] { 0.3, 0.8, 1.1, 2.0 }) // mixed states: Wootters needs √ρ, which loses half the digits on pure states
        {
            double c = Concurrence.Wootters(PaperMasterEquation.ClosedForm(0.6, p, t));
            Assert.True(Math.Abs(c - PaperMasterEquation.ClosedFormConcurrence(0.6, p, t)) < 1e-10, $"t = {t}");
        }
    }

    [Fact]
    public void Published_concurrences_at_t_half_are_reproduced()
    {
        // docs/conventions.md §4: Bell state, γ = 1, η = 0, t = 0.5: C = 0.778801 (κ = 0), 0.438560 (κ = 0.5).
        var bell = PaperMasterEquation.InitialState(Math.Sqrt(0.5));
        double c0 = Concurrence.Wootters(PaperMasterEquation.Create(new(0, 1, 0, 0)).Evolve(bell, 0.5));
        double c1 = Concurrence.Wootters(PaperMasterEquation.Create(new(0, 1, 0.5, 0)).Evolve(bell, 0.5));
        Assert.Equal(0.778801, c0, 6);
        Assert.Equal(0.438560, c1, 6);
    }

    [Fact]
    public void Dephasing_rate_eta_is_the_coherence_decay_rate()
    {
        // docs/conventions.md §1: |ρ01(t)| = |ρ01(0)| e^{−ηt} with L = √(η/2) σz.
        var gen = PaperMasterEquation.Create(new(0, 0, 0, 0.8));
        var rho = gen.Evolve(PaperMasterEquation.InitialState(Math.Sqrt(0.5)), 1.5);
        Assert.Equal(0.5 * Math.Exp(-0.8 * 1.5), rho[0, 3].Magnitude, 14);
    }

    [Fact]
    public void Negative_rate_is_rejected()
    {
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(
            () => PaperMasterEquation.Create(new(0, -1, 0, 0)));
    }

    [Fact]
    public void Hamiltonian_is_half_omega_sigma_z_on_the_target()
    {
        var gen = PaperMasterEquation.Create(new(2.0, 0, 0, 0), TargetQubit.B);
        var expected = Tensor.Kron(Pauli.I, Pauli.Z); // (ω/2)σz with ω = 2
        Assert.True(MaxDiff(gen.Hamiltonian, expected) < 1e-15);
    }
}
