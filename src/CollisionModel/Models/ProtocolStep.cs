using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The unitaries of one step of a <see cref="CollisionProtocol"/> of length δt, applied in this order:
/// <see cref="SystemBefore"/> on the system, then each bath's collision (and its memory collision) in bath order,
/// then <see cref="SystemAfter"/>. Strang splitting: both are e^{−iH_S δt/2}; Lie: SystemBefore = e^{−iH_S δt},
/// SystemAfter null; both null without H_S. Matrices are the caller's to keep.
/// </summary>
/// <param name="Index">The 0-based step index n (the step takes the state from n·δt to (n+1)·δt).</param>
/// <param name="Time">n·δt, the time at the step's start.</param>
/// <param name="TimeStep">δt.</param>
/// <param name="SystemBefore">The system unitary before the collisions, or null.</param>
/// <param name="SystemAfter">The system unitary after the collisions, or null.</param>
/// <param name="Baths">One entry per bath, in collision order.</param>
public sealed record ProtocolStep(int Index, double Time, double TimeStep, Matrix<Complex>? SystemBefore, Matrix<Complex>? SystemAfter,
    IReadOnlyList<BathStep> Baths);
