using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Measures;

/// <summary>
/// Entropic correlation measures between disjoint sets of subsystems of one state, in nats by default.
/// Each reduced state is formed by a partial trace (O(D²·d)) and diagonalised (O(d³)).
/// </summary>
public static class Correlations
{
    /// <summary>Mutual information I(X:Y) = S_X + S_Y − S_XY ≥ 0.</summary>
    public static double MutualInformation(DensityMatrix rho, IReadOnlyList<int> x, IReadOnlyList<int> y, InformationUnit unit = InformationUnit.Nats)
    {
        CheckDisjoint(rho, x, y);
        return unit.Convert(S(rho, x) + S(rho, y) - S(rho, x.Concat(y).ToArray()));
    }

    /// <summary>Conditional entropy S(X|Y) = S_XY − S_Y (negative for entangled states).</summary>
    public static double ConditionalEntropy(DensityMatrix rho, IReadOnlyList<int> x, IReadOnlyList<int> given, InformationUnit unit = InformationUnit.Nats)
    {
        CheckDisjoint(rho, x, given);
        return unit.Convert(S(rho, x.Concat(given).ToArray()) - S(rho, given));
    }

    /// <summary>
    /// Conditional mutual information I(X:Z|Y) = S_XY + S_YZ − S_XYZ − S_Y ≥ 0 (strong subadditivity); for the
    /// tripartition (A, B, E) with Y = B this is the SSA slack S_AB + S_BE − S_ABE − S_B.
    /// </summary>
    public static double ConditionalMutualInformation(DensityMatrix rho, IReadOnlyList<int> x, IReadOnlyList<int> z, IReadOnlyList<int> given,
        InformationUnit unit = InformationUnit.Nats)
    {
        CheckDisjoint(rho, x, z);
        CheckDisjoint(rho, x, given);
        CheckDisjoint(rho, z, given);
        var xy = x.Concat(given).ToArray();
        var yz = given.Concat(z).ToArray();
        var xyz = x.Concat(given).Concat(z).ToArray();
        return unit.Convert(S(rho, xy) + S(rho, yz) - S(rho, xyz) - S(rho, given));
    }

    private static double S(DensityMatrix rho, IReadOnlyList<int> subsystems)
    {
        if (subsystems.Count == 0) return 0;
        var sorted = subsystems.OrderBy(k => k).ToArray();
        // Keeping every subsystem needs no partial trace.
        if (sorted.Length == rho.Space.Count) return Entropy.VonNeumann(rho);
        return Entropy.VonNeumann(rho.Reduced(sorted));
    }

    private static void CheckDisjoint(DensityMatrix rho, IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(rho);
        rho.Space.CheckSubset(a, nameof(a));
        rho.Space.CheckSubset(b, nameof(b));
        foreach (int k in a)
            if (b.Contains(k)) throw new DimensionMismatchException($"Subsystem {k} appears in two parts; the parts must be disjoint.", nameof(b));
    }
}
