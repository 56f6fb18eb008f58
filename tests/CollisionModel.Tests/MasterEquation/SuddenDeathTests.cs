using CollisionModel.MasterEquation;

namespace CollisionModel.Tests.MasterEquation;

public class SuddenDeathTests
{
    [Fact]
    public void Sudden_death_time_for_gamma_1_kappa_half_is_the_published_value()
    {
        // docs/conventions.md §7: γ = 1, κ = 0.5, η = 0 → t_ESD = 1.2314973905 (independent of a).
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0.0);
        double? t = SuddenDeath.Time(PaperMasterEquation.Create(p), PaperMasterEquation.InitialState(Math.Sqrt(0.5)), horizon: 10);
        Assert.NotNull(t);
        Assert.True(Math.Abs(t!.Value - 1.2314973905) < 1e-9, $"t_ESD = {t:R}");
    }

    [Fact]
    public void Closed_form_sudden_death_time_for_gamma_1_kappa_half_is_the_published_value()
    {
        double? t = PaperMasterEquation.ClosedFormSuddenDeathTime(new(0, 1.0, 0.5, 0.0));
        Assert.True(Math.Abs(t!.Value - 1.2314973905) < 1e-9, $"closed form t_ESD = {t:R}");
    }

    [Fact]
    public void No_sudden_death_at_zero_temperature()
    {
        var p = new PaperMasterEquationParameters(0.5, 1.0, 0.0, 0.3);
        Assert.Null(PaperMasterEquation.ClosedFormSuddenDeathTime(p));
        Assert.Null(SuddenDeath.Time(PaperMasterEquation.Create(p), PaperMasterEquation.InitialState(0.6), horizon: 100));
    }

    [Theory]
    [InlineData(0.3, 1.0, 0.5, 0.4, 2.0)]
    [InlineData(0.9, 0.2, 2.0, 0.0, -1.0)]
    [InlineData(0.5, 1.0, 1.0, 1.0, 0.0)]
    public void Propagated_sudden_death_time_agrees_with_the_scalar_root_and_is_independent_of_a(double a, double gamma, double kappa, double eta, double omega)
    {
        var p = new PaperMasterEquationParameters(omega, gamma, kappa, eta);
        double expected = PaperMasterEquation.ClosedFormSuddenDeathTime(p)!.Value;
        double? t = SuddenDeath.Time(PaperMasterEquation.Create(p), PaperMasterEquation.InitialState(a), horizon: 20);
        Assert.True(Math.Abs(t!.Value - expected) < 1e-9, $"propagated {t:R} vs scalar root {expected:R}");
    }

    [Fact]
    public void Unentangled_initial_state_dies_at_time_zero()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0.0);
        Assert.Equal(0.0, SuddenDeath.Time(PaperMasterEquation.Create(p), PaperMasterEquation.InitialState(1.0), horizon: 5));
    }
}
