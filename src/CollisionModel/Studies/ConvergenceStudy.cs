using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Studies;

/// <summary>
/// The k → ∞ limit of any rate-only protocol: k steps of length T/k, as the k-th power of the one-step channel
/// (<see cref="CollisionStepChannel"/>, O(log k) products of d_S²×d_S² matrices, k up to 10¹²), against the protocol's
/// Lindblad limit (<see cref="LindbladLimit.Of"/>) evolved to T.
/// </summary>
public static class ConvergenceStudy
{
    /// <summary>The largest number of collisions accepted.</summary>
    public const long MaxSteps = 1_000_000_000_000;

    /// <summary>
    /// Runs the study from <paramref name="initialState"/> (on the protocol's system) to time T &gt; 0. Throws
    /// <see cref="ParameterOutOfRangeException"/> naming the bath when the protocol has no Lindblad limit or cannot
    /// build a step of some δt = T/k (checked for every k before any work).
    /// <paramref name="entanglement"/> (e.g. the relative entropy of entanglement, nats) fills the E_R error when
    /// given. <paramref name="progress"/> receives the fraction of the k done (0…1).
    /// </summary>
    public static ConvergenceResult Run(CollisionProtocol protocol, DensityMatrix initialState, double time, IReadOnlyList<long> steps,
        Func<DensityMatrix, double>? entanglement = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(initialState);
        ArgumentNullException.ThrowIfNull(steps);
        Guard.Finite(time, nameof(time));
        Guard.Positive(time, nameof(time));
        if (initialState.Dimension != protocol.SystemDimension)
            throw new DimensionMismatchException($"The initial state has dimension {initialState.Dimension}, the protocol's system {protocol.SystemDimension}.", nameof(initialState));
        if (steps.Count == 0) throw new ParameterOutOfRangeException("Give at least one number of collisions.", nameof(steps));
        foreach (long k in steps)
            if (k < 1 || k > MaxSteps) throw new ParameterOutOfRangeException($"Each number of collisions must lie in [1, 10¹²], got {k}.", nameof(steps));

        // Each k's grid (δt = T/k, formed by TimeGrid); every step 0 is asked for before any work, so a δt the angle law
        // cannot take is refused first, naming the bath and its key. A caller that checked them already (the CLI, to
        // name its option) gets the protocol's kept steps here, and the channels below are built from those same steps.
        var grids = steps.Select(k => TimeGrid.Over(time, k)).ToArray();
        foreach (var grid in grids) protocol.Step(0, grid);

        var initial = initialState.Space.Equals(protocol.SystemSpace) ? initialState : initialState.WithSpace(protocol.SystemSpace);
        var master = LindbladLimit.Of(protocol).Evolve(initial, time);
        double? masterEntanglement = entanglement?.Invoke(master);
        int corner = protocol.SystemDimension - 1;
        var records = new List<ConvergenceRecord>(steps.Count);
        foreach (var grid in grids)
        {
            long k = grid.Steps;
            var state = CollisionStepChannel.Build(protocol, grid).Power(k).Apply(initial);
            double? erError = entanglement is null ? null : Math.Abs(entanglement(state) - masterEntanglement!.Value);
            records.Add(new ConvergenceRecord(k, TraceDistance.Compute(state, master),
                Math.Abs(state[0, corner].Magnitude - master[0, corner].Magnitude), erError, state));
            progress?.Report((double)records.Count / steps.Count);
        }
        return new ConvergenceResult(protocol, time, master, records, FitOrder(records), Richardson(records, master));
    }

    /// <summary>The study of one of the paper's models (<see cref="PaperModels"/>) from its own initial state.</summary>
    public static ConvergenceResult Run(PaperModel model, double time, IReadOnlyList<long> steps,
        Func<DensityMatrix, double>? entanglement = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Run(model.Protocol, model.InitialState, time, steps, entanglement, progress);
    }

    /// <summary>
    /// Trace distances at or below this (32 ε ≈ 7.1e-15) are rounding noise, not a discretisation error. The distance
    /// is between two unit-trace 4×4 states, each computed to a few ε per entry: the channel powers work in deviation
    /// form, so even k = 10¹² leaves noise of about ε (observed ≤ 2e-16 with the exact angles, where the true distance
    /// is 0), while the smallest genuine first-order distance at k = 10¹² with unit rates is ≈ 6e-14.
    /// </summary>
    public const double RoundingLevel = 32 * 2.220446049250313e-16;

    /// <summary>
    /// Least-squares slope of −ln d against ln k over the records with d above <see cref="RoundingLevel"/>; null with
    /// fewer than two such k — in particular when every distance is rounding noise (e.g. the exact angles, which
    /// converge at every k): a slope fitted to noise would be a meaningless number (e.g. 0.05 or −0.06).
    /// </summary>
    public static double? FitOrder(IReadOnlyList<ConvergenceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var points = records.Where(r => r.TraceDistance > RoundingLevel).Select(r => (x: Math.Log(r.Steps), y: -Math.Log(r.TraceDistance))).ToArray();
        if (points.Select(p => p.x).Distinct().Count() < 2) return null;
        double mx = points.Average(p => p.x), my = points.Average(p => p.y);
        double sxy = points.Sum(p => (p.x - mx) * (p.y - my)), sxx = points.Sum(p => (p.x - mx) * (p.x - mx));
        return sxy / sxx;
    }

    /// <summary>
    /// First-order Richardson extrapolation in 1/k from the two largest k: ρ_R = (k₂ρ_{k₂} − k₁ρ_{k₁})/(k₂ − k₁),
    /// and its trace distance to the master state (ρ_R need not be positive; the distance is ½‖ρ_R − ρ‖₁).
    /// </summary>
    public static double? Richardson(IReadOnlyList<ConvergenceRecord> records, DensityMatrix master)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(master);
        var largest = records.GroupBy(r => r.Steps).Select(g => g.First()).OrderByDescending(r => r.Steps).Take(2).ToArray();
        if (largest.Length < 2) return null;
        double k2 = largest[0].Steps, k1 = largest[1].Steps;
        Matrix<Complex> extrapolated = (k2 * largest[0].State.ToMatrix() - k1 * largest[1].State.ToMatrix()) / (k2 - k1);
        return TraceDistance.OfHermitianDifference(extrapolated - master.ToMatrix());
    }
}
