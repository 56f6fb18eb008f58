using System.Numerics;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.IntegralTransforms;

namespace CollisionModel.Monitoring;

/// <summary>
/// Exact full counting statistics: P(n) of N = Σ_j w_j N_j after K steps, no sampling, by one of two independent
/// methods (<see cref="CountingMethod"/>): propagation of the count-resolved unnormalised states (ρ_n ← Σ_m Φ_m ρ_{n−m}
/// each step, Φ_m from <see cref="CountResolvedMap.ForStep"/> of the step's own unitaries, P(n) = tr ρ_n; exact to
/// rounding in every P(n) however small, cost O(K · |support| · |terms| · d_S⁴)), or, for a time-independent protocol,
/// the discrete Fourier inversion of the generating function tr Φ(e^{iχ})^K ρ₀ at M points χ_k = 2πk/M, M the width of
/// a window of N outside which each tail is below <see cref="WindowTail"/> by Chernoff bounds (that mass is what aliases
/// in; absolute accuracy ~1e-15, cost O(M · log K · d_S⁶)). By default the cheaper one is taken: the propagation runs
/// until its remaining cost, projected from its current support, exceeds the Fourier inversion's. The cumulants and
/// the records' mean and variance come from the exact propagation of the first four moments (Σ_n (n − c)^k ρ_n about
/// a running centre c), whichever method gives P(n). The probabilities are divided by their sum (see
/// <see cref="CountDistribution.TraceDefect"/>). Every kernel works on the real coordinates of Hermitian matrices and is
/// parallel over counts or frequencies with fixed partitions, so the result does not depend on the number of cores.
/// </summary>
public static class FullCountingStatistics
{
    /// <summary>The trace below which an end of the propagated support is dropped (far below any printable probability).</summary>
    public const double PruneBelow = 1e-300;

    /// <summary>The tail mass a Fourier window leaves out on each side (it aliases into the window, so it bounds the error it adds).</summary>
    public const double WindowTail = 1e-18;

    /// <summary>The largest number of frequencies the Fourier inversion takes (the width of its window of N).</summary>
    public const long MaxFrequencies = 1L << 26;

    // Below this many multiply-adds per step the propagation stays on one thread (a parallel loop costs more).
    private const int ParallelWork = 1 << 15;

