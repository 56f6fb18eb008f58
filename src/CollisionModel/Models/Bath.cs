using CollisionModel.Validation;

namespace CollisionModel.Models;

/// <summary>
/// One bath of a <see cref="CollisionProtocol"/>: a stream of ancillas, each starting in <see cref="Ancilla"/>, colliding
/// once per step with the listed system subsystems through <see cref="Collision"/>. With a <see cref="MemoryAngle"/> φ
/// the used ancilla then collides with the next ancilla of the same bath through U = cos φ·1 + i sin φ·SWAP (the used
/// ancilla first) before it leaves, so the stream carries memory. With <see cref="Feedback"/> every ancilla comes back
/// once, a fixed number of steps later, and collides with the system a second time (a delay line; not together with a
/// memory collision)./// With a <see cref="Drive"/> f(t) the collision of step n uses f(t_n)·rate (a rate bath) or f(t_n)·angle (an angle
/// bath). Immutable.
/// </summary>
public sealed class Bath
{
    /// <summary>Creates a bath; dimensions are checked against the system by <see cref="CollisionProtocol"/>.</summary>
    /// <param name="actsOn">The system subsystems the collision touches, in the order of the unitary's factors.</param>
    /// <param name="ancilla">Every fresh ancilla's state η.</param>
    /// <param name="collision">The collision W on (actsOn…, ancilla).</param>
    /// <param name="memoryAngle">Optional φ of the ancilla–ancilla memory collision (finite).</param>
    /// <param name="name">A label for output (default "bath j").</param>
    /// <param name="feedback">Optional delay line: each ancilla returns once, <see cref="DelayedFeedback.Delay"/> steps later.</param>
    /// <param name="drive">Optional drive of the rate or angle; refused for a unitary, time-dependent or cascade collision (nothing single to scale) and with a delay line.</param>
    public Bath(IReadOnlyList<int> actsOn, AncillaState ancilla, BathCollision collision, double? memoryAngle = null, string? name = null,
        DelayedFeedback? feedback = null, Drive? drive = null)
    {
        ArgumentNullException.ThrowIfNull(actsOn);
        ArgumentNullException.ThrowIfNull(ancilla);
        ArgumentNullException.ThrowIfNull(collision);
        if (actsOn.Count == 0) throw new DimensionMismatchException("A bath must act on at least one system subsystem.", nameof(actsOn));
        if (actsOn.Distinct().Count() != actsOn.Count)
            throw new DimensionMismatchException($"A bath's subsystems must be distinct, got [{string.Join(", ", actsOn)}].", nameof(actsOn));
        // The collision acts on (acts_on subsystems ⊗ ancilla): refuse a shape the ancilla cannot be a factor of here,
        // where the bath is built; the system part is checked against the subsystems by the protocol.
        int de = ancilla.Dimension;
        if (collision.Dimension % de != 0 || collision.Dimension / de < 2)
            throw new DimensionMismatchException(
                $"The collision acts on (acts_on subsystems ⊗ ancilla): its dimension {collision.Dimension} must be the ancilla's {de} times a system part ≥ 2.", "coupling");
        // A collision that carries its factors must end in this ancilla and have one factor per touched subsystem.
        if (collision.Space is { } factors && (factors.Dimensions[^1] != de || factors.Count - 1 != actsOn.Count))
            throw new DimensionMismatchException(
                $"{collision.OperatorName} acts on {factors}, but the bath gives it {actsOn.Count} subsystem(s) [{string.Join(", ", actsOn)}] and an ancilla of dimension {de}.",
                "coupling");
        if (memoryAngle is { } phi) Guard.Finite(phi, "memory_angle");
        if (collision.Cascade is { } cascade && !cascade.Parts.SequenceEqual(actsOn))
            throw new DimensionMismatchException(
                $"A cascade acts on the union of its entries' subsystems [{string.Join(", ", cascade.Parts)}], got acts_on [{string.Join(", ", actsOn)}].", nameof(actsOn));
        if (feedback is not null && memoryAngle is not null)
            throw new ParameterOutOfRangeException(
                "feedback: a bath with a delay line cannot also have a memory collision (give either feedback or memory_angle).", "feedback");
        if (drive is not null && collision.Kind is not (BathCollisionKind.Rate or BathCollisionKind.Angle))
            throw new ParameterOutOfRangeException(collision.Kind == BathCollisionKind.Cascade
                ? "A drive scales a rate or an angle; a cascade's entries are not scaled by a drive."
                : "A drive scales a rate or an angle; a collision given as a unitary has nothing to scale.", "drive");
        // The returning collision of a delay line would need the drive at both collision times; not built.
        if (drive is not null && feedback is not null)
            throw new ParameterOutOfRangeException("drive: a bath with a delay line (feedback) cannot be driven.", "drive");
        ActsOn = actsOn.ToArray();
        Ancilla = ancilla;
        Collision = collision;
        MemoryAngle = memoryAngle;
        Name = name;
        Feedback = feedback;
        Drive = drive;
    }

    /// <summary>
    /// A bath whose ancilla meets the entries' subsystems in order (<see cref="BathCollision.Cascaded"/>): it acts on
    /// the union of the entries' subsystems, W = W_n⋯W_1; memory and name as for any bath.
    /// </summary>
    public static Bath Cascaded(IReadOnlyList<CascadeEntry> entries, IReadOnlyList<int> systemDimensions, AncillaState ancilla,
        double? memoryAngle = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(ancilla);
        var collision = BathCollision.Cascaded(entries, systemDimensions, ancilla.Dimension);
        return new Bath(collision.Cascade!.Parts, ancilla, collision, memoryAngle, name);
    }

    /// <summary>The drive of the rate or angle, or null for the same collision at every step.</summary>
    public Drive? Drive { get; }

    /// <summary>The system subsystems the collision touches, in the unitary's order.</summary>
    public IReadOnlyList<int> ActsOn { get; }

    /// <summary>Every fresh ancilla's state η (and H_E, β when thermal).</summary>
    public AncillaState Ancilla { get; }

    /// <summary>The collision with the system.</summary>
    public BathCollision Collision { get; }

    /// <summary>The memory collision's angle φ, or null for a memoryless stream (every ancilla arrives fresh).</summary>
    public double? MemoryAngle { get; }

    /// <summary>True when a memory collision passes correlations to the next ancilla.</summary>
    public bool HasMemory => MemoryAngle is not null;

    /// <summary>The delay line, or null when every ancilla leaves after its one collision.</summary>
    public DelayedFeedback? Feedback { get; }

    /// <summary>True when the bath's ancillas come back through a delay line.</summary>
    public bool HasFeedback => Feedback is not null;

    /// <summary>An optional label.</summary>
    public string? Name { get; }
}
