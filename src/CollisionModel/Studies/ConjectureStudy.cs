using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Studies;

/// <summary>
/// The conjecture study along one trajectory of a detailed-balance generator: at each output time the state
/// ρ(t) = e^{𝓛t}ρ₀, its trace distance to the Gibbs state, E_R(ρ(t)) (warm-started from the previous closest
/// separable state) and, where ρ(t) is resolved from equilibrium, the rates σ, σ_E and |σ_E|/σ, the worst of which is
/// <see cref="ConjectureRatio.Worst"/>. The one loop behind the CLI's <c>conjecture</c> and the paper's claim 8.
/// Entropies in nats, rates in nats per unit time. O(points · (D⁶ + REE)).
/// </summary>
public static class ConjectureStudy
{
    /// <summary>
    /// Times closer than this trace distance to ρ_G get no σ, σ_E: σ = O(ε²) is a difference of O(ε) terms, so rounding
    /// reaches it near ε ≈ 10⁻⁸; 10⁻⁴ keeps a wide margin. Below it the near-equilibrium coefficient describes the ratio.
    /// </summary>
    public const double EquilibriumResolution = 1e-4;

    /// <summary>Runs the study at <paramref name="times"/> (each ≥ 0, in order) from <paramref name="initial"/>; reports progress per time.</summary>
    public static ConjectureStudyResult Run(DetailedBalanceGenerator model, DensityMatrix initial, IReadOnlyList<double> times, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(times);
        Guard.Dimension(initial.ToMatrix(), model.Gibbs.Dimension, nameof(initial));
        var points = new List<ConjectureStudyPoint>(times.Count);
        DensityMatrix? warm = null;
        for (int k = 0; k < times.Count; k++)
        {
            double t = times[k];
            var rho = model.Generator.Evolve(initial, t);
            double distance = TraceDistance.Compute(rho, model.Gibbs);
            var ree = RelativeEntropyOfEntanglement.Compute(rho, null, warm);
            if (ree.Method != ReeMethod.Separable) warm = ree.ClosestSeparable;
            var rates = distance >= EquilibriumResolution ? ProductionRates.Evaluate(model.Generator, rho, model.Gibbs, ree) : null;
            points.Add(new ConjectureStudyPoint(t, distance, ree.Value, rates));
            progress?.Report((k + 1.0) / times.Count);
        }
        var worst = ConjectureRatio.Worst(times, points.Select(p => p.Rates?.EntanglementProduction).ToArray(),
            points.Select(p => p.Rates?.EntropyProduction).ToArray());
        return new ConjectureStudyResult(points, worst);
    }
}

/// <summary>One output time of a <see cref="ConjectureStudy"/>. Immutable.</summary>
/// <param name="Time">t (time units).</param>
/// <param name="TraceDistanceToGibbs">½‖ρ(t) − ρ_G‖₁.</param>
/// <param name="RelativeEntropyOfEntanglement">E_R(ρ(t)) in nats.</param>
/// <param name="Rates">σ, σ_E and |σ_E|/σ; null when ρ(t) is within <see cref="ConjectureStudy.EquilibriumResolution"/> of ρ_G.</param>
public sealed record ConjectureStudyPoint(double Time, double TraceDistanceToGibbs, double RelativeEntropyOfEntanglement, ProductionRates? Rates);

/// <summary>The points of a <see cref="ConjectureStudy"/> and its worst ratio (null when no ratio exists). Immutable.</summary>
public sealed record ConjectureStudyResult(IReadOnlyList<ConjectureStudyPoint> Points, WorstConjectureRatio? Worst);