    /// <summary>
    /// The distribution after <paramref name="steps"/> steps of length δt from ρ_S(0), with records every
    /// <paramref name="recordEvery"/> steps (step 0 and K always). <paramref name="method"/> null takes the cheaper method.
    /// Throws a <see cref="QuantumInputException"/> naming the key for a protocol that cannot be monitored
    /// (<see cref="MonitoredStep.CheckMonitorable"/>), a counted bath that is not measured, or
    /// <see cref="CountingMethod.Spectral"/> on a time-dependent protocol or a range of N wider than
    /// <see cref="MaxFrequencies"/>.
    /// </summary>
    public static CountDistribution Compute(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, DensityMatrix initialState,
        double timeStep, int steps, CountSelection selection, int recordEvery = 1, IProgress<double>? progress = null, CancellationToken cancellation = default,
        CountingMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        ArgumentNullException.ThrowIfNull(selection);
        MonitoredStep.CheckMonitorable(protocol, measurements);
        selection.CheckAgainst(measurements);
        Guard.Positive(timeStep, nameof(timeStep));
        if (steps < 1) throw new ParameterOutOfRangeException($"the number of steps must be ≥ 1, got {steps}.", "steps");
        if (recordEvery < 1) throw new ParameterOutOfRangeException($"the record interval must be ≥ 1, got {recordEvery}.", "record-every");
        int d = protocol.SystemDimension;
        Guard.Dimension(initialState.ToMatrix(), d, "state");
        if (d > MonitoredStep.MaxSystemDimension)
        {
            if (method == CountingMethod.Spectral)
                throw new ParameterOutOfRangeException(
                    $"the Fourier inversion needs the dense step map (d_S ≤ {MonitoredStep.MaxSystemDimension}); this system (d_S = {d}) is counted by propagation.", "method");
            return ComputeByKraus(protocol, measurements, initialState, timeStep, steps, selection, recordEvery, progress, cancellation);
        }

        // One map per distinct step: a driven protocol (an Otto cycle) repeats a few steps, and rebuilding the
        // count-resolved map every step dominated the run (and allocated GBs).
        var maps = new DistinctStepCache<RealStepMap>(protocol, timeStep,
            n => RealStepMap.Of(CountResolvedMap.ForStep(MonitoredStep.Of(protocol, measurements, n, timeStep), selection)));
        RealStepMap? fixedMap = protocol.IsTimeDependent ? null : maps.Of(0);
        if (method == CountingMethod.Spectral && fixedMap is null)
            throw new ParameterOutOfRangeException("the Fourier inversion needs a time-independent protocol (every step the same map).", "method");

        var x0 = new double[d * d];
        HermitianCoordinates.FromMatrix(initialState.ColumnMajor, x0, d);
        var moments = new MomentPropagation(x0, d);
        var propagation = method == CountingMethod.Spectral ? null : new CountPropagation(x0, d);
        // The Fourier inversion is considered once the propagation's projected remaining work exceeds what finding its
        // window costs; it takes over when it is cheaper than that remaining work.
        bool considerSpectral = fixedMap is not null && method is null;
        (long Lo, long Hi)? window = null;
        var records = new List<CountingRecord> { new(0, 0, 0, 0) };
        for (int n = 0; n < steps; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            var map = fixedMap ?? maps.Of(n);
            moments.Advance(map);
            if (propagation is not null)
            {
                double remaining = (double)propagation.Support * (steps - n) * map.Terms.Length * map.Size * map.Size;
                if (considerSpectral && remaining > WindowCost(map, steps))
                {
                    considerSpectral = false;
                    var candidate = Window(map, x0, d, steps);
                    if (candidate.Hi - candidate.Lo < MaxFrequencies && remaining > SpectralCost(map, steps, candidate.Hi - candidate.Lo + 1))
                    {
                        window = candidate;
                        propagation = null;
                    }
                }
                propagation?.Advance(map);
            }
            if ((n + 1) % recordEvery == 0 || n + 1 == steps)
            {
                var cumulants = moments.Cumulants();
                records.Add(new CountingRecord(n + 1, (n + 1) * timeStep, cumulants[0], Math.Max(0, cumulants[1])));
            }
            progress?.Report((n + 1) / (double)steps);
        }
        if (propagation is not null) return Normalised(propagation.MinCount, propagation.Probabilities(), records, moments.Cumulants(), CountingMethod.Propagation);
        var range = window ?? Window(fixedMap!, x0, d, steps);
        if (range.Hi - range.Lo >= MaxFrequencies)
            throw new ParameterOutOfRangeException($"the Fourier inversion covers a range of N of at most {MaxFrequencies} values, this count spans {range.Hi - range.Lo + 1}.", "method");
        var probabilities = Spectral(fixedMap!, x0, d, steps, range.Lo, checked((int)(range.Hi - range.Lo + 1)), cancellation);
        return Normalised(range.Lo, probabilities, records, moments.Cumulants(), CountingMethod.Spectral);
    }

