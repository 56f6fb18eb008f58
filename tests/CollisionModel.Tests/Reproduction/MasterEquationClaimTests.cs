using CollisionModel.Reproduction;
using Xunit.Abstractions;

namespace CollisionModel.Tests.Reproduction;

/// <summary>Claims 1–4 in reduced mode: each holds, and its decisive number matches an independent value.</summary>
public class MasterEquationClaimTests(ITestOutputHelper output)
{
    private static readonly PaperSettings Reduced = new(Reduced: true);

    private static double Summary(ClaimReport report, string name) =>
        Convert.ToDouble(report.Summary.Single(f => f.Name == name).Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int Column(ClaimReport report, string name) => report.Columns.ToList().IndexOf(name);

    [Fact]
    public void Claim1EntropyProductionIsNonNegativeAndMatchesTheRelativeEntropyDerivative()
    {
        var report = new Claim1EntropyProduction().Evaluate(Reduced);
        output.WriteLine(report.Finding);
        Assert.True(report.Holds, report.Finding);
        Assert.True(Summary(report, "min_sigma") > 0);
        // Independent: S(ρ‖ρ_T) from the analytic eigenvalues of the closed-form X state, differentiated by a
        // fourth-order stencil, against the report's σ at t = 0.3.
        var p = Claim1EntropyProduction.Parameters;
        double a = Claim1EntropyProduction.A;
        double D(double t)
        {
            double g = p.G, e = Math.Exp(-g * t), a2 = a * a, b2 = 1 - a2;
            double r11 = a2 * (1 - p.Kappa / g * (1 - e)), r22 = a2 * p.Kappa / g * (1 - e);
            double r33 = b2 * p.Gamma / g * (1 - e), r44 = b2 * (p.Kappa / g + p.Gamma / g * e);
            double c = a * Math.Sqrt(b2) * Math.Exp(-(g / 2 + p.Eta) * t);
            double mean = (r11 + r44) / 2, half = Math.Sqrt((r11 - r44) * (r11 - r44) / 4 + c * c);
            double[] lambda = [mean + half, mean - half, r22, r33];
            double negEntropy = lambda.Sum(l => l > 0 ? l * Math.Log(l) : 0);
            double[] t_ = [a2 * p.Gamma / g, a2 * p.Kappa / g, b2 * p.Gamma / g, b2 * p.Kappa / g];
            return negEntropy - (r11 * Math.Log(t_[0]) + r22 * Math.Log(t_[1]) + r33 * Math.Log(t_[2]) + r44 * Math.Log(t_[3]));
        }
        var row = report.Rows.First(r => Math.Abs((double)r[0]! - 0.3) < 1e-12);
        double h = 1e-3;
        double independent = -(-D(0.3 + 2 * h) + 8 * D(0.3 + h) - 8 * D(0.3 - h) + D(0.3 - 2 * h)) / (12 * h);
        Assert.Equal(independent, (double)row[Column(report, "sigma")]!, 1e-8);
        Assert.Equal(D(0.3), (double)row[Column(report, "S_rel")]!, 1e-12);
        Assert.Equal(double.PositiveInfinity, Summary(report, "sigma_kappa0_t0.5"));
    }

    [Fact]
    public void Claim2EnvelopeFormulaMatchesTheDerivativeOfER()
    {
        var report = new Claim2EntanglementProduction().Evaluate(Reduced);
        output.WriteLine(report.Finding);
        Assert.True(report.Holds, report.Finding);
        // Pure dephasing of the Bell state, η = 1, t = 2: dE_R/dt = (ηc/2) ln((1 − p)/p), c = e^{−2}, p = (1 + c)/2.
        var row = report.Rows.Single(r => (string)r[0]! == "dephasing" && Math.Abs((double)r[1]! - 2) < 1e-12);
        double c = Math.Exp(-2), p = (1 + c) / 2;
        Assert.Equal(c / 2 * Math.Log((1 - p) / p), (double)row[Column(report, "sigma_E")]!, 1e-10);
        Assert.True(Summary(report, "max_abs_difference") < 1e-7);
    }

    [Fact]
    public void Claim3SigmaEIsMinusSigmaUnderPureDephasing()
    {
        var report = new Claim3SeparableIsStationary().Evaluate(Reduced);
        output.WriteLine(report.Finding);
        Assert.True(report.Holds, report.Finding);
        Assert.True(Summary(report, "max_abs_sigma_plus_sigma_E") < 1e-9);
        // Independent: σ = −d/dt S(ρ‖ρ_T) with S(ρ‖ρ_T) = S(diag(a², b²)) − S(ρ) = h(a²) − h(λ₊), by central difference.
        double a = Claim3SeparableIsStationary.A, eta = Claim3SeparableIsStationary.Parameters.Eta;
        double H(double x) => -x * Math.Log(x) - (1 - x) * Math.Log(1 - x);
        double D(double t)
        {
            double b2 = 1 - a * a, c = a * Math.Sqrt(b2) * Math.Exp(-eta * t);
            double lambda = (1 + Math.Sqrt((a * a - b2) * (a * a - b2) + 4 * c * c)) / 2;
            return H(a * a) - H(lambda);
        }
        var row = report.Rows.Last();
        double t = (double)row[0]!, hStep = 1e-4;
        Assert.Equal(3.0, t, 12);
        Assert.Equal(-(D(t + hStep) - D(t - hStep)) / (2 * hStep), (double)row[Column(report, "sigma")]!, 1e-8);
    }

    [Fact]
    public void Claim4SuddenDeathAtTheClosedFormTimeWithEntropyStillProduced()
    {
        var report = new Claim4SuddenDeath().Evaluate(Reduced);
        output.WriteLine(report.Finding);
        Assert.True(report.Holds, report.Finding);
        // shared/physics.md §7: γ = 1, κ = 0.5, η = 0 → t_ESD = 1.2314973905.
        Assert.Equal(1.2314973905, Summary(report, "t_ESD_closed_form"), 1e-10);
        Assert.Equal(1.2314973905, Summary(report, "t_ESD_numerical"), 1e-8);
        Assert.True(Summary(report, "min_sigma_after_t_ESD") > 0);
    }

    [Fact]
    public void ClaimIdsAreDistinctAndPlotsStateUnits()
    {
        IPaperClaim[] claims = [new Claim1EntropyProduction(), new Claim2EntanglementProduction(), new Claim3SeparableIsStationary(), new Claim4SuddenDeath()];
        Assert.Equal(claims.Length, claims.Select(c => c.Id).Distinct().Count());
        var report = claims[3].Evaluate(Reduced);
        Assert.All(report.Plots, p => Assert.Contains("units", p.XLabel));
    }
}
