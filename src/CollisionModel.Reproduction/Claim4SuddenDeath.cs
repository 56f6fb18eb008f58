using CollisionModel.MasterEquation;
using CollisionModel.Studies;
using static CollisionModel.Reproduction.MasterEquationClaimSupport;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 4: entanglement sudden death along eq. (5) on B from the Bell state (γ = 1, κ = 0.5, η = 0): the concurrence
/// and E_R reach 0 at a finite t_ESD (closed form −(2/G) ln x, docs/conventions.md §7: 1.2314973905) and stay 0, while
/// the entropy production σ stays &gt; 0 afterwards (entropy is still produced; σ_E = 0). t_ESD is also located
/// numerically (grid + bisection on the propagated state, <see cref="SuddenDeath.Time"/>) as an independent check.
/// Cost: one <see cref="MasterEquationStudy"/> run plus one sudden-death search.
/// </summary>
public sealed class Claim4SuddenDeath : IPaperClaim
{
    /// <summary>γ = 1, κ = 0.5, η = 0, ω = 0.</summary>
    public static PaperMasterEquationParameters Parameters { get; } = new(0, 1, 0.5, 0);

    /// <summary>Initial amplitude a (the Bell state).</summary>
    public const double A = 0.7071067811865476;

    /// <summary>Final time T (units of 1/γ), well past t_ESD.</summary>
    public const double EndTime = 3;

    /// <inheritdoc />
    public string Id => "4-sudden-death";

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int n = settings.Reduced ? 16 : 121;
        var study = MasterEquationStudy.Run(A, Parameters, TargetQubit.B, EndTime, n, progress);
        double closedForm = PaperMasterEquation.ClosedFormSuddenDeathTime(Parameters)
            ?? throw new InvalidOperationException("γκ > 0 must give sudden death.");
        double numeric = SuddenDeath.Time(PaperMasterEquation.Create(Parameters), PaperMasterEquation.InitialState(A), EndTime,
            settings.Reduced ? 200 : 1000) ?? double.PositiveInfinity;

        var rows = new List<IReadOnlyList<object?>>();
        var times = new List<double>();
        var concurrence = new List<double>();
        var ree = new List<double>();
        var sigma = new List<double>();
        var sigmaTimes = new List<double>();
        bool entangledBefore = true, deadAfter = true, producingAfter = true;
        double minSigmaAfter = double.PositiveInfinity, maxConcurrenceError = 0;
        foreach (var p in study.Points)
        {
            double closedC = PaperMasterEquation.ClosedFormConcurrence(A, Parameters, p.Time);
            maxConcurrenceError = Math.Max(maxConcurrenceError, Math.Abs(p.Concurrence - closedC));
            if (p.Time < closedForm) entangledBefore &= p.Concurrence > 0 && p.RelativeEntropyOfEntanglementLower > 0;
            else
            {
                deadAfter &= p.Concurrence == 0 && p.RelativeEntropyOfEntanglement == 0 && p.Rates.EntanglementProduction == 0;
                double s = p.Rates.EntropyProduction ?? 0;
                minSigmaAfter = Math.Min(minSigmaAfter, s);
                producingAfter &= s > 0;
            }
            rows.Add([p.Time, p.Concurrence, closedC, p.RelativeEntropyOfEntanglement, p.RelativeEntropyOfEntanglementLower,
                p.Rates.EntropyProduction, p.Rates.EntanglementProduction]);
            times.Add(p.Time);
            concurrence.Add(p.Concurrence);
            ree.Add(p.RelativeEntropyOfEntanglement);
            if (p.Rates.EntropyProduction is double sp) { sigmaTimes.Add(p.Time); sigma.Add(sp); }
        }
        double timeError = Math.Abs(numeric - closedForm);
        bool holds = entangledBefore && deadAfter && producingAfter && timeError <= 1e-8 && maxConcurrenceError <= 1e-12
            && study.SuddenDeathTime is double reported && Math.Abs(reported - closedForm) <= 1e-12;
        string finding = $"Concurrence and E_R vanish from t_ESD = {Number(closedForm, 11)} (numerical search: {Number(numeric, 11)}) "
            + $"while σ stays positive afterwards (min σ for t ≥ t_ESD: {Number(minSigmaAfter)} nats per unit time).";
        return new ClaimReport(Id, "Entanglement sudden death: C and E_R reach 0 at t_ESD while σ > 0",
            [new("a", A), new("gamma", Parameters.Gamma), new("kappa", Parameters.Kappa), new("eta", Parameters.Eta),
             new("omega", Parameters.Omega), new("time", EndTime)],
            ["time", "concurrence", "concurrence_closed_form", "E_R", "E_R_lower", "sigma", "sigma_E"],
            rows,
            [new("t_ESD_closed_form", closedForm), new("t_ESD_numerical", numeric), new("min_sigma_after_t_ESD", minSigmaAfter),
             new("max_concurrence_error", maxConcurrenceError)],
            [
                new ClaimPlot("sudden-death", "Concurrence and E_R along eq. (5) on B (γ = 1, κ = 0.5)", "time t (units of 1/γ)",
                    "concurrence (dimensionless), E_R (nats)", false,
                    [new PlotSeries("concurrence", times, concurrence), new PlotSeries("E_R (nats)", times, ree)]),
                new ClaimPlot("sudden-death-sigma", "Entropy production continues after sudden death", "time t (units of 1/γ)",
                    "σ (nats per unit 1/γ of time)", false,
                    [new PlotSeries("σ (Spohn)", sigmaTimes, sigma)]),
            ],
            holds, finding);
    }
}
