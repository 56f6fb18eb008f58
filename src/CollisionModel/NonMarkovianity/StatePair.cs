using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;

namespace CollisionModel.NonMarkovianity;

/// <summary>Two orthogonal pure states of the system whose trace distance is followed in time (a BLP pair).</summary>
/// <param name="First">|ψ₁⟩.</param>
/// <param name="Second">|ψ₂⟩, orthogonal to |ψ₁⟩.</param>
public sealed record StatePair(Ket First, Ket Second)
{
    /// <summary>
    /// The deterministic pairs of <c>blp_basis</c>, in this order for every i &lt; j: (|i⟩, |j⟩), ((|i⟩ ± |j⟩)/√2),
    /// ((|i⟩ ± i|j⟩)/√2): 3·d(d−1)/2 pairs.
    /// </summary>
    public static IReadOnlyList<StatePair> Basis(CompositeSpace system)
    {
        ArgumentNullException.ThrowIfNull(system);
        int d = system.Dimension;
        double h = 1 / Math.Sqrt(2);
        var pairs = new List<StatePair>();
        for (int i = 0; i < d; i++)
        {
            for (int j = i + 1; j < d; j++)
            {
                pairs.Add(new StatePair(Ket.Basis(system, i), Ket.Basis(system, j)));
                pairs.Add(new StatePair(Two(system, i, j, h, h), Two(system, i, j, h, -h)));
                pairs.Add(new StatePair(Two(system, i, j, h, new Complex(0, h)), Two(system, i, j, h, new Complex(0, -h))));
            }
        }
        return pairs;
    }

    /// <summary>
    /// Random pair number <paramref name="index"/> for <paramref name="seed"/>: a Haar-random |ψ₁⟩ and, orthogonal to
    /// it, the normalised projection of a second Haar-random vector (so the pair is a random orthonormal pair). Drawn
    /// from a stream fixed by (seed, index) alone, so the pairs are the same whichever thread draws them, in any order.
    /// </summary>
    public static StatePair Random(CompositeSpace system, long seed, int index)
    {
        ArgumentNullException.ThrowIfNull(system);
        var random = new QuantumRandom(SeedMixer.DerivedSeed(unchecked((ulong)seed), unchecked((ulong)index)));
        int d = system.Dimension;
        var first = random.Ket(system);
        var v = new Complex[d];
        for (int i = 0; i < d; i++) v[i] = random.ComplexNormal();
        // Gram–Schmidt twice: one pass leaves a residual overlap of order ε·‖v‖/‖v⊥‖.
        for (int pass = 0; pass < 2; pass++)
        {
            Complex overlap = Complex.Zero;
            for (int i = 0; i < d; i++) overlap += Complex.Conjugate(first[i]) * v[i];
            for (int i = 0; i < d; i++) v[i] -= overlap * first[i];
        }
        return new StatePair(first, Ket.Normalized(v, system));
    }

    /// <summary>|ψ₁⟩⟨ψ₁| − |ψ₂⟩⟨ψ₂| as a column-major d×d array (vec in column stacking).</summary>
    internal Complex[] Difference()
    {
        int d = First.Space.Dimension;
        var x = new Complex[d * d];
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++)
                x[i + j * d] = First[i] * Complex.Conjugate(First[j]) - Second[i] * Complex.Conjugate(Second[j]);
        return x;
    }

    private static Ket Two(CompositeSpace space, int i, int j, Complex ai, Complex aj)
    {
        var a = new Complex[space.Dimension];
        a[i] = ai;
        a[j] = aj;
        return Ket.Create(a, space);
    }
}
