using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CollisionModel.Validation;

namespace CollisionModel.Bookkeeping;

/// <summary>
/// The cheap invariant checks <see cref="StepBookkeeper"/> makes at every step of every engine, each throwing
/// <see cref="InvariantViolationException"/> naming the step and the invariant: a run stops rather than print an
/// impossible number. The state checks are O(d_S²) on ρ_S plus the spectrum the engine already computed for S_AB.
/// Tolerances: <see cref="Tolerances.InvariantState"/> and <see cref="Tolerances.InvariantEntropy"/>.
/// </summary>
internal static class InvariantGuard
{
    /// <summary>tr ρ_S = 1, ρ_S = ρ_S† entrywise and λ_min(ρ_S) ≥ −tolerance (NaN anywhere fails). O(d²).</summary>
    public static void SystemState(int step, ReadOnlySpan<Complex> rho, int d, double lowestEigenvalue)
    {
        const double tol = Tolerances.InvariantState;
        if (rho.Length < d * d) throw new ArgumentException($"ρ_S needs {d * d} entries, got {rho.Length}.", nameof(rho));
        // Checked above; the loop (every step of every run) walks ρ by reference.
        ref Complex rho0 = ref MemoryMarshal.GetReference(rho);
        double traceRe = 0, traceIm = 0;
        // The largest |ρ[r, c] − conj ρ[c, r]|², one square root at the end (Complex.Abs per entry costs a scaled hypot);
        // a plain comparison instead of Math.Max (which orders NaN and ±0 per entry), NaN kept apart.
        double asymmetry2 = 0;
        bool nan = false;
        for (int c = 0; c < d; c++)
        {
            Complex diagonal = Unsafe.Add(ref rho0, c + d * c);
            traceRe += diagonal.Real;
            traceIm += diagonal.Imaginary;
            for (int r = 0; r <= c; r++)
            {
                Complex upper = Unsafe.Add(ref rho0, r + d * c), lower = Unsafe.Add(ref rho0, c + d * r);
                double re = upper.Real - lower.Real, im = upper.Imaginary + lower.Imaginary;
                double skew2 = re * re + im * im;
                nan |= double.IsNaN(skew2);
                if (skew2 > asymmetry2) asymmetry2 = skew2;
            }
        }
        double asymmetry = nan ? double.NaN : Math.Sqrt(asymmetry2);
        // |tr ρ − 1| without Complex.Abs's hypot: the error is at rounding (or a failure), far from overflow.
        double traceError = Math.Sqrt((traceRe - 1) * (traceRe - 1) + traceIm * traceIm);
        // The messages are built out of line: their interpolation handlers would otherwise weigh on every step's call.
        if (!(traceError <= tol && asymmetry <= tol && lowestEigenvalue >= -tol)) FailSystemState(step, traceError, asymmetry, lowestEigenvalue);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailSystemState(int step, double traceError, double asymmetry, double lowestEigenvalue)
    {
        const double tol = Tolerances.InvariantState;
        if (!(traceError <= tol)) Fail(step, "tr ρ_S = 1", $"|tr ρ_S − 1| = {Format(traceError)} > {Format(tol)}");
        if (!(asymmetry <= tol)) Fail(step, "ρ_S Hermitian", $"max |ρ_S − ρ_S†| = {Format(asymmetry)} > {Format(tol)}");
        Fail(step, "ρ_S ≥ 0", $"lowest eigenvalue {Format(lowestEigenvalue)} < −{Format(tol)}");
    }

    /// <summary>SSA slack I(A:E|B) ≥ −tolerance (nats).</summary>
    public static void SsaSlack(int step, double slack)
    {
        if (!(slack >= -Tolerances.InvariantEntropy)) FailSsaSlack(step, slack);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailSsaSlack(int step, double slack) =>
        Fail(step, "SSA slack I(A:E|B) ≥ 0", $"slack {Format(slack)} nats < −{Format(Tolerances.InvariantEntropy)}");

    /// <summary>A fresh ancilla's production term I(S′:E′) + D(ρ_E′‖η) ≥ −tolerance (nats); +∞ passes.</summary>
    public static void Production(int step, double term)
    {
        if (!(term >= -Tolerances.InvariantEntropy)) FailProduction(step, term);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailProduction(int step, double term) =>
        Fail(step, "entropy production ≥ 0", $"collision term {Format(term)} nats < −{Format(Tolerances.InvariantEntropy)}");

    private static void Fail(int step, string invariant, string detail) => throw new InvariantViolationException(step, invariant, detail);

    private static string Format(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
