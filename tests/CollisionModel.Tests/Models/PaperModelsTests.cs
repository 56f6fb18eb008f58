using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

/// <summary>
/// The paper's models as protocols: their Lindblad limits are eq. (5), written here independently by hand
/// (H = (ω/2)σz_q, jumps √γσ⁻_q, √κσ⁺_q, √(η/2)σz_q), since the library derives its master equation from the protocol.
/// </summary>
public class PaperModelsTests
{
    private static readonly CompositeSpace AB = CompositeSpace.Qubits(2);

    /// <summary>Eq. (5) on the given qubits, built from the textbook jump operators (not from any protocol).</summary>
    private static Lindbladian HandWrittenEq5(double omega, double gamma, double kappa, double eta, params int[] qubits)
    {
        var h = Matrix<Complex>.Build.Dense(4, 4);
        var jumps = new List<Matrix<Complex>>();
        foreach (int q in qubits)
        {
            h += Tensor.Embed(0.5 * omega * Pauli.Z, AB, q);
            jumps.Add(Tensor.Embed(Math.Sqrt(gamma) * Pauli.SigmaMinus, AB, q));
            jumps.Add(Tensor.Embed(Math.Sqrt(kappa) * Pauli.SigmaPlus, AB, q));
            jumps.Add(Tensor.Embed(Math.Sqrt(eta / 2) * Pauli.Z, AB, q));
        }
        return new Lindbladian(AB, h, jumps);
    }

    private static double MaxDiff(Matrix<Complex> a, Matrix<Complex> b) => (a - b).Enumerate().Max(z => z.Magnitude);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dephasing_limit_is_eq5_on_B_with_coherence_rate_eta_and_omega(bool mixed)
    {
        // The protocol: rate 2η with D[|1⟩⟨1|]; the reference: L = √(η/2)σz_B, the same dissipator.
        const double eta = 0.7, omega = 1.3;
        var limit = PaperModels.Dephasing(eta, omega, 0.6, AngleConvention.Paper, mixed).Limit.Superoperator();
        Assert.True(MaxDiff(limit, HandWrittenEq5(omega, 0, 0, eta, 1).Superoperator()) < 1e-14);
    }

    [Theory]
    [InlineData(0.8, 0.3, true)]
    [InlineData(0.8, 0.0, false)]
    public void Decay_limit_is_eq5_on_B_with_gamma_kappa_and_omega(double gamma, double kappa, bool mixed)
    {
        const double omega = -0.9;
        var limit = PaperModels.Decay(gamma, kappa, omega, 0.6, AngleConvention.Exact, mixed).Limit.Superoperator();
        Assert.True(MaxDiff(limit, HandWrittenEq5(omega, gamma, kappa, 0, 1).Superoperator()) < 1e-14);
    }

    [Theory]
    [InlineData(TargetQubit.A, new[] { 0 })]
    [InlineData(TargetQubit.B, new[] { 1 })]
    [InlineData(TargetQubit.Both, new[] { 0, 1 })]
    public void Master_equation_derived_from_the_protocol_is_hand_written_eq5_on_each_target(TargetQubit target, int[] qubits)
    {
        var p = new PaperMasterEquationParameters(0.7, 1.0, 0.3, 0.4);
        var derived = PaperMasterEquation.Create(p, target).Superoperator();
        Assert.True(MaxDiff(derived, HandWrittenEq5(p.Omega, p.Gamma, p.Kappa, p.Eta, qubits).Superoperator()) < 1e-14);
    }

    [Fact]
    public void Master_equation_without_rates_is_the_bare_precession()
    {
        var derived = PaperMasterEquation.Create(new PaperMasterEquationParameters(1.1, 0, 0, 0)).Superoperator();
        Assert.True(MaxDiff(derived, HandWrittenEq5(1.1, 0, 0, 0, 1).Superoperator()) < 1e-15);
    }

    [Fact]
    public void Thermal_qubit_is_diag_gamma_kappa_over_their_sum()
    {
        var eta = PaperModels.ThermalQubit(1.0, 0.5);
        Assert.Equal(2.0 / 3, eta[0, 0].Real, 15);
        Assert.Equal(1.0 / 3, eta[1, 1].Real, 15);
        Assert.Equal(0, eta[0, 1].Magnitude);
        var e = Assert.Throws<ParameterOutOfRangeException>(() => PaperModels.ThermalQubit(0, 0));
        Assert.Equal("gamma", e.ParamName);
    }

    [Fact]
    public void System_Hamiltonian_on_both_qubits_is_half_omega_times_the_sum_of_sigma_z()
    {
        // (ω/2)(σz ⊗ 1 + 1 ⊗ σz) = diag(ω, 0, 0, −ω).
        var h = PaperModels.SystemHamiltonian(2.5, [0, 1]);
        var expected = Matrix<Complex>.Build.DiagonalOfDiagonalArray([2.5, 0, 0, -2.5]);
        Assert.True(MaxDiff(h, expected) < 1e-15);
    }

    [Fact]
    public void Initial_state_is_a_00_plus_sqrt_one_minus_a_squared_11()
    {
        var rho = PaperModels.Dephasing(1, 0, 0.6).InitialState;
        Assert.Equal(0.36, rho[0, 0].Real, 15);
        Assert.Equal(0.48, rho[0, 3].Real, 15);
        Assert.Equal(0.64, rho[3, 3].Real, 15);
    }

    [Fact]
    public void Decay_with_a_pure_environment_and_pumping_is_refused_naming_kappa()
    {
        var e = Assert.Throws<ParameterOutOfRangeException>(() => PaperModels.Decay(1, 0.5, 0, 0.6, mixedEnvironment: false));
        Assert.Equal("kappa", e.ParamName);
    }
}
