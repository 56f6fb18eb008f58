namespace CollisionModel.Studies;

/// <summary>
/// The field names of a <see cref="ConvergenceResult"/>, defined once for every writer (the CLI's <c>converge</c>):
/// one record per k (<see cref="Record"/>, in order), then the summary fields (<see cref="Summary"/>, in order).
/// </summary>
public static class ConvergenceFields
{
    /// <summary>k, the number of collisions.</summary>
    public const string Steps = "steps";

    /// <summary>½‖ρ_S^collision(T) − ρ_S^master(T)‖₁.</summary>
    public const string TraceDistance = "trace_distance";

    /// <summary>| |ρ_{00,11}| collision − |ρ_{00,11}| master | (two qubits only).</summary>
    public const string CoherenceError = "coherence_error";

    /// <summary>|E_R collision − E_R master| in nats (two qubits only).</summary>
    public const string EntanglementError = "E_R_error";

    /// <summary>The fitted order (<see cref="ConvergenceResult.Order"/>).</summary>
    public const string Order = "order";

    /// <summary>The Richardson-extrapolated error (<see cref="ConvergenceResult.Richardson"/>).</summary>
    public const string Richardson = "richardson";

    /// <summary>The fields of one record (one k), in output order.</summary>
    public static IReadOnlyList<string> Record { get; } = [Steps, TraceDistance, CoherenceError, EntanglementError];

    /// <summary>The summary fields after the records, in output order.</summary>
    public static IReadOnlyList<string> Summary { get; } = [Order, Richardson];
}
