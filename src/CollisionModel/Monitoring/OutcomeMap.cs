using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// The system's conditional map of one outcome of one bath's collision, ρ ↦ tr_E[(1⊗Π_out) W (ρ ⊗ Π_in η Π_in) W†
/// (1⊗Π_out)], as a d_S² × d_S² superoperator in column stacking (vec ρ = column-major storage). Trace-decreasing:
/// tr of the image is the outcome's probability. For an unmeasured bath the one map is the full channel, count 0.
/// </summary>
/// <param name="Count">The count the outcome adds to the bath's running total.</param>
/// <param name="Superoperator">The conditional map (the caller must not modify it).</param>
/// <param name="Outcome">The outcome, or null for an unmeasured bath's full channel.</param>
public sealed record OutcomeMap(int Count, Matrix<Complex> Superoperator, MeasurementOutcome? Outcome);

/// <summary>One bath's part of a <see cref="MonitoredStep"/>: its outcome maps (they sum to the bath's channel).</summary>
/// <param name="BathIndex">The bath's index in the protocol (0-based).</param>
/// <param name="Measured">True when the bath has a measurement (its maps are the outcomes), false for the full channel.</param>
/// <param name="Outcomes">The conditional maps; outcomes of zero probability for every state are left out.</param>
public sealed record BathOutcomeMaps(int BathIndex, bool Measured, IReadOnlyList<OutcomeMap> Outcomes);
