using CollisionModel.Measures;
using CollisionModel.States;

namespace CollisionModel.Engines;

/// <summary>
/// Runs a collision model: K collisions with the full bookkeeping at EVERY step (the running totals depend on it),
/// emitting a <see cref="StepRecord"/> at step 0, every <see cref="CollisionRunOptions.RecordEvery"/>-th step and
/// step K. Concurrence, E_R (warm-started from the previous emitted step) and observers are evaluated at emitted steps.
/// </summary>
public static class CollisionSimulation
{
    /// <summary>Creates the engine of the chosen representation (validating the options).</summary>
    public static ICollisionEngine CreateEngine(CollisionRunOptions options, Representation representation)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (representation != Representation.Mps && (options.Fragments || options.Truncation.Permitted))
            throw new Validation.ParameterOutOfRangeException(
                $"{(options.Fragments ? "Fragments" : "Truncation")} need the matrix-product representation, which keeps every ancilla (got {representation}).",
                options.Fragments ? "fragments" : "max_bond");
        return representation switch
        {
            Representation.Explicit => new ExplicitCollisionEngine(options),
            Representation.Streaming => new StreamingCollisionEngine(options),
            Representation.Mps => new MpsCollisionEngine(options),
            _ => throw new Validation.ParameterOutOfRangeException($"Unknown representation {(int)representation}.", nameof(representation)),
        };
    }

    /// <summary>
    /// Runs the model. <paramref name="progress"/> receives the fraction of collisions done (0–1, at most about
    /// 200 reports); <paramref name="cancellationToken"/> is checked between collisions.
    /// </summary>
    public static CollisionTrajectory Run(CollisionRunOptions options, Representation representation,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var engine = CreateEngine(options, representation);
        var records = new List<StepRecord>();
        DensityMatrix? sigma = null;
        records.Add(Emit(engine, options, ref sigma));
        int k = options.Steps;
        int reportEvery = Math.Max(1, k / 200);
        for (int j = 1; j <= k; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            engine.Advance();
            if (j % options.RecordEvery == 0 || j == k) records.Add(Emit(engine, options, ref sigma));
            if (progress is not null && (j % reportEvery == 0 || j == k)) progress.Report((double)j / k);
        }
        return new CollisionTrajectory(records, representation, options.Observers.Select(o => o.Name).ToArray());
    }

    private static StepRecord Emit(ICollisionEngine engine, CollisionRunOptions options, ref DensityMatrix? sigma)
    {
        var rho = engine.SystemState();
        double? er = null;
        if (options.EntanglementMeasure is not null)
        {
            var est = options.EntanglementMeasure(rho, sigma);
            if (!double.IsFinite(est.Value) || est.Value < -1e-12)
                throw new InvalidOperationException($"The entanglement measure returned {est.Value} at step {engine.Step}.");
            er = Math.Max(0, est.Value);
            sigma = est.ClosestSeparable;
        }
        var record = new StepRecord
        {
            Bookkeeping = engine.Current,
            RhoAB = rho,
            Concurrence = IsTwoQubits(options) ? Concurrence.Wootters(rho) : null,
            RelativeEntropyOfEntanglement = er,
            ClosestSeparable = er is null ? null : sigma,
            Thermodynamics = engine.Thermodynamics(),
            WholeEnvironment = (engine as IWholeEnvironmentEngine)?.WholeEnvironment(options.Fragments),
        };
        if (options.Observers.Count == 0) return record;
        var values = new Dictionary<string, double>();
        foreach (var o in options.Observers) values[o.Name] = o.Evaluate(record);
        return record with { Observables = values };
    }

    private static bool IsTwoQubits(CollisionRunOptions options) =>
        options.Protocol.SystemSpace.Count == 2 && options.Protocol.SystemDimension == 4;
}
