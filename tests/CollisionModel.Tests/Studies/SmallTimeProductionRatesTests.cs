using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Tests.Studies;

/// <summary>
/// σ and σ_E shortly after a pure start, where ρ(t) of eq. (5) on B with κ &gt; 0 has an eigenvalue
/// ≈ a²b²γκt²/(a²+b²) far below the zero-eigenvalue tolerances: it is tiny but positive, so both rates are finite.
/// Reference: −d/dt S(ρ(t)‖ρ_T) by a centred difference of the closed-form X state (docs/conventions.md), written
/// so every term is small and carries full relative precision (no 0.69 − 0.69 cancellation).
/// </summary>
public class SmallTimeProductionRatesTests
{
    private const double A = 0.7071067811865476, Gamma = 1, Kappa = 0.5;

    /// <summary>S(ρ(t)‖ρ_T) up to a t-independent constant, for a|00⟩ + b|11⟩ under eq. (5) on B (ω = 0).</summary>
    private static double ShiftedRelativeEntropy(double t, double eta)
    {
        double a2 = A * A, b2 = 1 - a2, g = Gamma / (Gamma + Kappa), k = Kappa / (Gamma + Kappa);
        double u = -Expm1(-(Gamma + Kappa) * t), e = 1 - u;
        double d1 = a2 * k * u, d2 = b2 * g * u;
        // {|00⟩, |11⟩} block: det = ρ00 ρ33 − |ρ03|² = a²b²[kg u² − E·expm1(−2ηt)] exactly (no cancellation).
        double det = a2 * b2 * (k * g * u * u - e * Expm1(-2 * eta * t));
        double trace = 1 - d1 - d2;
        double lamMax = (trace + Math.Sqrt(trace * trace - 4 * det)) / 2, lamMin = det / lamMax;
        double xLogX(double x) => x > 0 ? x * Math.Log(x) : 0;
        double maxTerm = lamMax * Log1p(-(d1 + d2 + lamMin));
        // tr ρ ln ρ_T, ρ_T = diag(a²g, a²k, b²g, b²k), minus its t = 0 value: linear in u.
        double flow = u * (-a2 * k * Math.Log(a2 * g) + a2 * k * Math.Log(a2 * k) + b2 * g * Math.Log(b2 * g) - b2 * g * Math.Log(b2 * k));
        return maxTerm + xLogX(lamMin) + xLogX(d1) + xLogX(d2) - flow;
    }

    private static double ReferenceSigma(double t, double eta)
    {
        double h = 1e-4 * t;
        return -(ShiftedRelativeEntropy(t + h, eta) - ShiftedRelativeEntropy(t - h, eta)) / (2 * h);
    }

    [Theory]
    [InlineData(1e-3, 0.0)]
    [InlineData(1e-5, 0.0)]
    [InlineData(1e-6, 0.0)]
    [InlineData(1e-7, 0.0)] // the reported case: was +∞, true σ ≈ 12.955
    [InlineData(1e-8, 0.0)]
    [InlineData(1e-7, 0.3)]
    public void SigmaShortlyAfterAPureStartMatchesFiniteDifferences(double t, double eta)
    {
        var point = MasterEquationStudy.Run(A, new PaperMasterEquationParameters(0, Gamma, Kappa, eta), TargetQubit.B, t, 2).Points[^1];
        double expected = ReferenceSigma(t, eta);
        Assert.True(point.Rates.EntropyProduction is double, $"σ missing at t = {t}");
        double sigma = point.Rates.EntropyProduction!.Value;
        Assert.True(double.IsFinite(sigma), $"σ = {sigma} at t = {t}, expected {expected}");
        Assert.Equal(expected, sigma, 1e-7 * Math.Abs(expected));
    }

    [Fact]
    public void TheReportedCaseGivesSigmaNearTwelvePointNineFiveFive()
    {
        // Independent high-precision value (60-digit finite difference of the closed form): 12.9550046285587.
        var point = MasterEquationStudy.Run(A, new PaperMasterEquationParameters(0, Gamma, Kappa, 0), TargetQubit.B, 1e-7, 2).Points[^1];
        Assert.Equal(12.9550046285587, point.Rates.EntropyProduction!.Value, 1e-6);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-7)] // was −∞; E_R's finite difference gives ≈ −12.26
    [InlineData(1e-8)]
    public void SigmaEShortlyAfterAPureStartMatchesTheSlopeOfTheCertifiedRee(double t)
    {
        // Second method: a centred difference of E_R itself (solver with certificate) on the closed-form states.
        var parameters = new PaperMasterEquationParameters(0, Gamma, Kappa, 0);
        var point = MasterEquationStudy.Run(A, parameters, TargetQubit.B, t, 2).Points[^1];
        double h = 1e-2 * t;
        double slope = (RelativeEntropyOfEntanglement.Compute(ClosedFormState(t + h)).Value
            - RelativeEntropyOfEntanglement.Compute(ClosedFormState(t - h)).Value) / (2 * h);
        Assert.True(point.Rates.EntanglementProduction is double s && double.IsFinite(s), $"σ_E = {point.Rates.EntanglementProduction} at t = {t}");
        Assert.Equal(slope, point.Rates.EntanglementProduction!.Value, 1e-4 * Math.Abs(slope));
    }

    [Fact]
    public void APureStateGainingWeightOnItsKernelStillHasAnInfiniteEntropyRate()
    {
        // The rank jump itself (t = 0 of a pure state, weight ≈ a²κ entering ker ρ) keeps dS/dt = +∞, σ undefined.
        var generator = PaperMasterEquation.Create(new PaperMasterEquationParameters(0, Gamma, Kappa, 0), TargetQubit.B);
        var rho0 = PaperMasterEquation.InitialState(A);
        var rate = EntropyProduction.Compute(generator, rho0, MasterEquationStudy.StationaryState(A, new PaperMasterEquationParameters(0, Gamma, Kappa, 0), TargetQubit.B));
        Assert.Equal(double.PositiveInfinity, rate.EntropyRate);
        Assert.Null(rate.Sigma);
    }

    // e^x − 1 and ln(1 + x) without cancellation (the BCL's double.ExpM1/LogP1 are not guaranteed accurate near 0).
    private static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1;
        double sum = 0, term = x;
        for (int n = 2; Math.Abs(term) > 1e-18 * Math.Abs(x); n++)
        {
            sum += term;
            term *= x / n;
        }
        return sum;
    }

    private static double Log1p(double x)
    {
        double y = 1 + x, z = y - 1;
        return z == 0 ? x : Math.Log(y) * x / z;
    }

    private static DensityMatrix ClosedFormState(double t)
    {
        double a2 = A * A, b2 = 1 - a2, g = Gamma / (Gamma + Kappa), k = Kappa / (Gamma + Kappa);
        double u = -Expm1(-(Gamma + Kappa) * t);
        var m = new Complex[4, 4];
        m[0, 0] = a2 * (1 - k * u);
        m[1, 1] = a2 * k * u;
        m[2, 2] = b2 * g * u;
        m[3, 3] = b2 * (1 - g * u);
        m[0, 3] = m[3, 0] = A * Math.Sqrt(b2) * Math.Exp(-(Gamma + Kappa) * t / 2);
        return DensityMatrix.Create(m);
    }
}
