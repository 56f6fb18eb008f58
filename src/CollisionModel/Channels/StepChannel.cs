using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Thermodynamics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Channels;

/// <summary>
/// The channel of one step of a memoryless, time-independent protocol on the system: ρ ↦ U_after Φ_m ∘ … ∘ Φ_1
/// (U_before ρ U_before†) U_after†, Φ_j(ρ) = tr_E W_j (ρ ⊗ η_j) W_j† — built from <see cref="CollisionProtocol.Step(int, double)"/>,
/// so it is the map the engines iterate. Column stacking (vec ρ = MathNet's column-major storage).
/// </summary>
public static class StepChannel
{
    /// <summary>
    /// The d_S² × d_S² superoperator of one step of length δt. Throws when a bath has memory or a time-dependent
    /// collision (then no single map describes every step). O(d_S² · Σ_j (d_S d_Ej)³).
    /// </summary>
    public static Matrix<Complex> Superoperator(CollisionProtocol protocol, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        CheckMemoryless(protocol);
        var step = protocol.Step(0, timeStep);
        var collisions = step.Baths.Select(b => new DenseCollision(protocol, b)).ToArray();
        return Operators.Superoperator.FromMap(protocol.SystemDimension, x => Apply(step, collisions, x));
    }

    /// <summary>
    /// The d_S² × d_S² superoperator of step <paramref name="stepIndex"/> (0-based, starting at t_n = n·δt) of a
    /// memoryless protocol, drives included (each step's own f(t_n)). Throws for memory or time-dependent collisions.
    /// O(d_S² · Σ_j (d_S d_Ej)³).
    /// </summary>
    public static Matrix<Complex> SuperoperatorOfStep(CollisionProtocol protocol, int stepIndex, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        CheckMemoryless(protocol, allowDrives: true);
        var step = protocol.Step(stepIndex, timeStep);
        var collisions = step.Baths.Select(b => new DenseCollision(protocol, b)).ToArray();
        return Operators.Superoperator.FromMap(protocol.SystemDimension, x => Apply(step, collisions, x));
    }

    /// <summary>
    /// Throws a <see cref="ParameterOutOfRangeException"/> naming the bath unless every step is the same memoryless
    /// map (with <paramref name="allowDrives"/>: unless each step is a memoryless map that drives alone make differ).
    /// </summary>
    public static void CheckMemoryless(CollisionProtocol protocol, bool allowDrives = false)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.HasDrive && !allowDrives)
            throw new ParameterOutOfRangeException("The protocol is driven: its steps differ, so no single step channel describes them (see the periodic steady state).", "drive");
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            if (protocol.Baths[j].HasFeedback)
                throw new ParameterOutOfRangeException($"baths[{j}].feedback: a returning ancilla makes the system's step depend on its past, not a fixed channel.", $"baths[{j}].feedback");
            if (protocol.Baths[j].HasMemory)
                throw new ParameterOutOfRangeException($"baths[{j}] has a memory collision: the system's step is not a fixed channel.", "baths");
            if (!protocol.Baths[j].Collision.IsTimeIndependent)
                throw new ParameterOutOfRangeException($"baths[{j}] has a time-dependent collision: the system's step is not a fixed channel.", "baths");
        }
    }

    internal static Matrix<Complex> Apply(ProtocolStep step, DenseCollision[] collisions, Matrix<Complex> x)
    {
        if (step.SystemBefore is { } before) x = before * x * before.ConjugateTranspose();
        foreach (var c in collisions) x = c.System(c.Joint(x));
        if (step.SystemAfter is { } after) x = after * x * after.ConjugateTranspose();
        return x;
    }
}
