using CollisionModel.MasterEquation;
using CollisionModel.Studies;
using static CollisionModel.Reproduction.MasterEquationClaimSupport;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 3: when the closest separable state is the stationary state, σ* = ρ_T, entanglement production is minus
/// entropy production at every time: σ + σ_E = tr[ρ̇(ln ρ_T − ln σ*)] = 0. This is pure dephasing (γ = κ = 0, η &gt; 0)
/// of a|00> + b|11>, whose state stays maximally correlated with σ* = diag(a², 0, 0, b²) = ρ_T. σ is also checked against
/// its closed form (<see cref="ClosedFormSigma"/>). Cost: O(points) small solves.
/// </summary>
public sealed class Claim3SeparableIsStationary : IPaperClaim
{
    /// <summary>Initial amplitude a (a|00> + √(1−a²)|11>), deliberately not the Bell state.</summary>
    public const double A = 0.6;

    /// <summary>η = 1 (coherence decay rate), ω = 0.5 (the rotation commutes and leaves σ* = ρ_T), γ = κ = 0.</summary>
    public static PaperMasterEquationParameters Parameters { get; } = new(0.5, 0, 0, 1);

    /// <summary>Final time T (units of 1/η).</summary>
    public const double EndTime = 3;

    /// <inheritdoc />
    public string Id => "3-separable-is-stationary";

    /// <summary>
    /// σ(t) in closed form for pure dephasing of a|00> + b|11>: the coherence is c = ab e^{−ηt}, ρ's nonzero
    /// eigenvalues λ± = (1 ± r)/2 with r = √((a² − b²)² + 4c²), and σ = dS/dt = −ṙ/2 · ln(λ₊/λ₋), ṙ = −4ηc²/r
    /// (nats per unit time). O(1).
    /// </summary>
    public static double ClosedFormSigma(double a, double eta, double t)
    {
        double b2 = 1 - a * a;
        double c = a * Math.Sqrt(b2) * Math.Exp(-eta * t);
        double r = Math.Sqrt((a * a - b2) * (a * a - b2) + 4 * c * c);
        double rDot = -4 * eta * c * c / r;
        return -0.5 * rDot * Math.Log((1 + r) / (1 - r));
    }

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int n = settings.Reduced ? 11 : 61;
        var study = MasterEquationStudy.Run(A, Parameters, TargetQubit.B, EndTime, n, progress);
        var rows = new List<IReadOnlyList<object?>>();
        var times = new List<double>();
        var sigma = new List<double>();
        var minusSigmaE = new List<double>();
        var closed = new List<double>();
        double maxSum = 0, maxClosedError = 0;
        bool closestIsStationary = true;
        foreach (var p in study.Points.Skip(1))
        {
            double s = p.Rates.EntropyProduction ?? throw new InvalidOperationException($"σ undefined at t = {p.Time}.");
            double e = p.Rates.EntanglementProduction ?? throw new InvalidOperationException($"σ_E undefined at t = {p.Time}.");
            double c = ClosedFormSigma(A, Parameters.Eta, p.Time);
            double distance = Measures.TraceDistance.Compute(p.ClosestSeparable, study.StationaryState);
            closestIsStationary &= distance <= 1e-9;
            maxSum = Math.Max(maxSum, Math.Abs(s + e));
            maxClosedError = Math.Max(maxClosedError, Math.Abs(s - c));
            rows.Add([p.Time, s, e, s + e, c, distance]);
            times.Add(p.Time);
            sigma.Add(s);
            minusSigmaE.Add(-e);
            closed.Add(c);
        }
        bool holds = maxSum <= 1e-9 && maxClosedError <= 1e-8 && closestIsStationary;
        string finding = $"With σ* = ρ_T (pure dephasing, a = {A}), σ + σ_E = 0 to {Number(maxSum, 2)} nats per unit time at all "
            + $"{times.Count} times t > 0, and σ matches its closed form to {Number(maxClosedError, 2)} (σ(T) = {Number(sigma[^1])}).";
        return new ClaimReport(Id, "σ_E = −σ when the closest separable state is the stationary state (pure dephasing)",
            [new("a", A), new("eta", Parameters.Eta), new("omega", Parameters.Omega), new("gamma", 0.0), new("kappa", 0.0), new("time", EndTime)],
            ["time", "sigma", "sigma_E", "sigma_plus_sigma_E", "sigma_closed_form", "trace_distance_sigma_star_rho_T"],
            rows,
            [new("max_abs_sigma_plus_sigma_E", maxSum), new("max_sigma_closed_form_error", maxClosedError),
             new("closest_separable_is_rho_T", closestIsStationary)],
            [new ClaimPlot("sigma-vs-minus-sigma-E", "σ and −σ_E under pure dephasing (σ* = ρ_T)", "time t (units of 1/η)",
                "nats per unit 1/η of time", false,
                [new PlotSeries("σ (Spohn)", times, sigma), new PlotSeries("−σ_E (envelope)", times, minusSigmaE),
                 new PlotSeries("σ closed form", times, closed)])],
            holds, finding);
    }
}
