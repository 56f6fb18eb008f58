using CollisionModel.Validation;

namespace CollisionModel.Monitoring;

/// <summary>
/// The count N = Σ_j w_j N_j whose statistics are wanted: the listed baths' cumulative counts with integer weights
/// (e.g. the quanta ω_j/ω of each bath's energy for a power). Immutable.
/// </summary>
public sealed class CountSelection
{
    /// <summary>
    /// The widest range of values one step may add to N (Σ_j |w_j|·(the spread of bath j's counts)): the count-resolved
    /// maps hold one dense superoperator per value, so a wider step costs memory and time in proportion (weights are
    /// numbers of a common quantum; 4096 of them per step is far beyond any ratio of frequencies a machine uses).
    /// </summary>
    public const long MaxStepSpan = 1 << 12;

    /// <summary>Creates a selection; <paramref name="weights"/> default to 1 each.</summary>
    /// <param name="baths">Distinct bath indices (0-based), at least one.</param>
    /// <param name="weights">One integer weight per bath, or null for all 1.</param>
    public CountSelection(IReadOnlyList<int> baths, IReadOnlyList<int>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(baths);
        if (baths.Count == 0) throw new ParameterOutOfRangeException("count at least one bath.", "bath");
        if (baths.Distinct().Count() != baths.Count) throw new ParameterOutOfRangeException($"a bath is listed twice in [{string.Join(", ", baths)}].", "bath");
        if (weights is not null && weights.Count != baths.Count)
            throw new DimensionMismatchException($"expected one weight per bath ({baths.Count}), got {weights.Count}.", "weights");
        Baths = baths.ToArray();
        Weights = weights?.ToArray() ?? Enumerable.Repeat(1, baths.Count).ToArray();
    }

    /// <summary>One bath's count with weight 1.</summary>
    public static CountSelection Single(int bath) => new([bath]);

    /// <summary>The counted baths.</summary>
    public IReadOnlyList<int> Baths { get; }

    /// <summary>Their integer weights.</summary>
    public IReadOnlyList<int> Weights { get; }

    /// <summary>The weight of bath <paramref name="bath"/> (0 when it is not counted).</summary>
    public int WeightOf(int bath)
    {
        for (int i = 0; i < Baths.Count; i++) if (Baths[i] == bath) return Weights[i];
        return 0;
    }

    /// <summary>
    /// Throws naming "bath" unless every counted bath exists and is measured, and naming "weights" when one step's
    /// weighted count spans more than <see cref="MaxStepSpan"/> values (computed without overflow). O(Σ_j |outcomes_j|).
    /// </summary>
    public void CheckAgainst(IReadOnlyList<AncillaMeasurement?> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (int j in Baths)
        {
            if (j < 0 || j >= measurements.Count)
                throw new ParameterOutOfRangeException($"bath {j} is out of range: the model has {measurements.Count} bath(s), numbered 0 … {measurements.Count - 1}.", "bath");
            if (measurements[j] is null)
                throw new ParameterOutOfRangeException($"bath {j} is not measured: give it a \"measure\" key to count it.", "bath");
        }
        long span = 0;
        for (int i = 0; i < Baths.Count; i++)
        {
            var counts = measurements[Baths[i]]!.Outcomes.Select(o => (long)o.Count).ToArray();
            long spread = counts.Max() - counts.Min(), weight = Math.Abs((long)Weights[i]);
            // Compared by division first: |w|·spread can exceed the range of a long.
            if (spread > 0 && weight > (MaxStepSpan - span) / spread)
                throw new ParameterOutOfRangeException(
                    $"one step's weighted count would span more than {MaxStepSpan} values (the weights [{string.Join(", ", Weights)}] times the spread of each bath's counts); give the weights in a coarser common quantum.", "weights");
            span += weight * spread;
        }
    }
}
