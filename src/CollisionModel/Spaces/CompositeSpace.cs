using CollisionModel.Validation;

namespace CollisionModel.Spaces;

/// <summary>
/// A tensor product of finite-dimensional subsystems H = H_0 ⊗ H_1 ⊗ … with subsystem 0 the most significant
/// factor of the flat index (the project's convention: A first, then B, then ancillas in collision order).
/// Immutable; equality is by the list of dimensions.
/// </summary>
public sealed class CompositeSpace : IEquatable<CompositeSpace>
{
    private readonly int[] _dimensions;
    private readonly int[] _strides;

    /// <summary>Creates the space with the given subsystem dimensions (each ≥ 1, product ≤ 2³¹ − 1).</summary>
    public CompositeSpace(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Length == 0)
            throw new DimensionMismatchException("A composite space needs at least one subsystem.", nameof(dimensions));
        long total = 1;
        foreach (int d in dimensions)
        {
            if (d < 1) throw new DimensionMismatchException($"Subsystem dimensions must be ≥ 1, got {d}.", nameof(dimensions));
            total *= d;
            if (total > int.MaxValue)
                throw new DimensionMismatchException("The total dimension exceeds 2³¹ − 1.", nameof(dimensions));
        }
        _dimensions = (int[])dimensions.Clone();
        _strides = new int[dimensions.Length];
        int stride = 1;
        for (int k = dimensions.Length - 1; k >= 0; k--)
        {
            _strides[k] = stride;
            stride *= dimensions[k];
        }
        Dimension = (int)total;
    }

    /// <summary>The space of <paramref name="count"/> qubits.</summary>
    public static CompositeSpace Qubits(int count)
    {
        if (count < 1) throw new DimensionMismatchException($"Need at least one qubit, got {count}.", nameof(count));
        return new CompositeSpace(Enumerable.Repeat(2, count).ToArray());
    }

    /// <summary>Subsystem dimensions, most significant first.</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>Number of subsystems.</summary>
    public int Count => _dimensions.Length;

    /// <summary>Total dimension, the product of the subsystem dimensions.</summary>
    public int Dimension { get; }

    /// <summary>Flat-index stride of subsystem <paramref name="k"/> (1 for the last).</summary>
    public int Stride(int k) => _strides[k];

    /// <summary>
    /// The flat offset of every multi-index of <paramref name="subsystems"/> (a valid subset, see
    /// <see cref="CheckSubset"/>), enumerated with the first listed subsystem most significant: offset m is
    /// Σ_i m_i·stride(k_i) for the digits m_i of m. Partial traces, permutations and local operators index with it. O(Π d_k · |subsystems|).
    /// </summary>
    internal int[] Offsets(IReadOnlyList<int> subsystems)
    {
        int count = 1;
        foreach (int k in subsystems) count *= _dimensions[k];
        var offsets = new int[count];
        for (int flat = 0; flat < count; flat++)
        {
            int rest = flat, offset = 0;
            for (int s = subsystems.Count - 1; s >= 0; s--)
            {
                int k = subsystems[s], d = _dimensions[k];
                offset += rest % d * _strides[k];
                rest /= d;
            }
            offsets[flat] = offset;
        }
        return offsets;
    }

    /// <summary>The space of the listed subsystems, in the listed order.</summary>
    public CompositeSpace Subspace(IReadOnlyList<int> subsystems)
    {
        CheckSubset(subsystems, nameof(subsystems));
        return new CompositeSpace(subsystems.Select(k => _dimensions[k]).ToArray());
    }

    /// <summary>The subsystems not in <paramref name="subsystems"/>, ascending.</summary>
    public int[] Complement(IReadOnlyList<int> subsystems)
    {
        CheckSubset(subsystems, nameof(subsystems));
        return Enumerable.Range(0, Count).Where(k => !subsystems.Contains(k)).ToArray();
    }

    /// <summary>Throws unless the list holds distinct valid subsystem indices.</summary>
    public void CheckSubset(IReadOnlyList<int> subsystems, string name)
    {
        ArgumentNullException.ThrowIfNull(subsystems, name);
        var seen = new bool[Count];
        foreach (int k in subsystems)
        {
            if (k < 0 || k >= Count)
                throw new DimensionMismatchException($"{name}: subsystem index {k} is outside 0..{Count - 1}.", name);
            if (seen[k]) throw new DimensionMismatchException($"{name}: subsystem {k} is listed twice.", name);
            seen[k] = true;
        }
    }

    /// <inheritdoc />
    public bool Equals(CompositeSpace? other) => other is not null && _dimensions.AsSpan().SequenceEqual(other._dimensions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CompositeSpace);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int d in _dimensions) h.Add(d);
        return h.ToHashCode();
    }

    /// <summary>E.g. "2⊗2⊗3".</summary>
    public override string ToString() => string.Join("⊗", _dimensions);
}
