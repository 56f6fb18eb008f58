using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

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
        IProgress<double>? progress = null, CancellationToken cancellation = default) =>
        RunOnPath(protocol, measurements, initialState, timeStep, steps, trajectories, seed, recordEvery, threads, progress, cancellation, carriedPath: null);

    /// <summary>
    /// <see cref="Run(CollisionProtocol, IReadOnlyList{AncillaMeasurement?}, DensityMatrix, double, int, int, long, int, int?, IProgress{double}?, CancellationToken)"/>
    /// with the path chosen (null: Kraus operators on the carried register for memory baths or d_S &gt; 16, else the
    /// folded real superoperators); the tests run both paths on one model.
    /// </summary>
    internal static TrajectoryStatistics RunOnPath(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, DensityMatrix initialState,
        double timeStep, int steps, int trajectories, long seed, int recordEvery, int? threads,
        IProgress<double>? progress, CancellationToken cancellation, bool? carriedPath)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        MonitoredStep.CheckMonitorable(protocol, measurements, forTrajectories: true);
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
        // Memory baths carry an ancilla from step to step, and large systems have no room for dense superoperators:
        // both run on Kraus operators of the carried register; everything else on the folded real superoperators.
        bool carried = carriedPath ?? (protocol.HasMemory || d > MonitoredStep.MaxSystemDimension);
        if (!carried && (protocol.HasMemory || d > MonitoredStep.MaxSystemDimension))
            throw new ParameterOutOfRangeException("memory baths and systems above dimension 16 run on the carried register only.", "memory_angle");
        var initial = new double[d * d];
        HermitianCoordinates.FromMatrix(initialState.ColumnMajor, initial, d);
        var context = new Context(protocol, d, measured, recordSteps.ToArray(), initial, seed, steps,
            carried ? null : new StepSource(protocol, measurements, timeStep, steps),
            carried ? new CarriedSource(protocol, measurements, timeStep, steps, initialState) : null);

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
                IWorker worker = context.Maps is not null ? new Worker(context) : new CarriedWorker(context);
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
        private readonly TrajectoryStep? _fixed = protocol.IsTimeDependent ? null : TrajectoryStep.Of(MonitoredStep.Of(protocol, measurements, 0, timeStep));
        private readonly TrajectoryStep?[] _cache = protocol.IsTimeDependent ? new TrajectoryStep?[steps] : [];

        public TrajectoryStep At(int n)
        {
            if (_fixed is not null) return _fixed;
            return Volatile.Read(ref _cache[n])
                ?? Interlocked.CompareExchange(ref _cache[n], TrajectoryStep.Of(MonitoredStep.Of(protocol, measurements, n, timeStep)), null)
                ?? _cache[n]!;
        }
    }

    /// <summary>The Kraus steps of the carried register, built like <see cref="StepSource"/>, and each memory bath's first ancilla.</summary>
    private sealed class CarriedSource(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, double timeStep, int steps, DensityMatrix initial)
    {
        private readonly CarriedTrajectoryStep? _fixed = protocol.IsTimeDependent ? null : CarriedTrajectoryStep.Of(protocol, measurements, 0, timeStep);
        private readonly CarriedTrajectoryStep?[] _cache = protocol.IsTimeDependent ? new CarriedTrajectoryStep?[steps] : [];

        public int Dimension { get; } = CarriedTrajectoryStep.CarriedSpace(protocol).Dimension;

        public Matrix<Complex> InitialSystem { get; } = initial.ToMatrix();

        public IReadOnlyList<(double Probability, Matrix<Complex> State, int Quanta)[]> FirstAncillas { get; } = CarriedTrajectoryStep.FirstAncillas(protocol, measurements);

        public int BathCount => protocol.Baths.Count;

        public CarriedTrajectoryStep At(int n)
        {
            if (_fixed is not null) return _fixed;
            return Volatile.Read(ref _cache[n])
                ?? Interlocked.CompareExchange(ref _cache[n], CarriedTrajectoryStep.Of(protocol, measurements, n, timeStep), null)
                ?? _cache[n]!;
        }
    }

    private sealed record Context(CollisionProtocol Protocol, int Dimension, int[] Measured, int[] RecordSteps, double[] Initial, long Seed, int Steps, StepSource? Maps, CarriedSource? Carried);

    private interface IWorker
    {
        long[] Run(int trajectory, Sums sums, CancellationToken cancellation);
    }

    /// <summary>
    /// The outcome o with Σ_{o′&lt;o} p_o′ ≤ u &lt; Σ_{o′≤o} p_o′ over the outcomes of p_o &gt; 0 (u uniform in [0, Σ p)); the
    /// last outcome of positive weight when rounding puts u at the top. −1 only when every weight is 0.
    /// </summary>
    private static int Draw(ReadOnlySpan<double> probabilities, double u)
    {
        double cumulative = 0;
        int chosen = -1;
        for (int o = 0; o < probabilities.Length; o++)
        {
            if (probabilities[o] <= 0) continue;
            chosen = o;
            cumulative += probabilities[o];
            if (u < cumulative) break;
        }
        return chosen;
    }

    /// <summary>
    /// Sums over a set of trajectories, per record: Σx, Σx² of the real coordinates of ρ, Σ counts, Σ counts², Σ S; flat
    /// arrays indexed [record · width + entry], so recording touches one cache line per field.
    /// </summary>
    private sealed class Sums
    {
        private readonly Context _c;
        private readonly int _size, _baths;
        public readonly double[] X, X2;
        public readonly long[] Counts, Counts2;
        public readonly double[] EntropySum;

        public Sums(Context c)
        {
            _c = c;
            int r = c.RecordSteps.Length;
            _size = c.Dimension * c.Dimension;
            _baths = c.Measured.Length;
            X = new double[r * _size];
            X2 = new double[r * _size];
            Counts = new long[r * _baths];
            Counts2 = new long[r * _baths];
            EntropySum = new double[r];
        }

        public void Record(int r, double[] x, long[] counts, double entropy)
        {
            int offset = r * _size;
            for (int k = 0; k < x.Length; k++)
            {
                X[offset + k] += x[k];
                X2[offset + k] += x[k] * x[k];
            }
            offset = r * _baths;
            for (int b = 0; b < counts.Length; b++)
            {
                Counts[offset + b] += counts[b];
                Counts2[offset + b] += counts[b] * counts[b];
            }
            EntropySum[r] += entropy;
        }

        public void Add(Sums o)
        {
            for (int i = 0; i < X.Length; i++)
            {
                X[i] += o.X[i];
                X2[i] += o.X2[i];
            }
            for (int i = 0; i < Counts.Length; i++)
            {
                Counts[i] += o.Counts[i];
                Counts2[i] += o.Counts2[i];
            }
            for (int r = 0; r < EntropySum.Length; r++) EntropySum[r] += o.EntropySum[r];
        }

        public List<TrajectoryRecord> ToRecords(int n, double timeStep, DensityMatrix initial)
        {
            var records = new List<TrajectoryRecord>();
            int d = _c.Dimension, d2 = d * d;
            var mean = new double[d2];
            var rho = new Complex[d2];
            double invSqrt2 = 1 / Math.Sqrt(2);
            for (int r = 0; r < EntropySum.Length; r++)
            {
                var x = X.AsSpan(r * d2, d2);
                var x2 = X2.AsSpan(r * d2, d2);
                for (int k = 0; k < d2; k++) mean[k] = x[k] / n;
                HermitianCoordinates.ToMatrix(mean, rho, d);
                var state = DensityMatrix.Create(MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseOfColumnMajor(d, d, rho), initial.Space);
                // x_(i,j) = √2 Re ρ_ij and x_(j,i) = √2 Im ρ_ij (i < j), x_(i,i) = ρ_ii: the errors of ρ_ij and of ρ_ji = conj ρ_ij.
                var errors = new (double, double)[d2];
                for (int j = 0; j < d; j++)
                {
                    errors[j + j * d] = (StandardError(x[j + j * d], x2[j + j * d], n), 0);
                    for (int i = 0; i < j; i++)
                    {
                        double re = invSqrt2 * StandardError(x[i + j * d], x2[i + j * d], n);
                        double im = invSqrt2 * StandardError(x[j + i * d], x2[j + i * d], n);
                        errors[i + j * d] = (re, im);
                        errors[j + i * d] = (re, im);
                    }
                }
                var countsMean = new double[_c.Measured.Length];
                var variance = new double?[_c.Measured.Length];
                var stderr = new double?[_c.Measured.Length];
                for (int b = 0; b < countsMean.Length; b++)
                {
                    countsMean[b] = Counts[r * _baths + b] / (double)n;
                    if (n > 1)
                    {
                        // Integer sums are exact, so the variance has no cancellation beyond the final division.
                        double v = (Counts2[r * _baths + b] - (double)Counts[r * _baths + b] * Counts[r * _baths + b] / n) / (n - 1);
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

    /// <summary>One thread's buffers; runs trajectories one after another, allocation-free.</summary>
    private sealed class Worker : IWorker
    {
        private readonly Context _c;
        private double[] _x, _next;
        private readonly Complex[] _rho;
        private readonly double[] _eigenvalues;
        private readonly Complex[] _workspace;
        private readonly long[] _counts;
        private readonly double[] _probabilities;
        private readonly int[] _bathSlot;

        public Worker(Context c)
        {
            _c = c;
            int d = c.Dimension, d2 = d * d;
            _x = new double[d2];
            _next = new double[d2];
            _rho = new Complex[d2];
            _eigenvalues = new double[d];
            _workspace = new Complex[d2];
            _counts = new long[c.Measured.Length];
            var first = c.Maps!.At(0);
            _probabilities = new double[first.Stages.Max(s => s.Maps.Length)];
            _bathSlot = Enumerable.Repeat(-1, c.Measured.Max() + 1).ToArray();
            for (int s = 0; s < c.Measured.Length; s++) _bathSlot[c.Measured[s]] = s;
        }

        public long[] Run(int trajectory, Sums sums, CancellationToken cancellation)
        {
            var random = new TrajectoryRandom(_c.Seed, trajectory);
            _c.Initial.CopyTo(_x, 0);
            Array.Clear(_counts);
            int size = _x.Length, record = 0;
            sums.Record(record++, _x, _counts, Entropy());
            for (int n = 0; n < _c.Steps; n++)
            {
                if ((n & 1023) == 0) cancellation.ThrowIfCancellationRequested();
                foreach (var stage in _c.Maps!.At(n).Stages)
                {
                    double total = 0;
                    for (int o = 0; o < stage.Maps.Length; o++)
                    {
                        double p = Math.Max(0, Dot(stage.Probability[o], _x));
                        _probabilities[o] = p;
                        total += p;
                    }
                    int chosen = Draw(_probabilities.AsSpan(0, stage.Maps.Length), random.NextDouble() * total);
                    Array.Clear(_next);
                    HermitianCoordinates.MultiplyAdd(stage.Maps[chosen], _x, _next, size);
                    // Divide by the image's own trace (not the row's rounding of it), so every state has trace 1 to the last bit.
                    double scale = 1 / HermitianCoordinates.Trace(_next, _c.Dimension);
                    for (int k = 0; k < size; k++) _next[k] *= scale;
                    (_x, _next) = (_next, _x);
                    _counts[_bathSlot[stage.Bath]] += stage.Counts[chosen];
                }
                if (record < _c.RecordSteps.Length && _c.RecordSteps[record] == n + 1) sums.Record(record++, _x, _counts, Entropy());
            }
            return (long[])_counts.Clone();
        }

        private double Entropy()
        {
            HermitianCoordinates.ToMatrix(_x, _rho, _c.Dimension);
            return Measures.Entropy.OfMatrix(_rho, _c.Dimension, _eigenvalues, _workspace);
        }

        private static double Dot(double[] a, double[] b)
        {
            double sum = 0;
            for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
            return sum;
        }
    }

    /// <summary>A worker on the carried register's density matrix (D × D, Kraus operators); records the system's reduced state.</summary>
    private sealed class CarriedWorker : IWorker
    {
        private readonly Context _c;
        private readonly CarriedSource _source;
        private readonly int _n, _rest;
        private Complex[] _rho, _next;
        private readonly Complex[] _product, _image, _system;
        private readonly double[] _x, _eigenvalues, _probabilities;
        private readonly Complex[] _workspace;
        private readonly long[] _counts;
        private readonly int[] _pending, _bathSlot;

        public CarriedWorker(Context c)
        {
            _c = c;
            _source = c.Carried!;
            _n = _source.Dimension;
            int d = c.Dimension;
            _rest = _n / d;
            _rho = new Complex[_n * _n];
            _next = new Complex[_n * _n];
            _product = new Complex[_n * _n];
            _image = new Complex[_n * _n];
            _system = new Complex[d * d];
            _x = new double[d * d];
            _eigenvalues = new double[d];
            _workspace = new Complex[d * d];
            _counts = new long[c.Measured.Length];
            _pending = new int[_source.BathCount];
            _probabilities = new double[_source.At(0).Stages.Max(s => s.Outcomes.Length)];
            _bathSlot = Enumerable.Repeat(-1, _source.BathCount).ToArray();
            for (int s = 0; s < c.Measured.Length; s++) _bathSlot[c.Measured[s]] = s;
        }

        public long[] Run(int trajectory, Sums sums, CancellationToken cancellation)
        {
            var random = new TrajectoryRandom(_c.Seed, trajectory);
            Start(ref random);
            Array.Clear(_counts);
            int record = 0;
            sums.Record(record++, SystemCoordinates(), _counts, Entropy());
            for (int step = 0; step < _c.Steps; step++)
            {
                if ((step & 255) == 0) cancellation.ThrowIfCancellationRequested();
                foreach (var stage in _source.At(step).Stages)
                {
                    if (!stage.Measured)
                    {
                        Apply(stage.Outcomes[0].Kraus);
                        continue;
                    }
                    double total = 0;
                    for (int o = 0; o < stage.Outcomes.Length; o++)
                    {
                        _probabilities[o] = Math.Max(0, TraceProduct(stage.Outcomes[o].Effect, _rho));
                        total += _probabilities[o];
                    }
                    int chosen = Draw(_probabilities.AsSpan(0, stage.Outcomes.Length), random.NextDouble() * total);
                    var outcome = stage.Outcomes[chosen];
                    Apply(outcome.Kraus);
                    double scale = 1 / SmallMatrixKernels.Trace(_rho, _n).Real;
                    for (int k = 0; k < _rho.Length; k++) _rho[k] *= scale;
                    long count = outcome.Count;
                    if (outcome.UsesPending)
                    {
                        count += _pending[stage.Bath];
                        _pending[stage.Bath] = outcome.NewPending;
                    }
                    _counts[_bathSlot[stage.Bath]] += count;
                }
                if (record < _c.RecordSteps.Length && _c.RecordSteps[record] == step + 1) sums.Record(record++, SystemCoordinates(), _counts, Entropy());
            }
            return (long[])_counts.Clone();
        }

        // ρ_S(0) ⊗ each memory bath's first ancilla (a level drawn by Born's rule for "energy", its k_in pending).
        private void Start(ref TrajectoryRandom random)
        {
            var state = _source.InitialSystem;
            int memory = 0;
            Array.Clear(_pending);
            for (int j = 0; j < _source.BathCount; j++)
            {
                if (!_c.Protocol.Baths[j].HasMemory) continue;
                var levels = _source.FirstAncillas[memory++];
                int chosen = levels.Length - 1;
                if (levels.Length > 1)
                {
                    double u = random.NextDouble(), cumulative = 0;
                    for (int a = 0; a < levels.Length; a++)
                    {
                        cumulative += levels[a].Probability;
                        if (u < cumulative)
                        {
                            chosen = a;
                            break;
                        }
                    }
                }
                state = state.KroneckerProduct(levels[chosen].State);
                _pending[j] = levels[chosen].Quanta;
            }
            (state.AsColumnMajorArray() ?? state.ToColumnMajorArray()).CopyTo(_rho, 0);
        }

        private void Apply(Complex[][] kraus)
        {
            Array.Clear(_next);
            foreach (var k in kraus)
            {
                SmallMatrixKernels.Multiply(k, _rho, _product, _n);
                SmallMatrixKernels.MultiplyAdjointRight(_product, k, _image, _n);
                for (int i = 0; i < _next.Length; i++) _next[i] += _image[i];
            }
            (_rho, _next) = (_next, _rho);
        }

        // tr(E ρ) = Σ_ij E_ij ρ_ji (column-major: E[i + j n], ρ[j + i n]).
        private double TraceProduct(Complex[] effect, Complex[] rho)
        {
            double sum = 0;
            for (int j = 0; j < _n; j++)
                for (int i = 0; i < _n; i++)
                {
                    var e = effect[i + j * _n];
                    var r = rho[j + i * _n];
                    sum += e.Real * r.Real - e.Imaginary * r.Imaginary;
                }
            return sum;
        }

        // ρ_S = tr_M ρ: the memory ancillas are the least significant factors.
        private double[] SystemCoordinates()
        {
            int d = _c.Dimension;
            for (int j = 0; j < d; j++)
                for (int i = 0; i < d; i++)
                {
                    Complex z = Complex.Zero;
                    for (int m = 0; m < _rest; m++) z += _rho[i * _rest + m + (j * _rest + m) * _n];
                    _system[i + j * d] = z;
                }
            HermitianCoordinates.FromMatrix(_system, _x, d);
            return _x;
        }

        private double Entropy() => Measures.Entropy.OfMatrix(_system, _c.Dimension, _eigenvalues, _workspace);
    }
}
