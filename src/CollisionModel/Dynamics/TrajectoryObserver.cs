namespace CollisionModel.Dynamics;

/// <summary>
/// A named quantity recorded at every output time of a trajectory (QuTiP's e_ops idea as a typed callback).
/// Create one with <see cref="Observer{T}"/>; read its values with <see cref="Trajectory.Values{T}(Observer{T})"/>.
/// </summary>
public abstract class TrajectoryObserver
{
    /// <summary>Creates the observer; the name keys its series in the trajectory and must be non-empty.</summary>
    protected TrajectoryObserver(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new Validation.ParameterOutOfRangeException("An observer needs a non-empty name.", nameof(name));
        Name = name;
    }

    /// <summary>The key of the recorded series.</summary>
    public string Name { get; }

    /// <summary>The element type of the recorded series.</summary>
    public abstract Type ValueType { get; }

    internal abstract IObservationSeries CreateSeries(int capacity);
}

/// <summary>An observer that evaluates <c>evaluate(point)</c> at each output time and records the result.</summary>
/// <typeparam name="T">The recorded value type (e.g. double, double? for a quantity that may not exist).</typeparam>
public sealed class Observer<T> : TrajectoryObserver
{
    private readonly Func<TrajectoryPoint, T> _evaluate;

    /// <summary>Creates the observer named <paramref name="name"/> that records <paramref name="evaluate"/>.</summary>
    public Observer(string name, Func<TrajectoryPoint, T> evaluate) : base(name)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        _evaluate = evaluate;
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    internal T Evaluate(TrajectoryPoint point) => _evaluate(point);

    internal override IObservationSeries CreateSeries(int capacity) => new ObservationSeries<T>(this, capacity);
}

/// <summary>The values one observer recorded, in output-time order.</summary>
internal interface IObservationSeries
{
    TrajectoryObserver Observer { get; }
    void Record(TrajectoryPoint point);
    object Freeze();
}

internal sealed class ObservationSeries<T>(Observer<T> observer, int capacity) : IObservationSeries
{
    private readonly List<T> _values = new(capacity);
    public TrajectoryObserver Observer => observer;
    public void Record(TrajectoryPoint point) => _values.Add(observer.Evaluate(point));
    public object Freeze() => _values.AsReadOnly();
}
