using CollisionModel.Validation;

namespace CollisionModel.Engines;

/// <summary>
/// A user-defined per-step quantity, evaluated at every emitted step from the finished record (which carries ρ_AB)
/// and stored in <see cref="StepRecord.Observables"/> under <see cref="Name"/>.
/// </summary>
public sealed class StepObserver
{
    /// <summary>Creates an observer; <paramref name="name"/> must be non-empty.</summary>
    public StepObserver(string name, Func<StepRecord, double> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        if (string.IsNullOrWhiteSpace(name)) throw new ParameterOutOfRangeException("An observer needs a non-empty name.", nameof(name));
        Name = name;
        Evaluate = evaluate;
    }

    /// <summary>The key under which the value is stored (and the CSV/JSON column name).</summary>
    public string Name { get; }

    /// <summary>Computes the quantity from a step record.</summary>
    public Func<StepRecord, double> Evaluate { get; }
}
