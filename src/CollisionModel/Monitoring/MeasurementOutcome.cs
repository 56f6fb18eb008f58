using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// One outcome of a monitored ancilla: the incoming ancilla projected onto <see cref="Incoming"/> before its
/// collision (null: not measured before), the outgoing one onto <see cref="Outgoing"/> when it leaves, and the count
/// the outcome adds to the bath's running total.
/// </summary>
/// <param name="Incoming">Orthonormal columns spanning the incoming subspace (d_E × r), or null for the whole space.</param>
/// <param name="Outgoing">Orthonormal columns spanning the outgoing subspace (d_E × r′).</param>
/// <param name="Count">The integer this outcome adds to the bath's count (energy: the quanta the bath gave up).</param>
/// <param name="Label">A short description ("E_in = 1, E_out = 0", "basis state 1").</param>
public sealed record MeasurementOutcome(Matrix<Complex>? Incoming, Matrix<Complex> Outgoing, int Count, string Label);
