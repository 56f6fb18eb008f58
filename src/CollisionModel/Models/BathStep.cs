using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// One bath's part of a <see cref="ProtocolStep"/>: its collision unitary for this step, with memory the ancilla–ancilla
/// unitary, and with feedback the returning collision, applied before the fresh one.
/// </summary>
/// <param name="Bath">The bath.</param>
/// <param name="Collision">W on (the bath's subsystems in order, the ancilla least significant).</param>
/// <param name="Memory">U = cos φ·1 + i sin φ·SWAP on (used ancilla, next ancilla), or null without memory.</param>
/// <param name="Returning">With feedback, W (1 ⊗ e^{iφN}) on (the bath's subsystems, the returning ancilla): the loop's
/// phase, then the collision; null without feedback.</param>
/// <param name="Deviation">W − 1 formed without cancellation (the series W is built from), for the channel powers of a
/// time-independent protocol (<see cref="Channels.CollisionStepChannel"/>); null for a collision given as a unitary,
/// a driven bath and every step of a time-dependent protocol.</param>
public sealed record BathStep(Bath Bath, Matrix<Complex> Collision, Matrix<Complex>? Memory, Matrix<Complex>? Returning = null,
    Matrix<Complex>? Deviation = null);
