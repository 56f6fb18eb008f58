namespace CollisionModel.MasterEquation;

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
