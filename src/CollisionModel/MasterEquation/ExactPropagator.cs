using System.Numerics;
using System.Runtime.InteropServices;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Exact propagation on an equally spaced time grid: the superoperator P = exp(𝓛Δt) is computed once
/// (Padé 13, scaling and squaring) and applied repeatedly, ρ((n+1)Δt) = P vec(ρ(nΔt)) in column stacking.
/// One step is a D²×D² complex matrix–vector product (256 multiply-adds for two qubits), allocation-free.
/// Errors are rounding only: ≈ n·ε‖P‖ after n steps.
/// </summary>
public sealed class ExactPropagator
{
    private readonly Complex[] _p;
    // exp(𝓛Δt) in compressed-column form without its exact zeros: symmetric generators (e.g. eq. 5, which only
    // couples ρ_ij to ρ_kl with the same excitation difference) give block-sparse propagators. Dropping exact zeros
    // changes no rounding.
    private readonly int[] _columnStart;
    private readonly int[] _rowIndex;
    private readonly double[] _values;

    /// <summary>Number of nonzero entries of exp(𝓛Δt) (the multiply-adds of one step).</summary>
    public int NonZeroCount => _rowIndex.Length;

    /// <summary>Builds P = exp(𝓛 Δt) for <paramref name="generator"/>; Δt ≥ 0 and finite. O(D⁶ log ‖𝓛Δt‖).</summary>
    public ExactPropagator(Lindbladian generator, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Guard.NonNegative(timeStep, nameof(timeStep));
        Generator = generator;
        TimeStep = timeStep;
        _p = generator.Propagator(timeStep).ToColumnMajorArray();
        int n = generator.Dimension * generator.Dimension;
        var sparse = SparseColumns.FromColumnMajor(_p, n);
        _columnStart = sparse.ColumnStart;
        _rowIndex = sparse.Rows;
        // Interleaved (re, im) so the hot loop of Run reads plain doubles.
        _values = new double[2 * sparse.Values.Length];
        for (int k = 0; k < sparse.Values.Length; k++)
        {
            _values[2 * k] = sparse.Values[k].Real;
            _values[2 * k + 1] = sparse.Values[k].Imaginary;
        }
    }

    /// <summary>
    /// The propagator for <paramref name="points"/> ≥ 2 equally spaced output times from 0 to
    /// <paramref name="endTime"/> inclusive (Δt = endTime/(points − 1)); run it with <c>Run(ρ0, points − 1)</c>.
    /// </summary>
    public static ExactPropagator ForGrid(Lindbladian generator, double endTime, int points)
    {
        Guard.NonNegative(endTime, nameof(endTime));
        if (points < 2) throw new ParameterOutOfRangeException($"Need at least 2 output times, got {points}.", nameof(points));
        return new ExactPropagator(generator, endTime / (points - 1));
    }

    /// <summary>
    /// ρ(t_i) at the <paramref name="points"/> ≥ 2 output times t_i = i·T/(N − 1) of [0, T], the last exactly T:
    /// ρ(0) itself first, then one step exp(𝓛Δt) per point, each state a fresh copy. The one time loop of the
    /// master-equation studies. Arguments are checked at the call; O(D⁶ log ‖𝓛Δt‖) once, then O(D⁴) per point.
    /// </summary>
    public static IEnumerable<(double Time, DensityMatrix State)> OverGrid(Lindbladian generator, DensityMatrix rho0,
        double endTime, int points)
    {
        ArgumentNullException.ThrowIfNull(rho0);
        return ForGrid(generator, endTime, points).Walk(rho0, endTime, points);
    }

    private IEnumerable<(double Time, DensityMatrix State)> Walk(DensityMatrix rho0, double endTime, int points)
    {
        yield return (0, rho0);
        var current = rho0.ColumnMajor.ToArray();
        var next = new Complex[current.Length];
        for (int i = 1; i < points; i++)
        {
            Step(current, next);
            (current, next) = (next, current);
            double t = i == points - 1 ? endTime : i * (endTime / (points - 1));
            yield return (t, Lindbladian.StateFromVector(rho0.Space, (Complex[])current.Clone()));
        }
    }

