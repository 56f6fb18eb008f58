using CollisionModel.MasterEquation;
using CollisionModel.States;

namespace CollisionModel.Models;

/// <summary>One of the paper's two models, ready to run: the protocol, its Lindblad limit and the initial state. Immutable.</summary>
/// <param name="Protocol">The collision protocol on qubits A, B (B = subsystem 1) with one memoryless bath on B.</param>
/// <param name="Limit">The protocol's k → ∞ generator (<see cref="CollisionProtocol.LindbladLimitGenerator"/>).</param>
/// <param name="InitialState">a|00⟩ + √(1 − a²)|11⟩.</param>
public sealed record PaperModel(CollisionProtocol Protocol, Lindbladian Limit, DensityMatrix InitialState);
