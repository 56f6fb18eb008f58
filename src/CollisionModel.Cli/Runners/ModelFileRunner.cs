using System.Globalization;
using CollisionModel.Cli.Commands;
using CollisionModel.Engines;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;
using CollisionModel.Studies;
using CollisionModel.Validation;

namespace CollisionModel.Cli.Runners;

/// <summary>
/// <c>simulate --model-file</c>, <c>converge --model-file</c> and <c>master --model-file</c> on the library: the file's protocol and initial state
/// go to <see cref="CollisionSimulation.Run"/> unchanged (the grid of K steps over T, built once by <see cref="TimeGrid.Over"/>, is the only thing the tool adds), with E_R by the
/// warm-started solver when the system is two qubits and <c>--no-ree</c> is absent; the convergence study
/// (<see cref="ConvergenceStudy.Run(Models.CollisionProtocol, States.DensityMatrix, double, IReadOnlyList{long}, Func{States.DensityMatrix, double}?, IProgress{double}?)"/>)
/// against the protocol's Lindblad limit, with the corner-coherence and E_R errors only for two qubits; the limit's
/// trajectory and steady state (<see cref="LindbladLimitStudy.Run"/>).
/// </summary>
public sealed class ModelFileRunner : IModelFileRunner
{
    /// <inheritdoc />
    public SimulateResult Simulate(ModelSimulateOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Steps > int.MaxValue)
            throw new ParameterOutOfRangeException(
                $"--steps: simulate performs every step one by one, at most {int.MaxValue} (got {options.Steps.ToString(CultureInfo.InvariantCulture)}).");
        var model = options.ModelFile.Model;
        // The CLI's one grid: δt = T/K formed once, by the library. A time-independent protocol builds its step 0 here,
        // once (kept by the protocol: the run's checks and the engine reuse it), so a δt its collisions cannot take is
        // refused before the run starts, naming the bath and its key.
        var grid = TimeGrid.Over(options.Time, options.Steps);
        if (!model.Protocol.IsTimeDependent) model.Protocol.Step(0, grid);
        var run = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = grid,
            RecordEvery = (int)Math.Min(options.RecordEvery, int.MaxValue),
            EntanglementMeasure = options.NoRee || !IsTwoQubits(model.Protocol) ? null : SimulateRunner.WarmStartedRee,
            Truncation = options.Mps.Truncation,
            Fragments = options.Mps.Fragments,
        };
        return new SimulateResult(CollisionSimulation.Run(run, options.Representation, progress));
    }

    /// <inheritdoc />
    public ConvergeResult Converge(ModelConvergeOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.ModelFile.Model;
        if (model.Protocol.WhyNoLindbladLimit() is { } why) throw new ParameterOutOfRangeException($"{ModelFileInput.OptionName}: {why}");
        // Each k's grid and step 0 before any work (a refusal names the bath and its key); the study runs the kept steps.
        foreach (long k in options.Steps) model.Protocol.Step(0, TimeGrid.Over(options.Time, k));
        bool twoQubits = IsTwoQubits(model.Protocol);
        var study = ConvergenceStudy.Run(model.Protocol, model.InitialState, options.Time, options.Steps,
            twoQubits ? rho => RelativeEntropyOfEntanglement.Compute(rho).Value : null, progress);
        var points = study.Records.Select(r => new ConvergePoint(r.Steps, r.TraceDistance,
            twoQubits ? r.CoherenceError : null, r.EntanglementError)).ToList();
        return new ConvergeResult(points, study.Order, study.Richardson);
    }

    /// <inheritdoc />
    public ModelMasterResult Master(ModelMasterOptions options, IProgress<double> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.ModelFile.Model;
        if (model.Protocol.WhyNoLindbladLimit() is { } why) throw new ParameterOutOfRangeException($"{ModelFileInput.OptionName}: {why}");
        return new ModelMasterResult(LindbladLimitStudy.Run(model.Protocol, model.InitialState, options.Time, options.Points, progress));
    }

    /// <summary>E_R, the concurrence and the two-qubit convergence errors exist only for a system of two qubits.</summary>
    internal static bool IsTwoQubits(Models.CollisionProtocol protocol) => protocol.SystemSpace.Dimensions is [2, 2];
}