    /// <summary>
    /// Systems above <see cref="MonitoredStep.MaxSystemDimension"/>: the count-resolved states ρ_n and the moments X_k are
    /// propagated stage by stage through the step's sparse Kraus operators (<see cref="KrausStepMap"/>), d × d matrices
    /// throughout; the same recursions as the dense path, O(K · |support| · Σ nnz(K) · d_S) per run.
    /// </summary>
    private static CountDistribution ComputeByKraus(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, DensityMatrix initialState,
        double timeStep, int steps, CountSelection selection, int recordEvery, IProgress<double>? progress, CancellationToken cancellation)
    {
        int d = protocol.SystemDimension;
        var maps = new DistinctStepCache<KrausStepMap>(protocol, timeStep, n => KrausStepMap.Of(protocol, measurements, n, timeStep));
        KrausStepMap? fixedMap = protocol.IsTimeDependent ? null : maps.Of(0);
        var rho0 = initialState.ColumnMajor.ToArray();
        var propagation = new KrausCountPropagation(rho0, d);
        var workspace = new KrausWorkspace(d);
        var moments = Enumerable.Range(0, 5).Select(k => k == 0 ? (Complex[])rho0.Clone() : new Complex[d * d]).ToArray();
        var shifted = Enumerable.Range(0, 5).Select(_ => new Complex[d * d]).ToArray();
        double centre = 0;
        double[] Cumulants() => CumulantsAbout(centre, moments.Select(x => TraceOf(x, d)).ToArray());
        var records = new List<CountingRecord> { new(0, 0, 0, 0) };
        for (int n = 0; n < steps; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            var map = fixedMap ?? maps.Of(n);
            map.ApplyMoments(moments, selection, workspace);
            // Recentre on the running mean so the moments stay of the size of the fluctuations.
            double mu = TraceOf(moments[1], d) / TraceOf(moments[0], d);
            for (int k = 0; k < 5; k++)
            {
                var target = shifted[k];
                Array.Clear(target);
                double power = 1;
                for (int j = 0; j <= k; j++)
                {
                    double factor = Binomial(k, j) * power;
                    var source = moments[k - j];
                    for (int i = 0; i < target.Length; i++) target[i] += factor * source[i];
                    power *= -mu;
                }
            }
            (moments, shifted) = (shifted, moments);
            centre += mu;
            propagation.Advance(map, selection, cancellation);
            if ((n + 1) % recordEvery == 0 || n + 1 == steps)
            {
                var cumulants = Cumulants();
                records.Add(new CountingRecord(n + 1, (n + 1) * timeStep, cumulants[0], Math.Max(0, cumulants[1])));
            }
            progress?.Report((n + 1) / (double)steps);
        }
        return Normalised(propagation.MinCount, propagation.Probabilities(), records, Cumulants(), CountingMethod.Propagation);
    }

    private static double TraceOf(Complex[] x, int d)
    {
        double t = 0;
        for (int i = 0; i < d; i++) t += x[i + i * d].Real;
        return t;
    }

    private static double Binomial(int k, int j)
    {
        double c = 1;
        for (int i = 1; i <= j; i++) c = c * (k - j + i) / i;
        return c;
    }

    /// <summary>[κ1, κ2, κ3, κ4] from the traces t_k = tr X_k of the moments about <paramref name="centre"/>, k = 0 … 4.</summary>
    private static double[] CumulantsAbout(double centre, double[] traces)
    {
        var m = new double[5];
        for (int k = 1; k < 5; k++) m[k] = traces[k] / traces[0];
        double m1 = m[1];
        return
        [
            centre + m1,
            m[2] - m1 * m1,
            m[3] - 3 * m[2] * m1 + 2 * m1 * m1 * m1,
            m[4] - 4 * m[3] * m1 - 3 * m[2] * m[2] + 12 * m[2] * m1 * m1 - 6 * m1 * m1 * m1 * m1,
        ];
    }

    /// <summary>The count-resolved states ρ_n as d × d matrices (contiguous from <see cref="MinCount"/>), advanced stage by stage.</summary>
    private sealed class KrausCountPropagation
    {
        private readonly int _d, _size;
        private Complex[] _states, _next;
        private int _support = 1;

        public KrausCountPropagation(Complex[] rho0, int d)
        {
            _d = d;
            _size = d * d;
            _states = (Complex[])rho0.Clone();
            _next = new Complex[_size];
        }

        public long MinCount { get; private set; }

