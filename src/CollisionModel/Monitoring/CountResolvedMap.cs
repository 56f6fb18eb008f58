using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// A count-resolved map on the system: Φ(z) = Σ_m z^m Φ_m, Φ_m the (trace-decreasing) superoperator of the runs that
/// add m to the selected count N, for one step or a product of steps. Σ_m Φ_m is the unconditional channel; the tilted
/// map Φ_s = Σ_m e^{−s m} Φ_m has spectral radius e^{θ(s)} (<see cref="ScaledCumulantGeneratingFunction"/>). A period's
/// map is the product of its steps' maps (<see cref="Then"/>). Column stacking (vec ρ = column-major storage).
/// Immutable.
/// </summary>
public sealed class CountResolvedMap
{
    private readonly Matrix<Complex>[] _terms;

    private CountResolvedMap(int systemDimension, int minCount, Matrix<Complex>[] terms)
    {
        SystemDimension = systemDimension;
        MinCount = minCount;
        _terms = terms;
    }

    /// <summary>d_S.</summary>
    public int SystemDimension { get; }

    /// <summary>The least count with a term (the terms run from here to <see cref="MaxCount"/>).</summary>
    public int MinCount { get; }

    /// <summary>The greatest count with a term.</summary>
    public int MaxCount => MinCount + _terms.Length - 1;

    /// <summary>Φ_m (a fresh copy; zero outside [<see cref="MinCount"/>, <see cref="MaxCount"/>]).</summary>
    public Matrix<Complex> Term(int count)
    {
        int d2 = SystemDimension * SystemDimension;
        return count < MinCount || count > MaxCount ? Matrix<Complex>.Build.Dense(d2, d2) : _terms[count - MinCount].Clone();
    }

    /// <summary>The identity map with count 0.</summary>
    public static CountResolvedMap Identity(int systemDimension)
    {
        if (systemDimension < 1) throw new DimensionMismatchException($"the system dimension must be ≥ 1, got {systemDimension}.", nameof(systemDimension));
        return new CountResolvedMap(systemDimension, 0, [Matrix<Complex>.Build.DenseIdentity(systemDimension * systemDimension)]);
    }

    /// <summary>
    /// One step's map for the count <paramref name="selection"/> (bath j's outcome with count n adds w_j·n; the other
    /// baths, measured or not, are summed over). O(Π_j |counts_j| · d_S⁶) to compose.
    /// </summary>
    public static CountResolvedMap ForStep(MonitoredStep step, CountSelection selection)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(selection);
        int d = step.SystemDimension;
        var map = step.Before is null ? Identity(d) : new CountResolvedMap(d, 0, [step.Before.Clone()]);
        foreach (var bath in step.Baths)
        {
            int weight = selection.WeightOf(bath.BathIndex);
            int lo = bath.Outcomes.Min(o => weight * o.Count), hi = bath.Outcomes.Max(o => weight * o.Count);
            var terms = new Matrix<Complex>[hi - lo + 1];
            int d2 = d * d;
            for (int i = 0; i < terms.Length; i++) terms[i] = Matrix<Complex>.Build.Dense(d2, d2);
            foreach (var o in bath.Outcomes) terms[weight * o.Count - lo] += o.Superoperator;
            map = map.Then(new CountResolvedMap(d, lo, terms));
        }
        return step.After is null ? map : map.Then(new CountResolvedMap(d, 0, [step.After.Clone()]));
    }

    /// <summary>
    /// The map of one period of <paramref name="protocol"/>: the product of its M step maps (step 0 first), M =
    /// <see cref="CollisionProtocol.StepsPerPeriod"/> (1 without drives, the step map itself), so θ(s) of it is per
    /// period. Throws naming "bath" or "weights" as <see cref="CountSelection.CheckAgainst"/> does, naming "period" when a drive has no period or one that is not a multiple of δt, and naming
    /// "baths" for a collision that depends on the step other than through a drive (it has no period).
    /// O(M · Π_j |counts_j| · d_S⁶) plus the products' O(M² |counts|² d_S⁶).
    /// </summary>
    public static CountResolvedMap ForPeriod(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, double timeStep, CountSelection selection)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(selection);
        selection.CheckAgainst(measurements);
        for (int j = 0; j < protocol.Baths.Count; j++)
            if (!protocol.Baths[j].Collision.IsTimeIndependent)
                throw new ParameterOutOfRangeException($"baths[{j}] has a time-dependent collision: its steps have no period.", "baths");
        int m = protocol.StepsPerPeriod(timeStep);
        var steps = new DistinctStepCache<CountResolvedMap>(protocol, timeStep, n => ForStep(MonitoredStep.Of(protocol, measurements, n, timeStep), selection));
        var map = steps.Of(0);
        for (int n = 1; n < m; n++) map = map.Then(steps.Of(n));
        return map;
    }

    /// <summary>This map followed by <paramref name="later"/>: (later ∘ this)_m = Σ_{a+b=m} later_b · this_a. O(|terms|² d_S⁶).</summary>
    public CountResolvedMap Then(CountResolvedMap later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.SystemDimension != SystemDimension)
            throw new DimensionMismatchException($"the maps act on dimensions {SystemDimension} and {later.SystemDimension}.", nameof(later));
        int d2 = SystemDimension * SystemDimension;
        var terms = new Matrix<Complex>[_terms.Length + later._terms.Length - 1];
        for (int i = 0; i < terms.Length; i++) terms[i] = Matrix<Complex>.Build.Dense(d2, d2);
        for (int a = 0; a < _terms.Length; a++)
            for (int b = 0; b < later._terms.Length; b++)
                terms[a + b] += later._terms[b] * _terms[a];
        return new CountResolvedMap(SystemDimension, MinCount + later.MinCount, terms);
    }

    /// <summary>The tilted map Φ_s = Σ_m e^{−s m} Φ_m (s finite). O(|terms| d_S⁴).</summary>
    public Matrix<Complex> Tilted(double s)
    {
        Guard.Finite(s, nameof(s));
        var sum = Matrix<Complex>.Build.Dense(_terms[0].RowCount, _terms[0].ColumnCount);
        for (int i = 0; i < _terms.Length; i++) sum += Math.Exp(-s * (MinCount + i)) * _terms[i];
        return sum;
    }

    /// <summary>Σ_m m^k Φ_m (k ≥ 0); k = 0 is the unconditional channel. O(|terms| d_S⁴).</summary>
    public Matrix<Complex> Moment(int k)
    {
        if (k < 0) throw new ParameterOutOfRangeException($"the moment order must be ≥ 0, got {k}.", nameof(k));
        var sum = Matrix<Complex>.Build.Dense(_terms[0].RowCount, _terms[0].ColumnCount);
        for (int i = 0; i < _terms.Length; i++) sum += Math.Pow(MinCount + i, k) * _terms[i];
        return sum;
    }

    /// <summary>The terms in count order, from <see cref="MinCount"/> (the library's propagation reads them without copies).</summary>
    internal IReadOnlyList<Matrix<Complex>> Terms => _terms;
}
