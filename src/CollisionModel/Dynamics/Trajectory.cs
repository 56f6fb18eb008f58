using System.Collections.ObjectModel;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Dynamics;

/// <summary>
/// The immutable result of a run: output times, the states at those times (when stored), the final state and the
/// series every observer recorded (named per-time data).
/// </summary>
public sealed class Trajectory
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

/// <summary>Collects states and observer values while a solver runs, then freezes them into a <see cref="Trajectory"/>.</summary>
internal sealed class TrajectoryRecorder
{
    private readonly List<double> _times;
    private readonly List<DensityMatrix> _states;
    private readonly IObservationSeries[] _series;
    private readonly bool _storeStates;
    private readonly Func<double, DensityMatrix, MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>> _derivative;
    private DensityMatrix? _last;

    public TrajectoryRecorder(int capacity, IEnumerable<TrajectoryObserver>? observers, bool storeStates,
        Func<double, DensityMatrix, MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>> derivative)
    {
        var list = (observers ?? []).ToArray();
        var names = new HashSet<string>();
        foreach (var o in list)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(observers));
            if (!names.Add(o.Name))
                throw new ParameterOutOfRangeException($"Two observers are named '{o.Name}'.", nameof(observers));
        }
        _times = new List<double>(capacity);
        _states = new List<DensityMatrix>(storeStates ? capacity : 0);
        _series = list.Select(o => o.CreateSeries(capacity)).ToArray();
        _storeStates = storeStates;
        _derivative = derivative;
    }

    public bool HasObservers => _series.Length > 0;

    public void Record(double time, DensityMatrix state)
    {
        int index = _times.Count;
        _times.Add(time);
        if (_storeStates) _states.Add(state);
        _last = state;
        if (_series.Length == 0) return;
        var point = new TrajectoryPoint(index, time, state, rho => _derivative(time, rho));
        foreach (var s in _series) s.Record(point);
    }

    public Trajectory Build()
    {
        var data = new Dictionary<string, (TrajectoryObserver, object)>();
        foreach (var s in _series) data[s.Observer.Name] = (s.Observer, s.Freeze());
        return new Trajectory(_times.ToArray(), _states.ToArray(), _last!, new ReadOnlyDictionary<string, (TrajectoryObserver, object)>(data));
    }
}
