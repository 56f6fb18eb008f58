using System.Numerics;
using CollisionModel.Validation;

namespace CollisionModel.Spaces;

/// <summary>
/// Cached index map that reorders the subsystems of a <see cref="CompositeSpace"/>: new subsystem s is old
/// subsystem Order[s]. Applies to kets and (column-major) operators without allocating.
/// </summary>
public sealed class SubsystemPermutation
{
    private readonly int[] _newToOld;

    /// <summary>Builds the map; <paramref name="order"/> must be a permutation of 0..Count−1.</summary>
    public SubsystemPermutation(CompositeSpace space, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(space);
        space.CheckSubset(order, nameof(order));
        if (order.Count != space.Count)
            throw new DimensionMismatchException($"A permutation must list all {space.Count} subsystems, got {order.Count}.", nameof(order));
        Space = space;
        Order = order.ToArray();
        Target = space.Subspace(Order);
        // The partial-trace offsets of "keep everything, in this order" are exactly the new → old flat index map.
        _newToOld = space.Offsets(Order);
    }

    /// <summary>The source space.</summary>
    public CompositeSpace Space { get; }

    /// <summary>The permuted space.</summary>
    public CompositeSpace Target { get; }

    /// <summary>New subsystem s is old subsystem Order[s].</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>Permutes a state vector.</summary>
    public void ApplyToKet(ReadOnlySpan<Complex> psi, Span<Complex> destination)
    {
        int n = Space.Dimension;
        if (psi.Length != n || destination.Length != n)
            throw new DimensionMismatchException($"Vectors must have {n} entries.", nameof(psi));
        for (int i = 0; i < n; i++) destination[i] = psi[_newToOld[i]];
    }

    /// <summary>Permutes an operator (column-major).</summary>
    public void Apply(ReadOnlySpan<Complex> op, Span<Complex> destination)
    {
        int n = Space.Dimension;
        if (op.Length != n * n || destination.Length != n * n)
            throw new DimensionMismatchException($"Operators must have {n * n} entries.", nameof(op));
        for (int j = 0; j < n; j++)
        {
            int oj = _newToOld[j] * n;
            for (int i = 0; i < n; i++) destination[i + j * n] = op[_newToOld[i] + oj];
        }
    }
}
