using System.Numerics;
using System.Runtime.ExceptionServices;
using CollisionModel.Bookkeeping;
using CollisionModel.Engines;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.NonMarkovianity;

/// <summary>
/// The system's dynamical maps Λ_0 = 1, Λ_1, …, Λ_K of a collision-model run, reconstructed from d² runs of the
/// <see cref="TomographyInputs"/> through any engine that produces ρ_S(t) (<see cref="ICollisionEngine"/>: streaming,
/// explicit, mps, or an engine added later). The environment must start in the same product state for every input,
/// which is what an engine built from one protocol does. What is left of the environment is irrelevant: only the
/// system's map is kept.
/// </summary>
public static class DynamicalMaps
{
    /// <summary>The largest system dimension taken (the maps are d²×d², RHP's Choi matrices d²×d²; d = 8: 64×64).</summary>
    public const int MaxDimension = 8;

    /// <summary>Steps every engine advances before the maps of those steps are formed (bounds the buffered states).</summary>
    private const int Chunk = 64;

    /// <summary>
    /// The maps of the run with protocol and settings <paramref name="run"/> in <paramref name="representation"/>, its
    /// initial system state replaced by each input (records, observers, E_R and fragments are not needed and are off;
    /// the engines step by <see cref="ICollisionEngine.Propagate"/>, so the streaming runs skip their bookkeeping).
    /// </summary>
    public static IEnumerable<Matrix<Complex>> Of(CollisionRunOptions run, Representation representation,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var quiet = run with { RecordEvery = 1, EntanglementMeasure = null, Observers = [], Fragments = false };
        return Of(rho => CollisionSimulation.CreateEngine(quiet with { InitialSystem = rho }, representation),
            run.Protocol.SystemSpace, run.Steps, progress, cancellationToken);
    }

    /// <summary>
    /// Λ_0 … Λ_K as d²×d² superoperators (column stacking, <see cref="Operators.Superoperator"/>), lazily: the d²
    /// engines made by <paramref name="createEngine"/> advance together, in parallel, <see cref="Chunk"/> steps at a
    /// time, so memory is d² engines plus 64·d⁴ buffered entries whatever K is. Each yielded matrix is new. Only
    /// ρ_S(t) is read, so the engines step by <see cref="ICollisionEngine.Propagate"/> (no bookkeeping where an engine
    /// can skip it); every run's ρ_S is still checked at every step (unit trace, Hermitian, eigenvalues ≥ −tolerance:
    /// an <see cref="InvariantViolationException"/> names the step). Cost: d² runs of K steps plus O(d⁶) per step.
    /// Throws <see cref="ParameterOutOfRangeException"/> for d &gt; <see cref="MaxDimension"/> or K &lt; 1; an
    /// engine's own exception is rethrown as it is.
    /// </summary>
    public static IEnumerable<Matrix<Complex>> Of(Func<DensityMatrix, ICollisionEngine> createEngine, CompositeSpace system,
        int steps, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createEngine);
        ArgumentNullException.ThrowIfNull(system);
        if (system.Dimension > MaxDimension)
            throw new ParameterOutOfRangeException(
                $"The non-Markovianity measures take a system of dimension ≤ {MaxDimension}; this one ({system}) has {system.Dimension}.", "system.dims");
        if (steps < 1) throw new ParameterOutOfRangeException($"Steps must be ≥ 1, got {steps}.", nameof(steps));
        return Stream(createEngine, system, steps, progress, cancellationToken);
    }

    private static IEnumerable<Matrix<Complex>> Stream(Func<DensityMatrix, ICollisionEngine> createEngine, CompositeSpace system,
        int steps, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var inputs = new TomographyInputs(system);
        int runs = inputs.States.Count;
        var engines = new ICollisionEngine[runs];
        Parallel(runs, k => engines[k] = createEngine(inputs.States[k]));
        var outputs = new DensityMatrix[Chunk, runs];
        var images = new DensityMatrix[runs];
        int d = system.Dimension;
        var spectra = new double[runs][];
        var workspaces = new Complex[runs][];
        for (int k = 0; k < runs; k++) (spectra[k], workspaces[k]) = (new double[d], new Complex[d * d]);
        for (int k = 0; k < runs; k++) images[k] = engines[k].SystemState();
        yield return inputs.Map(images);
        int reportEvery = Math.Max(1, steps / 200);
        for (int start = 1; start <= steps; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(Chunk, steps - start + 1);
            Parallel(runs, k =>
            {
                for (int c = 0; c < count; c++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    engines[k].Propagate();
                    var state = engines[k].SystemState();
                    HermitianEigen.Eigenvalues(state.ColumnMajor, d, spectra[k], workspaces[k]);
                    InvariantGuard.SystemState(start + c, state.ColumnMajor, d, spectra[k][0]);
                    outputs[c, k] = state;
                }
            });
            for (int c = 0; c < count; c++)
            {
                for (int k = 0; k < runs; k++) images[k] = outputs[c, k];
                yield return inputs.Map(images);
                int n = start + c;
                if (progress is not null && (n % reportEvery == 0 || n == steps)) progress.Report((double)n / steps);
            }
        }
    }

    // Each engine is touched by one thread at a time; a failure in any run surfaces as that run's own exception.
    private static void Parallel(int count, Action<int> body)
    {
        try
        {
            System.Threading.Tasks.Parallel.For(0, count, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
