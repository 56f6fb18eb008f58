using System.Numerics;
using CollisionModel.Spaces;

namespace CollisionModel.Engines;

/// <summary>
/// Applies an operator on a few subsystems of a <see cref="CompositeSpace"/> to a full density matrix
/// by index arithmetic, never forming the embedded D×D matrix: the flat index splits into the targets' multi-index
/// (in the listed order, first most significant, as the local operator's factors) and the rest's. Conjugating a
/// density matrix costs O(D² d_T). Offsets are precomputed; the apply methods do not allocate.
/// </summary>
internal sealed class LocalOperator
{
    private readonly int[] _targetOffsets, _restOffsets;
    private readonly Complex[] _x, _y;

    /// <summary>Precomputes the offsets of <paramref name="targets"/> (in the operator's factor order) in <paramref name="space"/>.</summary>
    public LocalOperator(CompositeSpace space, IReadOnlyList<int> targets)
    {
        space.CheckSubset(targets, nameof(targets));
        Space = space;
        _targetOffsets = space.Offsets(targets);
        _restOffsets = space.Offsets(space.Complement(targets));
        _x = new Complex[_targetOffsets.Length];
        _y = new Complex[_targetOffsets.Length];
    }

    /// <summary>The space of the full operator or vector.</summary>
    public CompositeSpace Space { get; }

    /// <summary>The dimension d_T of the local operator.</summary>
    public int LocalDimension => _targetOffsets.Length;

    /// <summary>ρ ← (U ⊗ 1) ρ (U ⊗ 1)† in place (ρ column-major D×D, U column-major d_T×d_T); <paramref name="scratch"/> ≥ D² entries.</summary>
    public void Conjugate(Span<Complex> rho, ReadOnlySpan<Complex> u, Span<Complex> scratch)
    {
        int d = Space.Dimension;
        LeftMultiply(rho, u);
        ConjugateTranspose(rho, scratch, d);
        LeftMultiply(scratch, u);
        ConjugateTranspose(scratch, rho, d);
    }

    // Every column of ρ is a vector the operator acts on: ρ ← (U ⊗ 1) ρ.
    private void LeftMultiply(Span<Complex> rho, ReadOnlySpan<Complex> u)
    {
        int d = Space.Dimension;
        for (int c = 0; c < d; c++) ApplyColumn(rho, u, c * d);
    }

    private void ApplyColumn(Span<Complex> data, ReadOnlySpan<Complex> u, int start)
    {
        int dt = _targetOffsets.Length;
        var x = _x;
        var y = _y;
        var to = _targetOffsets;
        foreach (int r in _restOffsets)
        {
            int b = start + r;
            for (int t = 0; t < dt; t++) x[t] = data[b + to[t]];
            for (int i = 0; i < dt; i++)
            {
                Complex s = Complex.Zero;
                for (int t = 0; t < dt; t++) s += u[i + t * dt] * x[t];
                y[i] = s;
            }
            for (int t = 0; t < dt; t++) data[b + to[t]] = y[t];
        }
    }

    private static void ConjugateTranspose(ReadOnlySpan<Complex> a, Span<Complex> destination, int d)
    {
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++)
                destination[j + i * d] = Complex.Conjugate(a[i + j * d]);
    }
}
