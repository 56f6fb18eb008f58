using CollisionModel.States;

namespace CollisionModel.Protocols;

/// <summary>A collision model read from a model file (<see cref="ModelFile"/>): the protocol and the system's initial state.</summary>
/// <param name="Protocol">The validated protocol (system, A/B split, H_S, baths).</param>
/// <param name="InitialState">ρ_S(0) on <see cref="CollisionProtocol.SystemSpace"/> (subsystems in the order of <c>dims</c>).</param>
public sealed record ModelDefinition(CollisionProtocol Protocol, DensityMatrix InitialState);
