using CollisionModel.Dynamics;
using CollisionModel.Protocols;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Protocols;

/// <summary>The paper's two models as protocols: their limits are eq. (5), written independently in PaperMasterEquation.</summary>
public class PaperModelsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dephasing_limit_is_eq5_on_B_with_coherence_rate_eta_and_omega(bool mixed)
    {
        // Reference: H = (ω/2)σz_B, L = √(η/2)σz_B (PaperMasterEquation); the protocol: rate 2η with D[|1⟩⟨1|].
        const double eta = 0.7, omega = 1.3;
        var limit = PaperModels.Dephasing(eta, omega, 0.6, AngleConvention.Paper, mixed).Limit.Superoperator();
        var reference = PaperMasterEquation.Create(new PaperMasterEquationParameters(omega, 0, 0, eta)).Superoperator();
        Assert.True((limit - reference).Enumerate().Max(z => z.Magnitude) < 1e-14);
    }

    [Theory]
    [InlineData(0.8, 0.3, true)]
    [InlineData(0.8, 0.0, false)]
    public void Decay_limit_is_eq5_on_B_with_gamma_kappa_and_omega(double gamma, double kappa, bool mixed)
    {
        const double omega = -0.9;
        var limit = PaperModels.Decay(gamma, kappa, omega, 0.6, AngleConvention.Exact, mixed).Limit.Superoperator();
        var reference = PaperMasterEquation.Create(new PaperMasterEquationParameters(omega, gamma, kappa, 0)).Superoperator();
        Assert.True((limit - reference).Enumerate().Max(z => z.Magnitude) < 1e-14);
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
