using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using static CollisionModel.Reproduction.MasterEquationClaimSupport;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 2 (corrected, docs/conventions.md §2 item 2): the entanglement production is given by the envelope formula
/// σ_E = tr[ρ̇(ln ρ − ln σ*)], with no term from the motion of σ*. Checked against a fourth-order central finite
/// difference [−E_R(t+2h) + 8E_R(t+h) − 8E_R(t−h) + E_R(t−2h)]/12h of E_R along the closed-form ρ(t) of eq. (5) on B, for three settings: pure dephasing
/// of the Bell state (where also dE_R/dt = (ηc/2) ln((1 − p)/p), p = (1 + c)/2, c = e^{−ηt}, in closed form), the
/// paper's example γ = 1, κ = 0.5 before sudden death, and a non-Bell state with all rates and ω ≠ 0.
/// Cost: five REE solves per time (warm-started).
/// </summary>
public sealed class Claim2EntanglementProduction : IPaperClaim
{
    /// <summary>Half-step h of the central difference (units of 1/γ or 1/η).</summary>
    public const double FiniteDifferenceStep = 1e-3;

    /// <summary>Solver options: a gap of 10⁻¹² keeps the REE error far below the O(h²) difference error.</summary>
    public static ReeOptions Solver { get; } = new() { GapTolerance = 1e-12 };

    /// <summary>The settings: name, a, parameters, first and last time.</summary>
    public static IReadOnlyList<(string Name, double A, PaperMasterEquationParameters Parameters, double Start, double End)> Cases { get; } =
    [
        ("dephasing", 0.7071067811865476, new PaperMasterEquationParameters(0, 0, 0, 1), 0.1, 2),
        ("paper", 0.7071067811865476, new PaperMasterEquationParameters(0, 1, 0.5, 0), 0.1, 1.1),
        ("general", 0.6, new PaperMasterEquationParameters(1, 1, 0.2, 0.3), 0.1, 1.5),
    ];

    /// <summary>dE_R/dt for pure dephasing of the Bell state: E_R = ln 2 − h((1 + c)/2), c = e^{−ηt} (nats per unit time).</summary>
    public static double ClosedFormDephasingRate(double eta, double t)
    {
        double c = Math.Exp(-eta * t);
        double p = (1 + c) / 2;
        return eta * c / 2 * Math.Log((1 - p) / p);
    }

    /// <inheritdoc />
    public string Id => "2-entanglement-production";

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int n = settings.Reduced ? 5 : 21;
        double h = FiniteDifferenceStep;
        var rows = new List<IReadOnlyList<object?>>();
        var plots = new List<ClaimPlot>();
        double maxError = 0, maxClosedError = 0;
        for (int c = 0; c < Cases.Count; c++)
        {
            var (name, a, parameters, start, end) = Cases[c];
            var generator = PaperMasterEquation.Create(parameters);
            var times = Grid(start, end, n);
            var envelope = new List<double>();
            var difference = new List<double>();
            DensityMatrix? warm = null;
            foreach (double t in times)
            {
                var rho = PaperMasterEquation.ClosedForm(a, parameters, t);
                var ree = RelativeEntropyOfEntanglement.Compute(rho, Solver, warm);
                warm = ree.ClosestSeparable;
                double rate = MasterEquation.EntanglementProduction.Rate(rho, generator.Apply(rho), ree);
                double E(double s) => RelativeEntropyOfEntanglement.Compute(PaperMasterEquation.ClosedForm(a, parameters, s), Solver, warm).Value;
                // Fourth-order central stencil: truncation O(h⁴) ≈ 10⁻¹³, REE error ≈ gap/h ≈ 10⁻⁹.
                double fd = (-E(t + 2 * h) + 8 * E(t + h) - 8 * E(t - h) + E(t - 2 * h)) / (12 * h);
                double? closed = name == "dephasing" ? ClosedFormDephasingRate(parameters.Eta, t) : null;
                double error = Math.Abs(rate - fd);
                maxError = Math.Max(maxError, error);
                if (closed is double cf) maxClosedError = Math.Max(maxClosedError, Math.Abs(rate - cf));
                rows.Add([name, t, ree.Value, ree.Gap, rate, fd, error, closed]);
                envelope.Add(rate);
                difference.Add(fd);
            }
            plots.Add(new ClaimPlot($"sigma-E-{name}", $"Entanglement production, {name} (a = {Number(a)}, γ = {Number(parameters.Gamma)}, "
                    + $"κ = {Number(parameters.Kappa)}, η = {Number(parameters.Eta)}, ω = {Number(parameters.Omega)})",
                "time t (units of 1/γ, or 1/η for dephasing)", "σ_E = dE_R/dt (nats per unit time)", false,
                [new PlotSeries("envelope tr[ρ̇(ln ρ − ln σ*)]", times, envelope),
                 new PlotSeries("central difference of E_R", times, difference)]));
            progress?.Report((c + 1.0) / Cases.Count);
        }
        bool holds = maxError <= 1e-7 && maxClosedError <= 1e-9;
        string finding = $"The envelope formula agrees with the fourth-order central difference of E_R (h = {h}) to {Number(maxError, 2)} nats per unit "
            + $"time at all {Cases.Count * n} points, and with the closed form for pure dephasing to {Number(maxClosedError, 2)}.";
        return new ClaimReport(Id, "Entanglement production: envelope formula against a finite difference of E_R",
            [new("finite_difference_step", h), new("ree_gap_tolerance", Solver.GapTolerance), new("points_per_case", n)],
            ["case", "time", "E_R", "E_R_gap", "sigma_E", "sigma_E_fd", "abs_difference", "sigma_E_closed_form"],
            rows,
            [new("max_abs_difference", maxError), new("max_closed_form_error", maxClosedError)],
            plots, holds, finding)
        { Corrected = true };
    }
}
