namespace CollisionModel.MasterEquation;

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
