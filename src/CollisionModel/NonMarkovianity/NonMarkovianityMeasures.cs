using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.NonMarkovianity;

/// <summary>
/// How non-Markovian the system's reduced dynamics is, from its dynamical maps Λ_0 … Λ_K:
/// <list type="bullet">
/// <item>BLP (Breuer–Laine–Piilo): information backflow, max over pairs of Σ_n max(0, D_{n+1} − D_n), D_n the trace
/// distance of the pair's evolved states, over the deterministic basis pairs (<see cref="StatePair.Basis"/>) and,
/// for <see cref="NonMarkovianityResult.Blp"/>, also over seeded random orthogonal pure pairs. A maximum over a finite
/// set of pairs is a lower bound on the measure (optimal pairs are orthogonal; for a qubit, pure and antipodal).</item>
/// <item>RHP (Rivas–Huelga–Plenio): Σ_n max(0, ‖(V_n ⊗ 1)|Φ⟩⟨Φ|‖₁ − 1), V_n = Λ_{n+1} Λ_n⁻¹, zero iff every
/// intermediate map is completely positive; a step whose Λ_n is near-singular is skipped and counted.</item>
/// </list>
/// Both vanish for any memoryless protocol (every step is one CPTP map, so V_n is CP and D_n cannot grow).
/// </summary>
public static class NonMarkovianityMeasures
{
    /// <summary>
    /// The measures of the run <paramref name="run"/> (its protocol, K and δt; its initial state is irrelevant: the maps
    /// are built from the d² tomography inputs) in <paramref name="representation"/>. Cost: d² engine runs of K steps,
    /// then per step O(d⁶) for RHP and O(P·d⁴) for P pairs; memory: d² engines plus 8·P bytes per emitted record.
    /// </summary>
    public static NonMarkovianityResult Measure(CollisionRunOptions run, Representation representation, NonMarkovianityOptions options,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        run.Validate();
        options.Validate();
        return Measure(DynamicalMaps.Of(run, representation, progress, cancellationToken), run.Protocol.SystemSpace, run.Grid, options);
    }

    /// <summary>
    /// The measures of a given sequence of maps <paramref name="maps"/> = Λ_0 … Λ_K (d²×d² superoperators, column
    /// stacking; exactly <paramref name="grid"/>.Steps + 1 of them, consumed once, in order) on <paramref name="system"/>.
    /// Any source of maps works: <see cref="DynamicalMaps.Of(Func{States.DensityMatrix, ICollisionEngine}, CompositeSpace, int, IProgress{double}?, CancellationToken)"/>
    /// for an engine, or a closed form.
    /// </summary>
    public static NonMarkovianityResult Measure(IEnumerable<Matrix<Complex>> maps, CompositeSpace system, TimeGrid grid, NonMarkovianityOptions options)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int d = system.Dimension;
        if (d > DynamicalMaps.MaxDimension)
            throw new ParameterOutOfRangeException(
                $"The non-Markovianity measures take a system of dimension ≤ {DynamicalMaps.MaxDimension}; this one ({system}) has {d}.", "system.dims");
        long k = grid.Steps;
        var basis = StatePair.Basis(system);
        var pairs = new List<StatePair>(basis);
        for (int i = 0; i < options.Pairs; i++) pairs.Add(StatePair.Random(system, options.Seed, i));
        var tracker = new PairDistances(pairs, d);
        var backflow = new double[pairs.Count];
        var previous = new double[pairs.Count];
        var emittedSteps = new List<long>();
        var emittedDistances = new List<double[]>();
        var emittedRhp = new List<double>();
        double rhp = 0;
        int singular = 0;
        Matrix<Complex>? before = null;
        long n = 0;
        foreach (var map in maps)
        {
            if (n > k) throw new DimensionMismatchException($"Expected {k + 1} maps (steps 0 … {k}), got more.", nameof(maps));
            if (map.RowCount != d * d || map.ColumnCount != d * d)
                throw new DimensionMismatchException($"Map {n} is {map.RowCount}×{map.ColumnCount}, expected {d * d}×{d * d}.", nameof(maps));
            var current = tracker.Distances(map);
            double increment = 0;
            if (before is not null)
            {
                for (int p = 0; p < current.Length; p++) backflow[p] += Math.Max(0, current[p] - previous[p]);
                if (IntermediateMap.Between(before, map) is { } v) increment = IntermediateMap.CompletePositivityDefect(v, d);
                else singular++;
                rhp += increment;
            }
            if (n % options.RecordEvery == 0 || n == k)
            {
                emittedSteps.Add(n);
                emittedDistances.Add(current);
                emittedRhp.Add(increment);
            }
            previous = current;
            before = map;
            n++;
        }
        if (n != k + 1) throw new DimensionMismatchException($"Expected {k + 1} maps (steps 0 … {k}), got {n}.", nameof(maps));
        int bestBasis = ArgMax(backflow, basis.Count), best = ArgMax(backflow, pairs.Count);
        var records = new NonMarkovianityRecord[emittedSteps.Count];
        for (int r = 0; r < records.Length; r++)
            records[r] = new NonMarkovianityRecord(emittedSteps[r], grid.TimeAt(emittedSteps[r]), emittedDistances[r][best], emittedRhp[r]);
        return new NonMarkovianityResult
        {
            BlpBasis = backflow[bestBasis],
            BlpBasisPair = pairs[bestBasis],
            Blp = backflow[best],
            BlpPair = pairs[best],
            Rhp = rhp,
            RhpSingularSteps = singular,
            PairBackflows = backflow,
            FollowedPairs = pairs,
            Records = records,
        };
    }

    // The first index of the largest value among the first `count` (a tie keeps the earlier, deterministic pair).
    private static int ArgMax(double[] values, int count)
    {
        int best = 0;
        for (int i = 1; i < count; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>D_n = ½‖Λ_n(Δ_p)‖₁ of every pair's difference Δ_p = |ψ₁⟩⟨ψ₁| − |ψ₂⟩⟨ψ₂|, allocation-free apart from the result.</summary>
    private sealed class PairDistances
    {
        private readonly Complex[][] _differences;
        private readonly int _d;
        private readonly Complex[] _image, _work;
        private readonly double[] _values;

        public PairDistances(IReadOnlyList<StatePair> pairs, int dimension)
        {
            _d = dimension;
            _differences = pairs.Select(p => p.Difference()).ToArray();
            _image = new Complex[dimension * dimension];
            _work = new Complex[dimension * dimension];
            _values = new double[dimension];
        }

        public double[] Distances(Matrix<Complex> map)
        {
            var s = map.AsColumnMajorArray() ?? map.ToColumnMajorArray();
            int m = _d * _d;
            var result = new double[_differences.Length];
            for (int p = 0; p < _differences.Length; p++)
            {
                var x = _differences[p];
                Array.Clear(_image);
                for (int c = 0; c < m; c++)
                {
                    var xc = x[c];
                    if (xc == Complex.Zero) continue;
                    var column = s.AsSpan(c * m, m);
                    for (int r = 0; r < m; r++) _image[r] += column[r] * xc;
                }
                HermitianEigen.Eigenvalues(_image, _d, _values, _work);
                double sum = 0;
                for (int i = 0; i < _d; i++) sum += Math.Abs(_values[i]);
                result[p] = 0.5 * sum;
            }
            return result;
        }
    }
}
