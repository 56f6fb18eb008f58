using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CollisionModel.Validation;

namespace CollisionModel.Bookkeeping;

/// <summary>
/// The relative-entropy term of the entropy production, D(ρ‖η) = −S(ρ) − tr ρ ln η, of a collided ancilla's state ρ
/// against its fresh state η — written once here and used by every engine through <see cref="StepBookkeeper"/>. ln η is
/// taken on supp η; weight of ρ on ker η above <see cref="Tolerances.Support"/> makes D = +∞ (ρ has left η's support).
/// </summary>
internal static class AncillaDivergence
{
    /// <summary>
    /// (tr ρ ln η on supp η, whether ρ has weight above <see cref="Tolerances.Support"/> on ker η) for a d×d column-major
    /// ρ, with ln η on its support and the projector onto ker η given column-major. O(d²), allocation-free.
    /// </summary>
    public static (double Cross, bool Outside) CrossTerm(ReadOnlySpan<Complex> rho, int d,
        ReadOnlySpan<Complex> logEta, ReadOnlySpan<Complex> kernelEta)
    {
        if (rho.Length < d * d || logEta.Length < d * d || kernelEta.Length < d * d)
            throw new ArgumentException($"The cross term needs three {d}×{d} matrices.", nameof(rho));
        // Checked above; walked by reference (every ancilla of every step).
        ref Complex rho0 = ref MemoryMarshal.GetReference(rho);
        ref Complex log0 = ref MemoryMarshal.GetReference(logEta);
        ref Complex ker0 = ref MemoryMarshal.GetReference(kernelEta);
        double cross = 0, outside = 0;
        // tr(ρ X) = Σ_{r,c} ρ[r, c] X[c, r]; both Hermitian, so the sum is real: only Re(ρ[r, c] X[c, r]) is formed.
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
            {
                Complex z = Unsafe.Add(ref rho0, r + d * c);
                Complex l = Unsafe.Add(ref log0, c + d * r), k = Unsafe.Add(ref ker0, c + d * r);
                cross += z.Real * l.Real - z.Imaginary * l.Imaginary;
                outside += z.Real * k.Real - z.Imaginary * k.Imaginary;
            }
        return (cross, outside > Tolerances.Support);
    }

    /// <summary>
    /// D = −S − cross (nats) from S(ρ) and the cross term tr ρ ln η; +∞ when ρ left supp η. Clamped at 0: D ≥ 0 exactly,
    /// and the two terms cancel to rounding when ρ = η.
    /// </summary>
    public static double Value(double entropy, double cross, bool outside) =>
        outside ? double.PositiveInfinity : Math.Max(0, -entropy - cross);
}
