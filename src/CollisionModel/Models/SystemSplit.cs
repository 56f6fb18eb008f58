namespace CollisionModel.Models;

/// <summary>
/// The split of one step of length δt between the free evolution under H_S and the collisions, written once for
/// every engine and for the one-step channel: H_S runs for <see cref="Before"/>·δt, then the collisions, then for
/// <see cref="After"/>·δt (Strang: ½ and ½; Lie: 1 and 0, no trailing factor). The fractions are exact binary
/// numbers, so Before·δt is bit-identical to δt/2 or δt.
/// </summary>
/// <param name="Before">The fraction of δt under H_S before the collisions.</param>
/// <param name="After">The fraction of δt under H_S after the collisions (0: no trailing factor).</param>
public readonly record struct SystemSplit(double Before, double After)
{
    /// <summary>The split of <paramref name="order"/>.</summary>
    public static SystemSplit Of(SplittingOrder order) => order switch
    {
        SplittingOrder.Strang => new SystemSplit(0.5, 0.5),
        SplittingOrder.Lie => new SystemSplit(1, 0),
        _ => throw new Validation.ParameterOutOfRangeException($"Unknown splitting order {(int)order}.", nameof(order)),
    };

    /// <summary>True when a factor of H_S follows the collisions.</summary>
    public bool HasAfter => After > 0;
}