        /// <summary>
        /// Each stage: ρ′_c = Σ_g Σ_{K ∈ g} K ρ_{c − m_g} K†, the outcomes grouped by their increment m_g. Each output
        /// count is one independent sum in a fixed order, so the parallel split cannot change it.
        /// </summary>
        public void Advance(KrausStepMap map, CountSelection selection, CancellationToken cancellation)
        {
            foreach (var stage in map.Stages)
            {
                var groups = stage.Outcomes.GroupBy(o => KrausStepMap.Increment(stage, o, selection))
                    .OrderBy(g => g.Key).Select(g => (Increment: g.Key, Kraus: g.SelectMany(o => o.Kraus).ToArray())).ToArray();
                int lo = groups[0].Increment, hi = groups[^1].Increment, support = _support + hi - lo, size = _size;
                if (_next.Length < support * size) _next = new Complex[Math.Max(support * size, 2 * _next.Length)];
                var states = _states;
                var next = _next;
                int previous = _support;
                void Count(int c, Complex[] scratch)
                {
                    var y = next.AsSpan(c * size, size);
                    y.Clear();
                    foreach (var (increment, kraus) in groups)
                    {
                        int source = c - (increment - lo);
                        if (source < 0 || source >= previous) continue;
                        var x = states.AsSpan(source * size, size);
                        foreach (var k in kraus) k.AddConjugation(x, y, scratch, 1);
                    }
                }
                long work = (long)support * groups.Sum(g => g.Kraus.Sum(k => (long)k.NonZeros)) * _d;
                if (work < ParallelWork || support < 2)
                {
                    var scratch = new Complex[size];
                    for (int c = 0; c < support; c++) Count(c, scratch);
                }
                else
                    Parallel.For(0, support, new ParallelOptions { CancellationToken = cancellation }, () => new Complex[size],
                        (c, _, scratch) =>
                        {
                            Count(c, scratch);
                            return scratch;
                        }, _ => { });
                MinCount += lo;
                _support = support;
                (_states, _next) = (_next, _states);
            }
            int first = 0, last = _support - 1;
            while (first < last && Trace(_states, first) < PruneBelow) first++;
            while (last > first && Trace(_states, last) < PruneBelow) last--;
            if (first > 0) Array.Copy(_states, first * _size, _states, 0, (last - first + 1) * _size);
            MinCount += first;
            _support = last - first + 1;
        }

        public double[] Probabilities()
        {
            var p = new double[_support];
            for (int c = 0; c < _support; c++) p[c] = Math.Max(0, Trace(_states, c));
            return p;
        }

        private double Trace(Complex[] states, int c)
        {
            double t = 0;
            for (int i = 0; i < _d; i++) t += states[c * _size + i + i * _d].Real;
            return t;
        }
    }

    // Stored in doubles, the step conserves the trace only to about one unit in the last place (1e-16 per step, with a
    // sign fixed by the model), which adds up to ~1e-11 over K = 10⁵ steps; dividing by the total removes that drift.
    private static CountDistribution Normalised(long minValue, double[] probabilities, List<CountingRecord> records, double[] cumulants, CountingMethod method)
    {
        double total = 0;
        foreach (double p in probabilities) total += p;
        for (int i = 0; i < probabilities.Length; i++) probabilities[i] /= total;
        return new CountDistribution(minValue, probabilities, records, cumulants, method, 1 - total);
    }

