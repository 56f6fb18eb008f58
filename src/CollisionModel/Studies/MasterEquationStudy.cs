using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Studies;

/// <summary>
/// The paper's eq. (5) (docs/conventions.md §1 conventions) acting on qubit A, B or both, started from a|00> + b|11>,
/// evaluated at N equally spaced times in [0, T]: ρ(t), S_AB, E_R with its certified lower bound, concurrence, entropy
/// production σ against ρ_T, entanglement production σ_E and the conjecture ratio |σ_E|/σ.
/// </summary>
public static class MasterEquationStudy
{
    /// <summary>
    /// Runs the study. ρ(t) is propagated with one exact step exp(𝓛Δt), Δt = T/(N − 1), reused N − 1 times; each E_R
    /// is warm-started from the previous σ*. Cost: O(N) 4×4 eigen-problems plus one REE solve per point (warm starts
    /// make most of them a few Newton steps) plus the sudden-death search.
    /// Throws <see cref="ParameterOutOfRangeException"/> for a ∉ [0, 1], T ≤ 0 or not finite, N &lt; 2, and for
    /// negative or non-finite rates.
    /// </summary>
    /// <param name="a">Initial amplitude: ρ(0) = |ψ⟩⟨ψ|, ψ = a|00⟩ + √(1−a²)|11⟩.</param>
    /// <param name="parameters">ω, γ, κ, η.</param>
    /// <param name="target">The qubit(s) eq. (5) acts on.</param>
    /// <param name="endTime">T &gt; 0.</param>
    /// <param name="points">N ≥ 2.</param>
    /// <param name="progress">Receives the fraction done (0…1), optional.</param>
    public static MasterEquationStudyResult Run(double a, PaperMasterEquationParameters parameters, TargetQubit target,
        double endTime, int points, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Guard.InRange(a, 0, 1, nameof(a));
        Guard.Positive(endTime, nameof(endTime));
        if (points < 2) throw new ParameterOutOfRangeException($"points must be ≥ 2, got {points}.", nameof(points));

        var generator = PaperMasterEquation.Create(parameters, target);
        // On one qubit ρ(t) has a closed form (on A the swap of that on B, ψ being swap symmetric): it and its
        // entropy rate are taken from it, so σ and σ_E keep the eigenvalues of order t² and do not depend on N.
        bool closedForm = target is TargetQubit.A or TargetQubit.B;
        var generatorOnB = target == TargetQubit.B ? generator : closedForm ? PaperMasterEquation.Create(parameters, TargetQubit.B) : null;
        var rho0 = PaperMasterEquation.InitialState(a);
        var rhoT = StationaryState(a, parameters, target);

        var result = new List<MasterEquationStudyPoint>(points);
        DensityMatrix? warmStart = null;
        double? maxRatio = null;
        int i = 0;
        foreach (var (t, propagated) in ExactPropagator.OverGrid(generator, rho0, endTime, points))
        {
            double? entropyRate = null;
            var rho = propagated;
            if (i > 0 && closedForm)
            {
                var onB = PaperMasterEquation.ClosedForm(a, parameters, t);
                rho = target == TargetQubit.B ? onB : onB.Permute(1, 0);
                entropyRate = PaperEntropyRate.OnB(a, parameters, t, generatorOnB!.Apply(onB));
            }
            // A warm start leaves σ* resolved only to the solver's stopping rule, which moved σ_E by ~4e-11 with N; the
            // closed-form X states take the cheap cold X-state path instead.
            var ree = RelativeEntropyOfEntanglement.Compute(rho, null, closedForm ? null : warmStart);
            if (ree.Method != ReeMethod.Separable) warmStart = ree.ClosestSeparable;
            // ρ(0) is always pure here: at t = 0 the one-sided dS/dt is +∞ or undefined, so σ and σ_E do not exist.
            var rates = ProductionRates.Evaluate(generator, rho, rhoT, ree, initialInstantOfPureState: i == 0, entropyRate);
            if (rates.ConjectureRatio is double r && (maxRatio is null || r > maxRatio)) maxRatio = r;
            result.Add(new MasterEquationStudyPoint(t, rho, Entropy.VonNeumann(rho), ree.Value, ree.LowerBound,
                ree.ClosestSeparable, ConcurrenceOf(rho), rates));
            i++;
            progress?.Report(i / (points + 1.0));
        }
        double? suddenDeath = SuddenDeathTime(a, parameters, target);
        progress?.Report(1);
        return new MasterEquationStudyResult(result, suddenDeath, rhoT, maxRatio);
    }

