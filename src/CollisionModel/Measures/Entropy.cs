using System.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Measures;

/// <summary>
/// Von Neumann entropy S(ρ) = −tr ρ ln ρ, in nats unless asked for bits. Eigenvalues at or below the zero
/// tolerance (default <see cref="Tolerances.ZeroEigenvalue"/>) contribute 0, so rounding noise never yields NaN.
/// </summary>
public static class Entropy
{
    /// <summary>S(ρ). O(D³) the first time ρ's eigenvalues are needed, O(D) after.</summary>
    public static double VonNeumann(DensityMatrix rho, InformationUnit unit = InformationUnit.Nats)
    {
        ArgumentNullException.ThrowIfNull(rho);
        return unit.Convert(FromEigenvalues(rho.Eigenvalues));
    }

    /// <summary>S of the reduced state on the listed subsystems.</summary>
    public static double VonNeumann(DensityMatrix rho, IReadOnlyList<int> subsystems, InformationUnit unit = InformationUnit.Nats)
    {
        ArgumentNullException.ThrowIfNull(rho);
        if (subsystems.Count == 0) return 0;
        return VonNeumann(rho.Reduced(subsystems.ToArray()), unit);
    }

    /// <summary>
    /// −Σ λ ln λ over λ &gt; <paramref name="zeroTolerance"/> (nats). Allocation-free. Throws
    /// <see cref="NonFiniteValueException"/> for a NaN or infinite eigenvalue (which would otherwise be skipped silently).
    /// </summary>
    public static double FromEigenvalues(ReadOnlySpan<double> eigenvalues, double zeroTolerance = Tolerances.ZeroEigenvalue)
    {
        double s = 0;
        foreach (double x in eigenvalues)
        {
            if (!double.IsFinite(x))
                throw new NonFiniteValueException($"eigenvalues contain {x}; an entropy needs finite eigenvalues.", nameof(eigenvalues));
            if (x > zeroTolerance) s -= x * Math.Log(x);
        }
        return s;
    }

    /// <summary>Shannon entropy −Σ p ln p of a probability vector (nats).</summary>
    public static double Shannon(ReadOnlySpan<double> probabilities) => FromEigenvalues(probabilities, 0);

    /// <summary>
    /// Binary entropy h(p) = −p ln p − (1 − p) ln(1 − p) (nats). p must lie in [0, 1]; rounding excursions up to
    /// 1e−12 outside are clamped, larger ones throw <see cref="ParameterOutOfRangeException"/>.
    /// </summary>
    public static double Binary(double p)
    {
        Guard.InRange(p, -1e-12, 1 + 1e-12, nameof(p));
        p = Math.Clamp(p, 0, 1);
        return FromEigenvalues([p, 1 - p], 0);
    }

    /// <summary>
    /// S = −Σ λ ln λ (nats) of a Hermitian matrix given as a column-major span (lower triangle trusted, not
    /// validated: this is the per-collision path): the one matrix-entropy function; its spectrum comes from
    /// <see cref="Numerics.HermitianEigen.Eigenvalues(ReadOnlySpan{Complex}, int, Span{double}, Span{Complex})"/>,
    /// allocation-free up to n = 32. <paramref name="eigenvalueBuffer"/> ≥ n entries, <paramref name="workspace"/> ≥ n²
    /// (up to n = 32). O(n³).
    /// </summary>
    public static double OfMatrix(ReadOnlySpan<Complex> matrix, int n, Span<double> eigenvalueBuffer, Span<Complex> workspace)
    {
        if (n == 1) return 0;
        Numerics.HermitianEigen.Eigenvalues(matrix, n, eigenvalueBuffer, workspace);
        return FromEigenvalues(eigenvalueBuffer[..n]);
    }

    /// <summary><see cref="OfMatrix(ReadOnlySpan{Complex}, int, Span{double}, Span{Complex})"/> with buffers of its own (allocates O(n²)).</summary>
    public static double OfMatrix(ReadOnlySpan<Complex> matrix, int n) =>
        OfMatrix(matrix, n, new double[n], new Complex[n <= Numerics.SmallHermitianEigenvalues.MaxDimension ? n * n : 0]);
}
