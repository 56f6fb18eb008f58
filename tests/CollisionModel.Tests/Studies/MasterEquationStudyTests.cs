using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Studies;
using CollisionModel.Tests.MasterEquation;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Studies;

/// <summary>MasterEquationStudy against docs/conventions.md §4, §6, §7 reference values and independent methods.</summary>
public class MasterEquationStudyTests
{
    private const double Bell = 0.7071067811865476;

    private static MasterEquationStudyPoint Last(double gamma, double kappa, double eta, double t = 0.5, TargetQubit target = TargetQubit.B) =>
        MasterEquationStudy.Run(Bell, new PaperMasterEquationParameters(0, gamma, kappa, eta), target, t, 3).Points[^1];

    [Fact]
    public void DecayOfTheBellStateMatchesTheReferenceREEAndConcurrence()
    {
        // docs/conventions.md §4: eq. (5) on B, Bell, γ = 1, κ = 0, η = 0, t = 0.5: E_R = 0.28372190, C = 0.778801.
        var p = Last(1, 0, 0);
        Assert.Equal(0.28372190, p.RelativeEntropyOfEntanglement, 1e-8);
        Assert.Equal(0.778801, p.Concurrence, 1e-6);
        Assert.InRange(p.RelativeEntropyOfEntanglementLower, p.RelativeEntropyOfEntanglement - 1e-8, p.RelativeEntropyOfEntanglement);
    }

    [Fact]
    public void ThermalisationOfTheBellStateMatchesTheReferenceREEAndConcurrence()
    {
        // docs/conventions.md §4: γ = 1, κ = 0.5, η = 0, t = 0.5: E_R = 0.09955433, C = 0.438560.
        var p = Last(1, 0.5, 0);
        Assert.Equal(0.09955433, p.RelativeEntropyOfEntanglement, 1e-8);
        Assert.Equal(0.438560, p.Concurrence, 1e-6);
    }

    [Fact]
    public void QubitAGivesTheSameEntanglementAsQubitBBySwapSymmetry()
    {
        // ψ = a|00> + b|11> is swap symmetric, so E_R and C agree on A and B (docs/conventions.md §4 value again).
        var p = Last(1, 0.5, 0, target: TargetQubit.A);
        Assert.Equal(0.09955433, p.RelativeEntropyOfEntanglement, 1e-8);
        Assert.Equal(0.438560, p.Concurrence, 1e-6);
    }

    [Fact]
    public void PropagatedStatesMatchTheClosedFormOfPhysicsItemFive()
    {
        var parameters = new PaperMasterEquationParameters(0.7, 1, 0.3, 0.2);
        var study = MasterEquationStudy.Run(0.6, parameters, TargetQubit.B, 2, 21);
        foreach (var p in study.Points)
        {
            var closed = PaperMasterEquation.ClosedForm(0.6, parameters, p.Time);
            Assert.True(DynamicsTestHelpers.MaxDiff(closed, p.State) < 1e-12, $"t = {p.Time}");
            Assert.Equal(Entropy.VonNeumann(closed), p.Entropy, 1e-10);
        }
    }

    [Fact]
    public void ZeroTemperatureEntropyProductionIsInfiniteAfterTheStartAndUndefinedAtIt()
    {
        // docs/conventions.md §6: κ = 0 → ρ_T rank deficient while |11> decays: σ = +∞ for t > 0; t = 0 of a pure state: null.
        var study = MasterEquationStudy.Run(Bell, new PaperMasterEquationParameters(0, 1, 0, 0), TargetQubit.B, 1, 5);
        Assert.Null(study.Points[0].Rates.EntropyProduction);
        Assert.Null(study.Points[0].Rates.EntanglementProduction);
        Assert.All(study.Points.Skip(1), p => Assert.Equal(double.PositiveInfinity, p.Rates.EntropyProduction));
        Assert.All(study.Points.Skip(1), p => Assert.Null(p.Rates.ConjectureRatio));
        Assert.Null(study.MaxConjectureRatio);
    }

    [Fact]
    public void PureDephasingGivesEntanglementProductionEqualToMinusEntropyProduction()
    {
        // docs/conventions.md §6: σ* = ρ_T → σ_E = −σ; the ratio is exactly 1.
        var study = MasterEquationStudy.Run(0.8, new PaperMasterEquationParameters(0, 0, 0, 1.3), TargetQubit.B, 2, 11);
        foreach (var p in study.Points.Skip(1))
        {
            double sigma = p.Rates.EntropyProduction!.Value;
            Assert.True(sigma > 0);
            Assert.Equal(-sigma, p.Rates.EntanglementProduction!.Value, 1e-12);
        }
        Assert.Equal(1.0, study.MaxConjectureRatio!.Value, 1e-10);
    }

    [Fact]
    public void SigmaMatchesMinusTheDerivativeOfTheRelativeEntropyToTheStationaryState()
    {
        // Spohn: σ = −d/dt S(ρ(t)‖ρ_T), here by a central difference of the closed-form state (η, κ > 0, qubit B).
        var parameters = new PaperMasterEquationParameters(0, 1, 0.5, 0.3);
        var study = MasterEquationStudy.Run(0.6, parameters, TargetQubit.B, 1, 5);
        var rhoT = study.StationaryState;
        double h = 1e-4;
        foreach (var p in study.Points.Skip(1))
        {
            double fd = -(RelativeEntropy.Compute(PaperMasterEquation.ClosedForm(0.6, parameters, p.Time + h), rhoT)
                - RelativeEntropy.Compute(PaperMasterEquation.ClosedForm(0.6, parameters, p.Time - h), rhoT)) / (2 * h);
            Assert.Equal(fd, p.Rates.EntropyProduction!.Value, 1e-7);
        }
    }

