namespace CollisionModel.Studies;

/// <summary>
/// The paper's conjecture |σ_E| ≤ σ (entanglement production bounded by entropy production), checked as the ratio
/// |σ_E|/σ. The ratio exists only when both rates exist and σ is finite and positive (the CLI's null otherwise).
/// </summary>
public static class ConjectureRatio
{
    /// <summary>|σ_E|/σ; null when either is null, σ_E is not finite, or σ is 0, negative or +∞.</summary>
    public static double? Of(double? entanglementProduction, double? entropyProduction)
    {
        if (entanglementProduction is not double e || entropyProduction is not double s) return null;
        if (!double.IsFinite(e) || !double.IsFinite(s) || s <= 0) return null;
        return Math.Abs(e) / s;
    }

    /// <summary>The largest existing ratio over paired series (same length, one entry per output time); null when none exists.</summary>
    public static WorstConjectureRatio? Worst(IReadOnlyList<double> times, IReadOnlyList<double?> entanglementProduction, IReadOnlyList<double?> entropyProduction)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(entanglementProduction);
        ArgumentNullException.ThrowIfNull(entropyProduction);
        if (entanglementProduction.Count != times.Count || entropyProduction.Count != times.Count)
            throw new Validation.DimensionMismatchException(
                $"Series lengths differ: {times.Count} times, {entanglementProduction.Count} σ_E, {entropyProduction.Count} σ.", nameof(entropyProduction));
        WorstConjectureRatio? worst = null;
        for (int k = 0; k < times.Count; k++)
        {
            if (Of(entanglementProduction[k], entropyProduction[k]) is double r && (worst is null || r > worst.Ratio))
                worst = new WorstConjectureRatio(r, k, times[k]);
        }
        return worst;
    }
}
