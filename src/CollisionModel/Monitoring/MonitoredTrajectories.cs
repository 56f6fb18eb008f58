using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Protocols;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Monitoring;

/// <summary>
/// Quantum trajectories of a monitored collision model: at every collision of a measured bath one outcome is drawn
/// with Born's rule from the conditional maps of <see cref="MonitoredStep"/> and the system's state is conditioned on
/// it (unmeasured baths act as their full channel). Trajectory i draws from a stream fixed by (seed, i) alone and the
/// trajectories are summed in fixed blocks in index order, so the result is the same bits for any thread count. The
/// average conditional state equals the unconditional ρ_S(t) in expectation for every δt. Cost O(N · K · Σ_j
/// |outcomes_j| · d_S⁴), parallel over trajectories; memory O(records · d_S²) per block of trajectories.
/// </summary>
public static class MonitoredTrajectories
{
    /// <summary>Trajectories per block: the unit of work and of the fixed summation order.</summary>
    public const int BlockSize = 16;

    private const int BlocksPerBatch = 64;

    /// <summary>
    /// Runs <paramref name="trajectories"/> trajectories of <paramref name="steps"/> steps of length δt from ρ_S(0),
    /// recording every <paramref name="recordEvery"/> steps (0 and K always), on up to <paramref name="threads"/> threads
    /// (default: every core). Throws a <see cref="QuantumInputException"/> naming the key or option for a protocol that
    /// cannot be monitored, no measured bath, N &lt; 1, K &lt; 1 or a record interval &lt; 1.
    /// </summary>
    public static TrajectoryStatistics Run(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, DensityMatrix initialState,
        double timeStep, int steps, int trajectories, long seed, int recordEvery = 1, int? threads = null,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        MonitoredStep.CheckMonitorable(protocol, measurements);
        Guard.Positive(timeStep, nameof(timeStep));
        if (steps < 1) throw new ParameterOutOfRangeException($"the number of steps must be ≥ 1, got {steps}.", "steps");
        if (trajectories < 1) throw new ParameterOutOfRangeException($"the number of trajectories must be ≥ 1, got {trajectories}.", "trajectories");
        if (recordEvery < 1) throw new ParameterOutOfRangeException($"the record interval must be ≥ 1, got {recordEvery}.", "record-every");
        if (threads is < 1) throw new ParameterOutOfRangeException($"the number of threads must be ≥ 1, got {threads}.", "threads");
        var measured = Enumerable.Range(0, measurements.Count).Where(j => measurements[j] is not null).ToArray();
        if (measured.Length == 0) throw new ParameterOutOfRangeException("trajectories need at least one bath with a \"measure\" key.", "measure");
        int d = protocol.SystemDimension;
        Guard.Dimension(initialState.ToMatrix(), d, "state");

        var recordSteps = new List<int> { 0 };
        for (int n = 1; n <= steps; n++) if (n % recordEvery == 0 || n == steps) recordSteps.Add(n);
        var maps = new StepSource(protocol, measurements, timeStep, steps);
        var context = new Context(d, measured, recordSteps.ToArray(), initialState.ColumnMajor.ToArray(), seed, steps, maps);

        var total = new Sums(context);
        var finalCounts = new long[trajectories][];
        int blocks = (trajectories + BlockSize - 1) / BlockSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount, CancellationToken = cancellation };
        int done = 0;
        for (int first = 0; first < blocks; first += BlocksPerBatch)
        {
            int count = Math.Min(BlocksPerBatch, blocks - first);
            var partial = new Sums[count];
            Parallel.For(0, count, options, b =>
            {
                var sums = new Sums(context);
                int start = (first + b) * BlockSize, end = Math.Min(trajectories, start + BlockSize);
                var worker = new Worker(context);
                for (int i = start; i < end; i++) finalCounts[i] = worker.Run(i, sums, cancellation);
                partial[b] = sums;
                progress?.Report(Interlocked.Add(ref done, end - start) / (double)trajectories);
            });
            foreach (var sums in partial) total.Add(sums);
        }
        var records = total.ToRecords(trajectories, timeStep, initialState);
        return new TrajectoryStatistics(trajectories, seed, measured, records, finalCounts);
    }

    /// <summary>The step maps: one for a time-independent protocol, else built on first use per step (deterministic, so a race only repeats work).</summary>
    private sealed class StepSource(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, double timeStep, int steps)
    {
        private readonly MonitoredStep? _fixed = protocol.IsTimeDependent ? null : MonitoredStep.Of(protocol, measurements, 0, timeStep);
        private readonly MonitoredStep?[] _cache = protocol.IsTimeDependent ? new MonitoredStep?[steps] : [];

        public MonitoredStep At(int n)
        {
            if (_fixed is not null) return _fixed;
            return Volatile.Read(ref _cache[n]) ?? Interlocked.CompareExchange(ref _cache[n], MonitoredStep.Of(protocol, measurements, n, timeStep), null) ?? _cache[n]!;
        }
    }

    private sealed record Context(int Dimension, int[] Measured, int[] RecordSteps, Complex[] Initial, long Seed, int Steps, StepSource Maps);

    /// <summary>Sums over a set of trajectories, per record: Σρ, Σ(Re ρ)², Σ(Im ρ)², Σ counts, Σ counts², Σ S.</summary>
    private sealed class Sums
    {
        private readonly Context _c;
        public readonly Complex[][] Rho;
        public readonly double[][] Re2, Im2;
        public readonly long[][] Counts, Counts2;
        public readonly double[] EntropySum;

        public Sums(Context c)
        {
            _c = c;
            int r = c.RecordSteps.Length, d2 = c.Dimension * c.Dimension, b = c.Measured.Length;
            Rho = Make(r, () => new Complex[d2]);
            Re2 = Make(r, () => new double[d2]);
            Im2 = Make(r, () => new double[d2]);
            Counts = Make(r, () => new long[b]);
            Counts2 = Make(r, () => new long[b]);
            EntropySum = new double[r];
        }

        private static T[] Make<T>(int n, Func<T> f) => Enumerable.Range(0, n).Select(_ => f()).ToArray();

        public void Record(int r, Complex[] rho, long[] counts, double entropy)
        {
            for (int k = 0; k < rho.Length; k++)
            {
                Rho[r][k] += rho[k];
                Re2[r][k] += rho[k].Real * rho[k].Real;
                Im2[r][k] += rho[k].Imaginary * rho[k].Imaginary;
            }
            for (int b = 0; b < counts.Length; b++)
            {
                Counts[r][b] += counts[b];
                Counts2[r][b] += counts[b] * counts[b];
            }
            EntropySum[r] += entropy;
        }

        public void Add(Sums o)
        {
            for (int r = 0; r < Rho.Length; r++)
            {
                for (int k = 0; k < Rho[r].Length; k++)
                {
                    Rho[r][k] += o.Rho[r][k];
                    Re2[r][k] += o.Re2[r][k];
                    Im2[r][k] += o.Im2[r][k];
                }
                for (int b = 0; b < Counts[r].Length; b++)
                {
                    Counts[r][b] += o.Counts[r][b];
                    Counts2[r][b] += o.Counts2[r][b];
                }
                EntropySum[r] += o.EntropySum[r];
            }
        }

        public List<TrajectoryRecord> ToRecords(int n, double timeStep, DensityMatrix initial)
        {
            var records = new List<TrajectoryRecord>();
            int d = _c.Dimension;
            for (int r = 0; r < Rho.Length; r++)
            {
                var mean = MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseOfColumnMajor(d, d, Rho[r].Select(z => z / n).ToArray());
                var state = DensityMatrix.Create(0.5 * (mean + mean.ConjugateTranspose()), initial.Space);
                var errors = new (double, double)[d * d];
                for (int k = 0; k < errors.Length; k++)
                    errors[k] = (StandardError(Rho[r][k].Real, Re2[r][k], n), StandardError(Rho[r][k].Imaginary, Im2[r][k], n));
                var countsMean = new double[_c.Measured.Length];
                var variance = new double?[_c.Measured.Length];
                var stderr = new double?[_c.Measured.Length];
                for (int b = 0; b < countsMean.Length; b++)
                {
                    countsMean[b] = Counts[r][b] / (double)n;
                    if (n > 1)
                    {
                        // Integer sums are exact, so the variance has no cancellation beyond the final division.
                        double v = (Counts2[r][b] - (double)Counts[r][b] * Counts[r][b] / n) / (n - 1);
                        variance[b] = Math.Max(0, v);
                        stderr[b] = Math.Sqrt(variance[b]!.Value / n);
                    }
                }
                int step = _c.RecordSteps[r];
                records.Add(new TrajectoryRecord(step, step * timeStep, state, errors, countsMean, variance, stderr, EntropySum[r] / n));
            }
            return records;
        }

        private static double StandardError(double sum, double sumSquares, int n) =>
            n < 2 ? 0 : Math.Sqrt(Math.Max(0, (sumSquares - sum * sum / n) / (n - 1)) / n);
    }

    /// <summary>One thread's buffers; runs trajectories one after another.</summary>
    private sealed class Worker
    {
        private readonly Context _c;
        private Complex[] _rho, _next;
        private readonly Complex[][] _images;
        private readonly double[] _eigenvalues;
        private readonly Complex[] _workspace;
        private readonly long[] _counts;
        private readonly int[] _bathSlot;

        public Worker(Context c)
        {
            _c = c;
            int d = c.Dimension, d2 = d * d;
            _rho = new Complex[d2];
            _next = new Complex[d2];
            int maxOutcomes = c.Maps.At(0).Baths.Max(b => b.Outcomes.Count);
            _images = Enumerable.Range(0, maxOutcomes).Select(_ => new Complex[d2]).ToArray();
            _eigenvalues = new double[d];
            _workspace = new Complex[d2];
            _counts = new long[c.Measured.Length];
            _bathSlot = Enumerable.Repeat(-1, c.Maps.At(0).Baths.Count).ToArray();
            for (int s = 0; s < c.Measured.Length; s++) _bathSlot[c.Measured[s]] = s;
        }

        public long[] Run(int trajectory, Sums sums, CancellationToken cancellation)
        {
            var random = new TrajectoryRandom(_c.Seed, trajectory);
            _c.Initial.CopyTo(_rho, 0);
            Array.Clear(_counts);
            int d = _c.Dimension, record = 0;
            sums.Record(record++, _rho, _counts, Entropy());
            for (int n = 0; n < _c.Steps; n++)
            {
                if ((n & 1023) == 0) cancellation.ThrowIfCancellationRequested();
                var step = _c.Maps.At(n);
                if (step.Before is { } before) Apply(before.AsColumnMajorArray() ?? before.ToColumnMajorArray());
                foreach (var bath in step.Baths)
                {
                    if (!bath.Measured)
                    {
                        var map = bath.Outcomes[0].Superoperator;
                        Apply(map.AsColumnMajorArray() ?? map.ToColumnMajorArray());
                        continue;
                    }
                    double total = 0;
                    for (int o = 0; o < bath.Outcomes.Count; o++)
                    {
                        var map = bath.Outcomes[o].Superoperator;
                        Multiply(map.AsColumnMajorArray() ?? map.ToColumnMajorArray(), _rho, _images[o]);
                        total += Math.Max(0, Trace(_images[o], d));
                    }
                    double u = random.NextDouble() * total, cumulative = 0;
                    int chosen = -1;
                    for (int o = 0; o < bath.Outcomes.Count; o++)
                    {
                        double p = Math.Max(0, Trace(_images[o], d));
                        if (p <= 0) continue;
                        chosen = o;
                        cumulative += p;
                        if (u < cumulative) break;
                    }
                    double scale = 1 / Math.Max(0, Trace(_images[chosen], d));
                    for (int k = 0; k < _rho.Length; k++) _rho[k] = _images[chosen][k] * scale;
                    _counts[_bathSlot[bath.BathIndex]] += bath.Outcomes[chosen].Count;
                }
                if (step.After is { } after) Apply(after.AsColumnMajorArray() ?? after.ToColumnMajorArray());
                if (record < _c.RecordSteps.Length && _c.RecordSteps[record] == n + 1) sums.Record(record++, _rho, _counts, Entropy());
            }
            return (long[])_counts.Clone();
        }

        private double Entropy() => Information.Entropy.OfMatrix(_rho, _c.Dimension, _eigenvalues, _workspace);

        private void Apply(Complex[] map)
        {
            Multiply(map, _rho, _next);
            (_rho, _next) = (_next, _rho);
        }

        private static void Multiply(Complex[] matrix, Complex[] x, Complex[] y)
        {
            Array.Clear(y);
            SmallMatrixKernels.MultiplyAddVector(matrix, x, y, x.Length);
        }

        private static double Trace(Complex[] rho, int d) => SmallMatrixKernels.Trace(rho, d).Real;
    }
}
