namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>simulate --model-file</c>, <c>converge --model-file</c> and <c>master --model-file</c>: runs a model read from a file and
/// returns the same records as the presets (E_R, concurrence and the two-qubit convergence errors null unless the
/// system is two qubits). Report progress (0…1); throw the library's <c>QuantumInputException</c>s for models the
/// engines cannot run (exit code 2).
/// </summary>
public interface IModelFileRunner
{
    /// <summary>Runs the collision model with per-step bookkeeping.</summary>
    SimulateResult Simulate(ModelSimulateOptions options, IProgress<double> progress);

    /// <summary>Runs the convergence study against the model's Lindblad limit.</summary>
    ConvergeResult Converge(ModelConvergeOptions options, IProgress<double> progress);

    /// <summary>Integrates the model's Lindblad limit and finds its steady state and heat currents.</summary>
    ModelMasterResult Master(ModelMasterOptions options, IProgress<double> progress);
}