    /// <summary>
    /// ρ_T, the stationary state reached from a|00> + b|11> under eq. (5) on <paramref name="target"/>, in closed form
    /// (exact zeros, so σ = +∞ is detected without rounding noise): on B, diag(a², b²)_A ⊗ diag(γ, κ)/(γ+κ)_B; on A the
    /// swap of that (ψ is swap symmetric); on both with γ+κ &gt; 0, the product of the two thermal states; without
    /// γ and κ, the dephased diag(a², 0, 0, b²) (or ρ(0) when nothing acts). O(1).
    /// </summary>
    public static DensityMatrix StationaryState(double a, PaperMasterEquationParameters parameters, TargetQubit target)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Guard.InRange(a, 0, 1, nameof(a));
        var onB = PaperMasterEquation.StationaryState(a, parameters);
        switch (target)
        {
            case TargetQubit.B:
                return onB;
            case TargetQubit.A:
                return onB.Permute(1, 0);
            case TargetQubit.Both:
                double g = parameters.G;
                if (g == 0) return onB;
                var thermal = PaperModels.ThermalQubit(parameters.Gamma, parameters.Kappa);
                return DensityMatrix.Product(thermal, thermal).WithSpace(PaperMasterEquation.Space);
            default:
                throw new ParameterOutOfRangeException($"Unknown target {target}.", nameof(target));
        }
    }

    /// <summary>
    /// First t &gt; 0 at which the concurrence of ρ(t) reaches 0 (0 if ρ(0) is separable, null if never). On B the
    /// closed form of docs/conventions.md §7; on A the same (eq. (5) on A is the swap of eq. (5) on B and ψ is swap
    /// symmetric); on both a grid search with bisection (<see cref="SuddenDeath.Time"/>) up to a horizon of
    /// 60/(γ+κ+η) or T, whichever is longer, beyond which the concurrence is below e^{−30} of its initial value
    /// unless it already died.
    /// </summary>
    public static double? SuddenDeathTime(double a, PaperMasterEquationParameters parameters, TargetQubit target, double endTime = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Guard.InRange(a, 0, 1, nameof(a));
        Guard.NonNegative(endTime, nameof(endTime));
        double b = Math.Sqrt(Math.Max(0, 1 - a * a));
        if (a * b == 0) return 0;
        if (target is TargetQubit.A or TargetQubit.B) return PaperMasterEquation.ClosedFormSuddenDeathTime(parameters);
        if (target != TargetQubit.Both) throw new ParameterOutOfRangeException($"Unknown target {target}.", nameof(target));
        double rate = parameters.G + parameters.Eta;
        // Only ω: the concurrence is conserved.
        if (rate == 0) return null;
        double horizon = Math.Max(endTime, 60 / rate);
        return SuddenDeath.Time(PaperMasterEquation.Create(parameters, target), PaperMasterEquation.InitialState(a), horizon, 3000);
    }

    /// <summary>Concurrence: the exact X-state formula when ρ is an X state (clean zeros at sudden death), else Wootters'.</summary>
    public static double ConcurrenceOf(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        return Concurrence.IsXState(rho, 1e-13) ? Concurrence.XState(rho) : Concurrence.Wootters(rho);
    }
}
