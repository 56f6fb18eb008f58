namespace CollisionModel.MasterEquation;

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
