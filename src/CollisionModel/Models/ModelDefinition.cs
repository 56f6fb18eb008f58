using CollisionModel.Monitoring;
using CollisionModel.States;

namespace CollisionModel.Models;

/// <summary>A collision model read from a model file (<see cref="ModelFile"/>): the protocol and the system's initial state.</summary>
/// <param name="Protocol">The validated protocol (system, A/B split, H_S, baths).</param>
/// <param name="InitialState">ρ_S(0) on <see cref="CollisionProtocol.SystemSpace"/> (subsystems in the order of <c>dims</c>).</param>
public sealed record ModelDefinition(CollisionProtocol Protocol, DensityMatrix InitialState)
{
    private readonly IReadOnlyList<AncillaMeasurement?>? _measurements;

    /// <summary>
    /// Each bath's <c>measure</c> key, in bath order (null: the bath is not measured). Only the monitoring commands
    /// (trajectories, counting) read it; the engines ignore it.
    /// </summary>
    public IReadOnlyList<AncillaMeasurement?> Measurements
    {
        get => _measurements ?? new AncillaMeasurement?[Protocol.Baths.Count];
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count != Protocol.Baths.Count)
                throw new Validation.DimensionMismatchException($"expected one measurement slot per bath ({Protocol.Baths.Count}), got {value.Count}.", "measure");
            _measurements = value.ToArray();
        }
    }
}
