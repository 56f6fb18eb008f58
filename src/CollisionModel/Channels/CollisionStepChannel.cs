using CollisionModel.Models;
using CollisionModel.Validation;

namespace CollisionModel.Channels;

/// <summary>
/// The reduced map on ρ_S of one step of length δt of a memoryless, time-independent protocol, in deviation form
/// (<see cref="NearIdentityChannel"/>): each bath's collision ρ ↦ tr_E W(ρ ⊗ η)W† from W − 1 =
/// <see cref="BathCollision.DeviationFor"/> (no 1 + tiny ever formed), composed in bath order, with H_S interleaved by
/// the protocol's splitting order (Lie: e^{−iH_Sδt} first; Strang: halves around the collisions). The same unitaries
/// and order as <see cref="CollisionProtocol.Step(int, double)"/>, so a channel power and a streamed run agree to rounding.
/// O(Σ_j d_S⁴ n_j³ + d_S⁶) per step length, independent of k.
/// </summary>
public static class CollisionStepChannel
{
    /// <summary>One step of length δt &gt; 0; throws <see cref="ParameterOutOfRangeException"/> for memory or time-dependent baths and for unitary collisions (no deviation form).</summary>
    public static NearIdentityChannel Build(CollisionProtocol protocol, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        Guard.Finite(timeStep, nameof(timeStep));
        Guard.Positive(timeStep, nameof(timeStep));
        var system = protocol.SystemSpace;
        if (protocol.SystemDrive is not null)
            throw new ParameterOutOfRangeException("system.drive: a driven protocol has no one-step channel to raise to a power.", "drive");
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
            var deviation = bath.Collision.DeviationFor(timeStep)
                ?? throw new ParameterOutOfRangeException($"baths[{j}] is given as a unitary: its channel has no deviation form (give a coupling).", "baths");
            var channel = NearIdentityChannel.FromCollision(system, [.. bath.ActsOn], deviation, bath.Ancilla.State);
            collisions = collisions is null ? channel : channel.After(collisions);
        }
        var h = protocol.SystemHamiltonian;
        if (h is null) return collisions!;
        var split = SystemSplit.Of(protocol.Splitting);
        var before = NearIdentityChannel.FromHamiltonian(h, split.Before * timeStep);
        var evolved = collisions!.After(before);
        if (!split.HasAfter) return evolved;
        var after = split.After == split.Before ? before : NearIdentityChannel.FromHamiltonian(h, split.After * timeStep);
        return after.After(evolved);
    }
}
