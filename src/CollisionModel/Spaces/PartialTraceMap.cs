using System.Numerics;
using CollisionModel.Validation;

namespace CollisionModel.Spaces;

/// <summary>
/// Cached index map for the partial trace of a <see cref="CompositeSpace"/> onto a list of kept subsystems,
/// in the order listed (so a partial trace can also permute). Build once, apply many times without allocating.
/// </summary>
/// <remarks>
/// out[i, j] = Σ_t in[K[i] + T[t], K[j] + T[t]] where K maps a kept multi-index to its flat offset in the full
/// space and T does the same for the traced subsystems. Cost O(d_keep² · d_traced) for an operator and the same
/// for a ket (ψψ† is never formed). Matrices are column-major spans (MathNet's storage order).
/// </remarks>
public sealed class PartialTraceMap
{
    private readonly int[] _keptOffsets;
    private readonly int[] _tracedOffsets;

    /// <summary>Builds the map that keeps <paramref name="keep"/> (in that order) and traces out the rest.</summary>
    public PartialTraceMap(CompositeSpace space, IReadOnlyList<int> keep)
    {
        ArgumentNullException.ThrowIfNull(space);
        space.CheckSubset(keep, nameof(keep));
        Space = space;
        Keep = keep.ToArray();
        Traced = space.Complement(Keep);
        KeptSpace = Keep.Count == 0 ? new CompositeSpace(1) : space.Subspace(Keep);
        _keptOffsets = space.Offsets(Keep);
        _tracedOffsets = space.Offsets(Traced);
    }

    /// <summary>The full space the map reads.</summary>
    public CompositeSpace Space { get; }

    /// <summary>The kept subsystems, in output order.</summary>
    public IReadOnlyList<int> Keep { get; }

    /// <summary>The traced-out subsystems, ascending.</summary>
    public IReadOnlyList<int> Traced { get; }

    /// <summary>The space of the result.</summary>
    public CompositeSpace KeptSpace { get; }

    /// <summary>Dimension of the result.</summary>
    public int KeptDimension => _keptOffsets.Length;

    /// <summary>Partial trace of an operator (column-major, Space.Dimension²) into <paramref name="destination"/> (KeptDimension²).</summary>
    public void Apply(ReadOnlySpan<Complex> op, Span<Complex> destination)
    {
        int n = Space.Dimension, m = KeptDimension;
        if (op.Length != n * n) throw new DimensionMismatchException($"Operator has {op.Length} entries, expected {n * n}.", nameof(op));
        if (destination.Length != m * m) throw new DimensionMismatchException($"Destination has {destination.Length} entries, expected {m * m}.", nameof(destination));
        var ko = _keptOffsets;
        var to = _tracedOffsets;
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < m; i++)
            {
                Complex sum = Complex.Zero;
                int r0 = ko[i], c0 = ko[j];
                foreach (int t in to) sum += op[(r0 + t) + (c0 + t) * n];
                destination[i + j * m] = sum;
            }
        }
    }

    /// <summary>Partial trace of |ψ⟩⟨ψ| for a state vector of length Space.Dimension, without forming |ψ⟩⟨ψ|.</summary>
    public void ApplyToKet(ReadOnlySpan<Complex> psi, Span<Complex> destination)
    {
        int n = Space.Dimension, m = KeptDimension;
        if (psi.Length != n) throw new DimensionMismatchException($"State vector has {psi.Length} entries, expected {n}.", nameof(psi));
        if (destination.Length != m * m) throw new DimensionMismatchException($"Destination has {destination.Length} entries, expected {m * m}.", nameof(destination));
        var ko = _keptOffsets;
        var to = _tracedOffsets;
        for (int j = 0; j < m; j++)
        {
            for (int i = j; i < m; i++)
            {
                Complex sum = Complex.Zero;
                int r0 = ko[i], c0 = ko[j];
                foreach (int t in to) sum += psi[r0 + t] * Complex.Conjugate(psi[c0 + t]);
                destination[i + j * m] = sum;
                destination[j + i * m] = Complex.Conjugate(sum);
            }
        }
    }
}