    /// <summary>The generator 𝓛.</summary>
    public Lindbladian Generator { get; }

    /// <summary>Δt between consecutive output times.</summary>
    public double TimeStep { get; }

    /// <summary>exp(𝓛Δt) as a column-major D²×D² array (column stacking).</summary>
    public ReadOnlySpan<Complex> Matrix => _p;

    /// <summary>destination = exp(𝓛Δt) vec(ρ) on column-major spans of D² entries; no allocation; no aliasing.</summary>
    public void Step(ReadOnlySpan<Complex> rho, Span<Complex> destination)
    {
        int n = Generator.Dimension * Generator.Dimension;
        if (rho.Length < n || destination.Length < n)
            throw new DimensionMismatchException($"Spans must hold {n} entries.", nameof(destination));
        MatVec(rho[..n], destination[..n]);
    }

    /// <summary>
    /// Writes ρ(0), ρ(Δt), …, ρ(steps·Δt) consecutively (D² entries each, column-major) into
    /// <paramref name="states"/>, which must hold (steps + 1)·D² entries. No allocation.
    /// </summary>
    public void Propagate(ReadOnlySpan<Complex> rho0, int steps, Span<Complex> states)
    {
        int n = Generator.Dimension * Generator.Dimension;
        if (steps < 0) throw new ParameterOutOfRangeException($"steps must be ≥ 0, got {steps}.", nameof(steps));
        if (rho0.Length < n || states.Length < (long)(steps + 1) * n)
            throw new DimensionMismatchException($"Need {n} entries in ρ(0) and {(long)(steps + 1) * n} in the destination.", nameof(states));
        rho0[..n].CopyTo(states);
        for (int s = 0; s < steps; s++)
            MatVec(states.Slice(s * n, n), states.Slice((s + 1) * n, n));
    }

    /// <summary>
    /// Runs from ρ(0) at t = 0 to t = steps·Δt, recording steps + 1 output times, the states (unless
    /// <paramref name="storeStates"/> is false) and every observer's value; each observer sees ρ̇ = 𝓛(ρ) on request.
    /// </summary>
    public Trajectory Run(DensityMatrix rho0, int steps, IEnumerable<TrajectoryObserver>? observers = null, bool storeStates = true)
    {
        ArgumentNullException.ThrowIfNull(rho0);
        Generator.CheckSpace(rho0);
        if (steps < 0) throw new ParameterOutOfRangeException($"steps must be ≥ 0, got {steps}.", nameof(steps));
        int n = Generator.Dimension * Generator.Dimension;
        var recorder = new TrajectoryRecorder(steps + 1, observers, storeStates, (_, rho) => Generator.Apply(rho));
        recorder.Record(0, rho0);
        var current = rho0.ColumnMajor.ToArray();
        for (int s = 1; s <= steps; s++)
        {
            var next = new Complex[n];
            MatVec(current, next);
            current = next;
            // Symmetrise a copy for the recorded state; keep propagating the raw vector (exact linear recursion).
            recorder.Record(s * TimeStep, Lindbladian.StateFromVector(rho0.Space, (Complex[])next.Clone()));
        }
        return recorder.Build();
    }

    /// <summary>
    /// y = P x over the stored nonzeros of P, on interleaved (re, im) doubles (plain scalar FMAs; Complex operator
    /// arithmetic is slower here). Zero entries of x are skipped too: X states leave 10 of 16 entries empty.
    /// </summary>
    private void MatVec(ReadOnlySpan<Complex> x, Span<Complex> y)
    {
        int n = x.Length;
        var yd = MemoryMarshal.Cast<Complex, double>(y);
        ReadOnlySpan<int> rows = _rowIndex;
        ReadOnlySpan<double> values = _values;
        yd.Clear();
        for (int j = 0; j < n; j++)
        {
            double xr = x[j].Real, xi = x[j].Imaginary;
            if (xr == 0 && xi == 0) continue;
            for (int k = _columnStart[j]; k < _columnStart[j + 1]; k++)
            {
                double pr = values[2 * k], pi = values[2 * k + 1];
                int r = 2 * rows[k];
                yd[r] += pr * xr - pi * xi;
                yd[r + 1] += pr * xi + pi * xr;
            }
        }
    }
}
