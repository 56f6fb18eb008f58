using System.Numerics;
using CollisionModel.Validation;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// An input stream of initially correlated pure ancillas, given as a translation-invariant matrix-product state:
/// |ψ⟩ = Σ ⟨l| B^{e_1} B^{e_2} … |e_1 e_2 …⟩ with B^e (χ × χ) right-canonical, Σ_e B^e B^{e†} = 1, and ‖l‖ = 1.
/// Right-canonical B makes the not-yet-used rest of the stream an orthonormal set indexed by the bond, so the first n
/// ancillas have the state Σ ⟨l|B^{e_1}…B^{e_n}|γ⟩ |e_1 … e_n⟩|γ⟩_rest for every n (no boundary on the right). A
/// <see cref="CollisionMps"/> carries the bond γ in its center (like a memory bath's next ancilla) and draws each
/// ancilla by the isometry |γ⟩ ↦ Σ_{e,γ′} B^e[γ, γ′] |e⟩|γ′⟩. Immutable; validated to 1e-10.
/// </summary>
public sealed class CorrelatedAncillaStream
{
    /// <summary>The largest stream bond accepted.</summary>
    public const int MaxBond = 16;

    private readonly Complex[] _b;
    private readonly Complex[] _left;

    /// <summary>Creates and validates a stream.</summary>
    /// <param name="tensors">B^e for e = 0 … d − 1, each χ × χ (row index γ, column γ′).</param>
    /// <param name="left">The boundary vector l (χ entries, normalised).</param>
    public CorrelatedAncillaStream(IReadOnlyList<Complex[,]> tensors, IReadOnlyList<Complex> left)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(left);
        int d = tensors.Count, chi = left.Count;
        if (d < 2 || d > Models.AncillaState.MaxDimension)
            throw new DimensionMismatchException($"A stream ancilla has dimension 2 … {Models.AncillaState.MaxDimension}, got {d} tensors.", nameof(tensors));
        if (chi < 1 || chi > MaxBond)
            throw new DimensionMismatchException($"The stream bond must be 1 … {MaxBond}, got {chi}.", nameof(left));
        _b = new Complex[chi * d * chi];
        for (int e = 0; e < d; e++)
        {
            var m = tensors[e] ?? throw new ArgumentNullException(nameof(tensors));
            if (m.GetLength(0) != chi || m.GetLength(1) != chi)
                throw new DimensionMismatchException($"B^{e} must be {chi} × {chi}.", nameof(tensors));
            for (int g = 0; g < chi; g++)
                for (int h = 0; h < chi; h++) _b[(g * d + e) * chi + h] = m[g, h];
        }
        Guard.FiniteEntries(_b, nameof(tensors));
        for (int g1 = 0; g1 < chi; g1++)
            for (int g2 = 0; g2 < chi; g2++)
            {
                Complex s = 0;
                for (int e = 0; e < d; e++)
                    for (int h = 0; h < chi; h++) s += _b[(g1 * d + e) * chi + h] * Complex.Conjugate(_b[(g2 * d + e) * chi + h]);
                if ((s - (g1 == g2 ? 1 : 0)).Magnitude > 1e-10)
                    throw new ParameterOutOfRangeException("The stream tensors must be right-canonical: Σ_e B^e B^e† = 1.", nameof(tensors));
            }
        _left = left.ToArray();
        double norm = _left.Sum(z => z.Magnitude * z.Magnitude);
        if (Math.Abs(norm - 1) > 1e-10) throw new ParameterOutOfRangeException($"The boundary vector must be normalised, ‖l‖² = {norm}.", nameof(left));
        Dimension = d;
        Bond = chi;
    }

    /// <summary>The ancilla dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The stream bond χ.</summary>
    public int Bond { get; }

    /// <summary>B[γ, e, γ′] row-major.</summary>
    internal ReadOnlySpan<Complex> Tensor => _b;

    /// <summary>l.</summary>
    internal ReadOnlySpan<Complex> Left => _left;
}