    [Fact]
    public void EntanglementProductionMatchesTheDerivativeOfER()
    {
        // σ_E = dE_R/dt: compare with a fourth-order central difference of the study's own E_R column (Δt = 10⁻³).
        var study = MasterEquationStudy.Run(Bell, new PaperMasterEquationParameters(0, 1, 0.5, 0), TargetQubit.B, 0.5, 501);
        var pts = study.Points;
        for (int i = 100; i < 500; i += 100)
        {
            double dt = pts[i + 1].Time - pts[i].Time;
            double fd = (-pts[i + 2].RelativeEntropyOfEntanglement + 8 * pts[i + 1].RelativeEntropyOfEntanglement
                - 8 * pts[i - 1].RelativeEntropyOfEntanglement + pts[i - 2].RelativeEntropyOfEntanglement) / (12 * dt);
            Assert.Equal(fd, pts[i].Rates.EntanglementProduction!.Value, 1e-5);
        }
    }

    [Fact]
    public void SuddenDeathTimeIsThePhysicsReferenceValue()
    {
        // docs/conventions.md §7: γ = 1, κ = 0.5, η = 0 → t_ESD = 1.2314973905 (beyond T: the search is over all t).
        var study = MasterEquationStudy.Run(Bell, new PaperMasterEquationParameters(0, 1, 0.5, 0), TargetQubit.B, 0.5, 3);
        Assert.Equal(1.2314973905, study.SuddenDeathTime!.Value, 1e-10);
        Assert.Equal(1.2314973905, MasterEquationStudy.SuddenDeathTime(Bell, new PaperMasterEquationParameters(0, 1, 0.5, 0), TargetQubit.A)!.Value, 1e-10);
    }

    [Fact]
    public void DecayOnBothQubitsKillsEntanglementAtTheClosedFormTimeWhenBExceedsA()
    {
        // Decay (κ = η = 0) on both qubits: ρ14 = ab e^{−γt}, ρ22 = ρ33 = b² e^{−γt}(1 − e^{−γt}), so C = 0 at
        // e^{−γt} = 1 − a/b: t = −ln(1 − a/b)/γ = 0.861230… for a = 0.5, γ = 1.
        double a = 0.5, b = Math.Sqrt(0.75);
        double expected = -Math.Log(1 - a / b);
        double? t = MasterEquationStudy.SuddenDeathTime(a, new PaperMasterEquationParameters(0, 1, 0, 0), TargetQubit.Both);
        Assert.Equal(expected, t!.Value, 1e-9);
        // a > b: the concurrence decays but never reaches zero.
        Assert.Null(MasterEquationStudy.SuddenDeathTime(0.8, new PaperMasterEquationParameters(0, 1, 0, 0), TargetQubit.Both));
    }

    [Fact]
    public void NoSuddenDeathWithoutPumping()
    {
        // docs/conventions.md §7: κ = 0 → no sudden death on B.
        Assert.Null(MasterEquationStudy.Run(Bell, new PaperMasterEquationParameters(0, 1, 0, 0.4), TargetQubit.B, 1, 2).SuddenDeathTime);
    }

    [Theory]
    [InlineData(TargetQubit.A, 1.0, 0.5, 0.2, 0.3)]
    [InlineData(TargetQubit.B, 1.0, 0.5, 0.2, 0.3)]
    [InlineData(TargetQubit.Both, 1.0, 0.5, 0.2, 0.3)]
    [InlineData(TargetQubit.Both, 0.0, 0.0, 0.7, 0.0)]
    [InlineData(TargetQubit.B, 1.0, 0.0, 0.0, 0.0)]
    public void ClosedFormStationaryStateIsTheOneReachedFromTheInitialState(TargetQubit target, double gamma, double kappa, double eta, double omega)
    {
        // Independent: the asymptotic projector of the generator's null space applied to ρ(0).
        var parameters = new PaperMasterEquationParameters(omega, gamma, kappa, eta);
        var generator = PaperMasterEquation.Create(parameters, target);
        var closed = MasterEquationStudy.StationaryState(0.6, parameters, target);
        var reached = StationaryStates.ReachedFrom(generator, PaperMasterEquation.InitialState(0.6));
        Assert.True(DynamicsTestHelpers.MaxDiff(closed, reached) < 1e-9);
        Assert.True(generator.Apply(closed).Enumerate().Max(z => z.Magnitude) < 1e-13);
    }

    [Fact]
    public void CertifiedLowerBoundNeverExceedsTheValue()
    {
        var study = MasterEquationStudy.Run(0.6, new PaperMasterEquationParameters(0.5, 1, 0.3, 0.2), TargetQubit.Both, 1, 11);
        Assert.All(study.Points, p => Assert.InRange(p.RelativeEntropyOfEntanglementLower, p.RelativeEntropyOfEntanglement - 1e-7, p.RelativeEntropyOfEntanglement));
    }

    [Theory]
    [InlineData(-0.1, 1.0, 3)]
    [InlineData(1.1, 1.0, 3)]
    [InlineData(0.5, 0.0, 3)]
    [InlineData(0.5, double.NaN, 3)]
    [InlineData(0.5, 1.0, 1)]
    public void InvalidInputIsRejectedWithALibraryException(double a, double time, int points)
    {
        Assert.ThrowsAny<QuantumInputException>(() =>
            MasterEquationStudy.Run(a, new PaperMasterEquationParameters(0, 1, 0, 0), TargetQubit.B, time, points));
    }

    [Fact]
    public void NegativeRateIsRejected()
    {
        Assert.ThrowsAny<QuantumInputException>(() =>
            MasterEquationStudy.Run(0.5, new PaperMasterEquationParameters(0, -1, 0, 0), TargetQubit.B, 1, 3));
    }
}
