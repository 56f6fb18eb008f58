using System.Collections.ObjectModel;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

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
