using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// The immutable result of a run: output times, the states at those times (when stored), the final state and the
/// series every observer recorded (named per-time data).
/// </summary>
public sealed partial class Trajectory
{
    private readonly IReadOnlyDictionary<string, (TrajectoryObserver Observer, object Values)> _data;

    internal Trajectory(double[] times, DensityMatrix[] states, DensityMatrix finalState,
        IReadOnlyDictionary<string, (TrajectoryObserver, object)> data)
    {
        Times = Array.AsReadOnly(times);
        States = Array.AsReadOnly(states);
        FinalState = finalState;
        _data = data;
    }

    /// <summary>The output times, ascending, the first being the initial time.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>ρ at each output time; empty when the run was asked not to store states.</summary>
    public IReadOnlyList<DensityMatrix> States { get; }

    /// <summary>ρ at the last output time (always kept).</summary>
    public DensityMatrix FinalState { get; }

    /// <summary>
    /// A few-digit summary: the number of output times and their span, the state size and the recorded series, e.g.
    /// <c>Trajectory: 31 times t = 0…3, ρ 4×4, series [S, E_R]</c>.
    /// </summary>
    public override string ToString()
    {
        string span = Times.Count == 0 ? "" : $" t = {ReadableText.Number(Times[0])}…{ReadableText.Number(Times[^1])}";
        return $"Trajectory: {Times.Count} times{span}, ρ {FinalState.Dimension}×{FinalState.Dimension}, series "
            + ReadableText.List(_data.Keys.ToArray(), name => name);
    }

    /// <summary>The names of the recorded series.</summary>
    public IReadOnlyCollection<string> Names => _data.Keys.ToArray();

    /// <summary>The values <paramref name="observer"/> recorded, one per output time.</summary>
    public IReadOnlyList<T> Values<T>(Observer<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return Values<T>(observer.Name);
    }

    /// <summary>The series recorded under <paramref name="name"/>; throws when absent or of another type.</summary>
    public IReadOnlyList<T> Values<T>(string name)
    {
        if (!_data.TryGetValue(name, out var entry))
            throw new ParameterOutOfRangeException($"No series named '{name}' was recorded.", nameof(name));
        if (entry.Values is not IReadOnlyList<T> list)
            throw new ParameterOutOfRangeException(
                $"Series '{name}' holds {entry.Observer.ValueType.Name}, not {typeof(T).Name}.", nameof(name));
        return list;
    }
}
