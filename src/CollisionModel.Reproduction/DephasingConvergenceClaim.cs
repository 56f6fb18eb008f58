using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Studies;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 6: the paper's dephasing collision model, overlap 1 − η δt per collision, converges to the master equation:
/// coherence ab(1 − ηT/k)^k → ab e^{−ηT}. The error against k (10¹…10¹², or 10¹…10⁶ reduced) from the channel power
/// (<see cref="ConvergenceStudy"/>) is first order for the paper's angle and at roundoff (~1e-16) for the exact angle
/// cos θ = e^{−η δt}; the paper-angle errors are checked against the closed form ab e^{−ηT}|expm1(k ln(1 − ηT/k) + ηT)|.
/// </summary>
public sealed class DephasingConvergenceClaim : IPaperClaim
{
    /// <summary>Accepted distance of the exact-angle model from the master equation at every k.</summary>
    public const double ExactTolerance = 1e-13;

    /// <summary>Absolute part of the tolerance against the closed form: the roundoff of ρ's entries.</summary>
    public const double ClosedFormAbsoluteTolerance = 1e-15;

    /// <inheritdoc />
    public string Id => "6-dephasing-convergence";

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        const double a = 0.7071067811865476, eta = 1, time = 1;
        double b = Math.Sqrt(1 - a * a);
        int maxDecade = settings.Reduced ? 6 : 12;
        var ks = Enumerable.Range(1, maxDecade).Select(d => (long)Math.Round(Math.Pow(10, d))).ToArray();
        var paper = ConvergenceStudy.Run(PaperModels.Dephasing(eta, 0, a, AngleConvention.Paper), time, ks);
        progress?.Report(0.5);
        var exact = ConvergenceStudy.Run(PaperModels.Dephasing(eta, 0, a, AngleConvention.Exact), time, ks);
        progress?.Report(1);

        var rows = new List<IReadOnlyList<object?>>();
        double worstClosedForm = 0, worstExact = 0;
        for (int i = 0; i < ks.Length; i++)
        {
            double closed = a * b * Math.Exp(-eta * time) * Math.Abs(ScalarExpm1.Compute(PaperLogFactorExcess(eta * time, ks[i])));
            double d = paper.Records[i].TraceDistance;
            // ρ's entries (~0.5) are rounded to ~5e-17 each, so the distance carries that absolute error, not a relative one.
            worstClosedForm = Math.Max(worstClosedForm, Math.Abs(d - closed) / (1e-6 * closed + ClosedFormAbsoluteTolerance));
            worstExact = Math.Max(worstExact, exact.Records[i].TraceDistance);
            rows.Add([ks[i], d, paper.Records[i].CoherenceError, closed, exact.Records[i].TraceDistance]);
        }
        double order = paper.Order ?? double.NaN;
        bool holds = Math.Abs(order - 1) < 0.02 && worstExact < ExactTolerance && worstClosedForm <= 1;
        var x = ks.Select(k => (double)k).ToArray();
        return new ClaimReport(
            Id,
            "The dephasing collision model converges to the master equation: first order in 1/k with the paper's overlap 1 − ηδt, exact with e^{−ηδt}",
            [new("a", a), new("eta", eta), new("time", time), new("k_max", ks[^1])],
            ["steps", "trace_distance_paper", "coherence_error_paper", "closed_form_paper", "trace_distance_exact"],
            rows,
            [new("order_paper", paper.Order), new("order_exact", exact.Order), new("max_trace_distance_exact", worstExact),
             new("worst_closed_form_deviation_in_tolerances", worstClosedForm), new("richardson_paper", paper.Richardson)],
            [new ClaimPlot("error-vs-k", "Collision model against the master equation at T = 1/η", "number of collisions k (dimensionless)",
                "trace distance ½‖ρ_k(T) − ρ(T)‖₁ (dimensionless)", true,
                [new PlotSeries("paper angle, cos θ = 1 − ηδt", x, paper.Records.Select(r => r.TraceDistance).ToArray()),
                 new PlotSeries("exact angle, cos θ = e^{−ηδt}", x, exact.Records.Select(r => r.TraceDistance > 0 ? r.TraceDistance : double.NaN).ToArray()),
                 new PlotSeries("closed form e^{−ηT}η²T²/(4k)", x, x.Select(k => a * b * Math.Exp(-eta * time) * eta * eta * time * time / (2 * k)).ToArray())])],
            holds,
            $"Paper angle: fitted order {order:F4} (error {paper.Records[^1].TraceDistance:E2} at k = {ks[^1]:E0}, deviating from the closed form by {worstClosedForm:F2} of the tolerance 1e-6·d + 1e-15); "
            + $"exact angle: max distance {worstExact:E1}.");
    }

    /// <summary>k ln(1 − x/k) + x for x = ηT, without cancellation: −k Σ_{n≥2} (x/k)^n / n.</summary>
    private static double PaperLogFactorExcess(double x, long k)
    {
        double u = x / k;
        if (u > 1e-3) return k * Math.Log(1 - u) + x;
        double sum = 0, term = u;
        for (int n = 2; n < 12; n++)
        {
            term *= u;
            sum += term / n;
        }
        return -k * sum;
    }
}
