using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using static CollisionModel.Reproduction.MasterEquationClaimSupport;

namespace CollisionModel.Reproduction;

/// <summary>
/// Claim 1: along eq. (5) on qubit B the entropy production σ = −tr[𝓛(ρ)(ln ρ − ln ρ_T)] (Spohn) is ≥ 0 and equals
/// −d/dt S(ρ‖ρ_T) (checked by a central finite difference of the relative entropy along the closed-form ρ(t)); the
/// relative entropy splits into the paper's eq. (1) terms ΔS_int = S(ρ_T) − S(ρ) and ΔS_ext = tr[(ρ_T − ρ) ln ρ_T]
/// with ΔS_int + ΔS_ext = S(ρ‖ρ_T). With κ = 0 the zero-temperature ρ_T is rank deficient and σ = +∞ for t &gt; 0.
/// Cost: O(points) 4×4 eigen-problems.
/// </summary>
public sealed class Claim1EntropyProduction : IPaperClaim
{
    /// <summary>Bell state, γ = 1, κ = 0.5, η = 0.2, ω = 0 (κ &gt; 0 keeps ρ_T full rank and σ finite).</summary>
    public static PaperMasterEquationParameters Parameters { get; } = new(0, 1, 0.5, 0.2);

    /// <summary>Initial amplitude a of a|00> + b|11> (the Bell state).</summary>
    public const double A = 0.7071067811865476;

    /// <summary>Final time T (units of 1/γ).</summary>
    public const double EndTime = 3;

    /// <summary>Half-step of the central difference of S(ρ‖ρ_T) (units of 1/γ).</summary>
    public const double FiniteDifferenceStep = 1e-4;

    /// <inheritdoc />
    public string Id => "1-entropy-production";

    /// <inheritdoc />
    public ClaimReport Evaluate(PaperSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int n = settings.Reduced ? 11 : 61;
        var generator = PaperMasterEquation.Create(Parameters);
        var rhoT = PaperMasterEquation.StationaryState(A, Parameters);
        var lnRhoT = MatrixFunctions.LogOnSupport(rhoT.ToMatrix());
        double entropyT = Entropy.VonNeumann(rhoT);

        var times = Grid(EndTime / (n - 1), EndTime, n - 1);
        var rows = new List<IReadOnlyList<object?>>();
        var sigmas = new List<double>();
        var relative = new List<double>();
        var internalTerm = new List<double>();
        var externalTerm = new List<double>();
        double minSigma = double.PositiveInfinity, minSigmaTime = 0, maxSplitError = 0, maxFdError = 0;
        for (int i = 0; i < times.Length; i++)
        {
            double t = times[i];
            var rho = PaperMasterEquation.ClosedForm(A, Parameters, t);
            double d = RelativeEntropy.Compute(rho, rhoT);
            double dInt = entropyT - Entropy.VonNeumann(rho);
            double dExt = TraceProduct(rhoT.ToMatrix() - rho.ToMatrix(), lnRhoT);
            double sigma = EntropyProduction.Compute(generator, rho, rhoT).Sigma
                ?? throw new InvalidOperationException($"σ undefined at t = {t} although ρ(t) is full rank.");
            double h = FiniteDifferenceStep;
            double fd = -(RelativeEntropy.Compute(PaperMasterEquation.ClosedForm(A, Parameters, t + h), rhoT)
                - RelativeEntropy.Compute(PaperMasterEquation.ClosedForm(A, Parameters, t - h), rhoT)) / (2 * h);
            if (sigma < minSigma) (minSigma, minSigmaTime) = (sigma, t);
            maxSplitError = Math.Max(maxSplitError, Math.Abs(dInt + dExt - d));
            maxFdError = Math.Max(maxFdError, Math.Abs(sigma - fd) / Math.Max(1, Math.Abs(sigma)));
            rows.Add([t, d, dInt, dExt, dInt + dExt - d, sigma, fd]);
            sigmas.Add(sigma);
            relative.Add(d);
            internalTerm.Add(dInt);
            externalTerm.Add(dExt);
            progress?.Report((i + 1.0) / (times.Length + 1));
        }

        // κ = 0: ρ_T = diag(a², 0, b², 0) while |11> still decays: weight leaves supp ρ_T, σ = +∞.
        var zeroTemperature = Parameters with { Kappa = 0 };
        var zeroTemperatureRhoT = PaperMasterEquation.StationaryState(A, zeroTemperature);
        var zeroTemperatureGenerator = PaperMasterEquation.Create(zeroTemperature);
        double? sigmaZeroTemperature = EntropyProduction.Compute(zeroTemperatureGenerator,
            PaperMasterEquation.ClosedForm(A, zeroTemperature, 0.5), zeroTemperatureRhoT).Sigma;
        progress?.Report(1);

        bool nonNegative = minSigma >= -1e-12;
        bool splitExact = maxSplitError <= 1e-12;
        bool derivative = maxFdError <= 1e-6;
        bool infinite = sigmaZeroTemperature is double s0 && double.IsPositiveInfinity(s0);
        bool holds = nonNegative && splitExact && derivative && infinite;
        string finding = $"σ ≥ 0 at all {times.Length} times (min σ = {Number(minSigma)} nats per unit time at t = {Number(minSigmaTime)}), "
            + $"σ = −dS(ρ‖ρ_T)/dt to {Number(maxFdError, 2)} (relative), ΔS_int + ΔS_ext = S(ρ‖ρ_T) to {Number(maxSplitError, 2)} nats, "
            + $"and σ = {(sigmaZeroTemperature is double z ? Number(z) : "undefined")} for κ = 0 at t = 0.5.";

        var plots = new List<ClaimPlot>
        {
            new("entropy-production", "Entropy production along eq. (5) on B (γ = 1, κ = 0.5, η = 0.2)",
                "time t (units of 1/γ)", "σ (nats per unit 1/γ of time)", false,
                [new PlotSeries("σ (Spohn)", times, sigmas)]),
            new("entropy-split", "S(ρ‖ρ_T) and its split ΔS_int + ΔS_ext (eq. 1)",
                "time t (units of 1/γ)", "nats", false,
                [
                    new PlotSeries("S(ρ‖ρ_T)", times, relative),
                    new PlotSeries("ΔS_int = S(ρ_T) − S(ρ)", times, internalTerm),
                    new PlotSeries("ΔS_ext = tr(ρ_T − ρ) ln ρ_T", times, externalTerm),
                ]),
        };
        return new ClaimReport(Id, "Entropy production σ ≥ 0 (Spohn) and the split ΔS_int + ΔS_ext = S(ρ‖ρ_T)",
            [new("a", A), new("gamma", Parameters.Gamma), new("kappa", Parameters.Kappa), new("eta", Parameters.Eta),
             new("omega", Parameters.Omega), new("time", EndTime), new("finite_difference_step", FiniteDifferenceStep)],
            ["time", "S_rel", "dS_int", "dS_ext", "split_error", "sigma", "sigma_fd"],
            rows,
            [new("min_sigma", minSigma), new("max_split_error", maxSplitError), new("max_relative_fd_error", maxFdError),
             new("sigma_kappa0_t0.5", sigmaZeroTemperature)],
            plots, holds, finding);
    }
}
