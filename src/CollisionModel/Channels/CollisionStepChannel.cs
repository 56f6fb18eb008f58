using CollisionModel.Models;
using CollisionModel.Validation;

namespace CollisionModel.Channels;

/// <summary>
/// The reduced map on ρ_S of one step of length δt of a memoryless, time-independent protocol, in deviation form
/// (<see cref="NearIdentityChannel"/>): each bath's collision ρ ↦ tr_E W(ρ ⊗ η)W† from the W − 1 of the protocol's own
/// step 0 (<see cref="BathStep.Deviation"/>: no 1 + tiny ever formed, and no angle computed again), composed in bath
/// order, with H_S interleaved by the protocol's splitting order (Lie: e^{−iH_Sδt} first; Strang: halves around the
/// collisions). The same step the engines run, so a channel power and a streamed run agree to rounding.
/// O(Σ_j d_S⁴ n_j³ + d_S⁶) per step length, independent of k.
/// </summary>
public static class CollisionStepChannel
{
    /// <summary>One step of length δt &gt; 0 (<see cref="Build(CollisionProtocol, TimeGrid)"/> on a one-step grid).</summary>
    public static NearIdentityChannel Build(CollisionProtocol protocol, double timeStep)
    {
        Guard.Finite(timeStep, nameof(timeStep));
        Guard.Positive(timeStep, nameof(timeStep));
        return Build(protocol, TimeGrid.OfStep(timeStep, 1));
    }

    /// <summary>
    /// One step of the grid's δt, from the protocol's step 0 on it (<see cref="CollisionProtocol.Step(int, TimeGrid)"/>,
    /// kept by the protocol). Throws <see cref="ParameterOutOfRangeException"/> for drives, delay lines, memory or
    /// time-dependent baths and for unitary collisions (no deviation form).
    /// </summary>
    public static NearIdentityChannel Build(CollisionProtocol protocol, TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var system = protocol.SystemSpace;
        if (protocol.SystemDrive is not null)
            throw new ParameterOutOfRangeException("system.drive: a driven protocol has no one-step channel to raise to a power.", "drive");
        ProtocolStep? step = null;
        NearIdentityChannel? collisions = null;
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            var bath = protocol.Baths[j];
            if (bath.HasFeedback)
                throw new ParameterOutOfRangeException($"baths[{j}].feedback: a delay line has no one-step channel to raise to a power.", $"baths[{j}].feedback");
            if (bath.Drive is not null)
                throw new ParameterOutOfRangeException($"baths[{j}].drive: a driven bath has no one-step channel to raise to a power.", "drive");
            if (bath.HasMemory || !bath.Collision.IsTimeIndependent)
                throw new ParameterOutOfRangeException($"baths[{j}]: a memory or time-dependent bath has no one-step channel to raise to a power.", "baths");
            // Fetched only once a bath has passed the refusals above, so they come first, in bath order.
            step ??= protocol.Step(0, grid);
            var deviation = step.Baths[j].Deviation
                ?? throw new ParameterOutOfRangeException($"baths[{j}] is given as a unitary: its channel has no deviation form (give a coupling).", "baths");
            var channel = NearIdentityChannel.FromCollision(system, [.. bath.ActsOn], deviation, bath.Ancilla.State);
            collisions = collisions is null ? channel : channel.After(collisions);
        }
        var h = protocol.SystemHamiltonian;
        if (h is null) return collisions!;
        double timeStep = grid.TimeStep;
        var split = SystemSplit.Of(protocol.Splitting);
        var before = NearIdentityChannel.FromHamiltonian(h, split.Before * timeStep);
        var evolved = collisions!.After(before);
        if (!split.HasAfter) return evolved;
        var after = split.After == split.Before ? before : NearIdentityChannel.FromHamiltonian(h, split.After * timeStep);
        return after.After(evolved);
    }
}