    private static readonly double[] TiltGrid = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10];

    private static double WindowCost(RealStepMap map, int steps) =>
        2.0 * TiltGrid.Length * Math.Ceiling(Math.Log2(steps + 1.0)) * map.Size * map.Size * (map.Size + 1);

    /// <summary>
    /// [a, b] with P(N &lt; a) and P(N &gt; b) each below <see cref="WindowTail"/>, by Chernoff bounds on a grid of tilts:
    /// P(N ≥ b) ≤ e^{s b} E[e^{−sN}] for s &lt; 0 and P(N ≤ a) ≤ e^{s a} E[e^{−sN}] for s &gt; 0, E[e^{−sN}] = tr Φ_s^K ρ₀
    /// exactly (rescaled powers, no overflow); clipped to the range N can reach.
    /// </summary>
    private static (long Lo, long Hi) Window(RealStepMap map, double[] x0, int d, int steps)
    {
        double reachLo = (double)steps * map.MinCount, reachHi = (double)steps * (map.MinCount + map.Terms.Length - 1);
        double lo = reachLo, hi = reachHi, lnTail = Math.Log(WindowTail);
        foreach (double magnitude in TiltGrid)
            foreach (double s in new[] { magnitude, -magnitude })
            {
                double f = LogGenerating(map, x0, d, steps, s);
                if (!double.IsFinite(f)) continue;
                double bound = (lnTail - f) / s;
                if (s > 0) lo = Math.Max(lo, Math.Floor(bound));
                else hi = Math.Min(hi, Math.Ceiling(bound));
            }
        if (lo > hi) lo = hi = Math.Round(Math.Clamp(0.5 * (lo + hi), reachLo, reachHi));
        return ((long)lo, (long)hi);
    }

    /// <summary>ln tr Φ_s^K ρ₀ by squaring, each power and the vector rescaled by its largest entry (the logs kept apart).</summary>
    private static double LogGenerating(RealStepMap map, double[] x0, int d, int steps, double s)
    {
        int size = map.Size;
        var power = new double[size * size];
        for (int t = 0; t < map.Terms.Length; t++)
        {
            double weight = Math.Exp(-s * (map.MinCount + t));
            for (int i = 0; i < power.Length; i++) power[i] += weight * map.Terms[t][i];
        }
        var scratch = new double[size * size];
        var v = (double[])x0.Clone();
        var w = new double[size];
        double logPower = Rescale(power), logVector = Rescale(v);
        for (int e = steps; ;)
        {
            if ((e & 1) != 0)
            {
                Array.Clear(w);
                HermitianCoordinates.MultiplyAdd(power, v, w, size);
                (v, w) = (w, v);
                logVector += logPower + Rescale(v);
            }
            e >>= 1;
            if (e == 0) break;
            Array.Clear(scratch);
            for (int r = 0; r < size; r++)
                for (int k = 0; k < size; k++)
                {
                    double a = power[r * size + k];
                    if (a == 0) continue;
                    for (int c = 0; c < size; c++) scratch[r * size + c] += a * power[k * size + c];
                }
            (power, scratch) = (scratch, power);
            logPower = 2 * logPower + Rescale(power);
        }
        double trace = HermitianCoordinates.Trace(v, d);
        return trace > 0 ? logVector + Math.Log(trace) : double.NaN;
    }

    private static double Rescale(double[] a)
    {
        double max = 0;
        foreach (double x in a) max = Math.Max(max, Math.Abs(x));
        if (max == 0 || !double.IsFinite(max)) return max == 0 ? double.NegativeInfinity : double.NaN;
        for (int i = 0; i < a.Length; i++) a[i] /= max;
        return Math.Log(max);
    }

    // Real multiply-adds: per frequency, the tilted map (|terms| d⁴ complex) and ⌈log₂ K⌉ squarings plus as many
    // matrix-vector products (d⁶ and d⁴ complex, 4 real each); half the frequencies by conjugate symmetry.
    private static double SpectralCost(RealStepMap map, int steps, long frequencies)
    {
        double size = map.Size, bits = Math.Ceiling(Math.Log2(steps + 1.0));
        double perFrequency = 4 * (map.Terms.Length * size * size + bits * (size * size * size + size * size));
        return (frequencies / 2 + 1) * perFrequency + 5 * frequencies * Math.Log2(frequencies);
    }

    /// <summary>
    /// P(a + j), j = 0 … M − 1, by the inverse DFT of g(χ_k) = Σ_j P(a + j) e^{iχ_k j} = e^{−iχ_k a} tr A(χ_k)^K x₀,
    /// A(χ) = Σ_m e^{iχm} Φ_m, χ_k = 2πk/M; g(−χ) = conj g(χ) (P is real). The mass outside the window aliases in.
    /// </summary>
    private static double[] Spectral(RealStepMap map, double[] x0, int d, int steps, long start, int m, CancellationToken cancellation)
    {
        int size = map.Size, half = m / 2;
        var g = new Complex[m];
        const int Chunk = 64;
        Parallel.For(0, half / Chunk + 1, new ParallelOptions { CancellationToken = cancellation }, chunk =>
        {
            var power = new Complex[size * size];
            var scratch = new Complex[size * size];
            var v = new Complex[size];
            var w = new Complex[size];
            for (int k = chunk * Chunk; k <= Math.Min(half, chunk * Chunk + Chunk - 1); k++)
            {
                Array.Clear(power);
                for (int t = 0; t < map.Terms.Length; t++)
                {
                    var phase = Phase(k, map.MinCount + t, m);
                    var term = map.Terms[t];
                    for (int i = 0; i < term.Length; i++) power[i] += phase * term[i];
                }
                for (int i = 0; i < size; i++) v[i] = x0[i];
                for (int e = steps; ;)
                {
                    if ((e & 1) != 0)
                    {
                        MultiplyVector(power, v, w, size);
                        (v, w) = (w, v);
                    }
                    e >>= 1;
                    if (e == 0) break;
                    Square(power, scratch, size);
                    (power, scratch) = (scratch, power);
                }
                Complex trace = Complex.Zero;
                for (int i = 0; i < d; i++) trace += v[i + i * d];
                g[k] = trace * Complex.Conjugate(Phase(k, start, m));
                if (k > 0 && m - k != k) g[m - k] = Complex.Conjugate(g[k]);
            }
        });
        Fourier.Forward(g, FourierOptions.Matlab);
        var probabilities = new double[m];
        for (int j = 0; j < m; j++) probabilities[j] = Math.Max(0, g[j].Real / m);
        return probabilities;
    }

    // e^{2πi k n / M} with k·n reduced mod M in integers, so the phase keeps its digits for large counts.
    private static Complex Phase(long k, long n, long m)
    {
        long r = (long)((Int128)k * n % m);
        if (r < 0) r += m;
        return Complex.FromPolarCoordinates(1, 2 * Math.PI * r / m);
    }

    private static void MultiplyVector(Complex[] a, Complex[] x, Complex[] y, int n)
    {
        for (int r = 0; r < n; r++)
        {
            Complex sum = Complex.Zero;
            for (int c = 0; c < n; c++) sum += a[r * n + c] * x[c];
            y[r] = sum;
        }
    }

    private static void Square(Complex[] a, Complex[] result, int n)
    {
        Array.Clear(result);
        for (int r = 0; r < n; r++)
            for (int k = 0; k < n; k++)
            {
                var ark = a[r * n + k];
                if (ark == Complex.Zero) continue;
                for (int c = 0; c < n; c++) result[r * n + c] += ark * a[k * n + c];
            }
    }

    /// <summary>The count-resolved states ρ_n (real coordinates, contiguous from <see cref="MinCount"/>), advanced step by step.</summary>
    private sealed class CountPropagation
    {
        private readonly int _d, _size;
        private double[] _states, _next;
        private int _support = 1;

        public CountPropagation(double[] x0, int d)
        {
            _d = d;
            _size = d * d;
            _states = (double[])x0.Clone();
            _next = new double[_size];
        }

        public long MinCount { get; private set; }

        public int Support => _support;

        /// <summary>ρ′_c = Σ_t Φ_t ρ_{c−t}: each output count is one independent sum, so a parallel split cannot change it.</summary>
        public void Advance(RealStepMap map)
        {
            int terms = map.Terms.Length, support = _support + terms - 1, size = _size;
            if (_next.Length < support * size) _next = new double[Math.Max(support * size, 2 * _next.Length)];
            var states = _states;
            var next = _next;
            void Count(int c)
            {
                var y = next.AsSpan(c * size, size);
                y.Clear();
                for (int t = Math.Max(0, c - _support + 1); t <= Math.Min(terms - 1, c); t++)
                    HermitianCoordinates.MultiplyAdd(map.Terms[t], states.AsSpan((c - t) * size, size), y, size);
            }
            if ((long)support * terms * size * size < ParallelWork)
                for (int c = 0; c < support; c++) Count(c);
            else
            {
                const int Chunk = 16;
                Parallel.For(0, (support + Chunk - 1) / Chunk, chunk =>
                {
                    for (int c = chunk * Chunk; c < Math.Min(support, chunk * Chunk + Chunk); c++) Count(c);
                });
            }
            int first = 0, last = support - 1;
            while (first < last && Trace(next, first) < PruneBelow) first++;
            while (last > first && Trace(next, last) < PruneBelow) last--;
            if (first > 0) Array.Copy(next, first * size, next, 0, (last - first + 1) * size);
            MinCount += map.MinCount + first;
            _support = last - first + 1;
            (_states, _next) = (_next, _states);
        }

        public double[] Probabilities()
        {
            var p = new double[_support];
            for (int c = 0; c < _support; c++) p[c] = Math.Max(0, Trace(_states, c));
            return p;
        }

        private double Trace(double[] states, int c) => HermitianCoordinates.Trace(states.AsSpan(c * _size, _size), _d);
    }

    /// <summary>
    /// The first four cumulants of N, exactly, from X_k = Σ_n (n − c)^k ρ_n, k = 0 … 4, about a running centre c: each
    /// step adds m − μ with μ the step's mean increment tr Φ⁽¹⁾X_0 / tr X_0 (Φ⁽ⁱ⁾ = Σ_m m^i Φ_m), so X_1 stays traceless and
    /// the moments stay of the size of the fluctuations (no cancellation against a large mean):
    /// X′_k = Σ_j C(k, j) Φ_μ⁽ʲ⁾ X_{k−j}, Φ_μ⁽ʲ⁾ = Σ_i C(j, i) (−μ)^{j−i} Φ⁽ⁱ⁾. 15 matrix-vector products per step.
    /// </summary>
    private sealed class MomentPropagation
    {
        private static readonly int[,] Binomial = { { 1, 0, 0, 0, 0 }, { 1, 1, 0, 0, 0 }, { 1, 2, 1, 0, 0 }, { 1, 3, 3, 1, 0 }, { 1, 4, 6, 4, 1 } };
        private readonly int _d, _size;
        private double[][] _x, _next;
        private readonly double[][][] _y;
        private double _centre;

        public MomentPropagation(double[] x0, int d)
        {
            _d = d;
            _size = d * d;
            _x = Enumerable.Range(0, 5).Select(k => k == 0 ? (double[])x0.Clone() : new double[_size]).ToArray();
            _next = Enumerable.Range(0, 5).Select(_ => new double[_size]).ToArray();
            _y = Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 5 - i).Select(_ => new double[_size]).ToArray()).ToArray();
        }

        public void Advance(RealStepMap map)
        {
            for (int i = 0; i < 5; i++)
                for (int l = 0; l + i < 5; l++)
                {
                    Array.Clear(_y[i][l]);
                    HermitianCoordinates.MultiplyAdd(map.Moments[i], _x[l], _y[i][l], _size);
                }
            double mu = HermitianCoordinates.Trace(_y[1][0], _d) / HermitianCoordinates.Trace(_x[0], _d);
            for (int k = 0; k < 5; k++)
            {
                var target = _next[k];
                Array.Clear(target);
                for (int j = 0; j <= k; j++)
                    for (int i = 0; i <= j; i++)
                    {
                        double factor = Binomial[k, j] * Binomial[j, i] * Math.Pow(-mu, j - i);
                        var y = _y[i][k - j];
                        for (int a = 0; a < _size; a++) target[a] += factor * y[a];
                    }
            }
            (_x, _next) = (_next, _x);
            _centre += mu;
        }

        /// <summary>[κ1, κ2, κ3, κ4] of N after the steps so far.</summary>
        public double[] Cumulants()
        {
            return CumulantsAbout(_centre, _x.Select(x => HermitianCoordinates.Trace(x, _d)).ToArray());
        }
    }
}

/// <summary>How <see cref="FullCountingStatistics"/> obtained P(n).</summary>
public enum CountingMethod
{
    /// <summary>Propagation of the count-resolved states: exact to rounding in every P(n), however small.</summary>
    Propagation,

    /// <summary>Discrete Fourier inversion of tr Φ(e^{iχ})^K ρ₀ (time-independent protocols): absolute accuracy ~1e-15.</summary>
    Spectral,
}
