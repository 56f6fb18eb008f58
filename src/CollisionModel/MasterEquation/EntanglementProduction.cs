using System.Numerics;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Measures.Entanglement.TwoQubitKernels;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Entanglement production σ_E = dE_R/dt (nats per unit time) along a trajectory ρ(t): σ_E = tr[ρ̇ (ln ρ − ln σ*)],
/// σ* the closest separable state of ρ; the motion of σ* does not contribute (envelope theorem: σ* is optimal).
/// The one home of σ_E: a two-qubit path from an E_R result with its kernel analysis, a general path for any σ*
/// supplied by the caller, and a trajectory observer; all with the one zero tolerance <see cref="ZeroEigenvalue"/>.
/// Identity to check against: σ + σ_E = tr[ρ̇(ln ρ_T − ln σ*)].
/// </summary>
public static class EntanglementProduction
{
    /// <summary>Eigenvalues at most this count as zero when taking ln ρ, ln σ* on their supports (= <see cref="Tolerances.Support"/>).</summary>
    public const double ZeroEigenvalue = Tolerances.Support;

    /// <summary>
    /// σ_E for ρ, ρ̇ and a given σ* of any dimension; null where the rate does not exist (ρ's rank jumps, e.g. a pure
    /// ρ(0) at t = 0), ±∞ when ρ̇ moves weight across the kernel of a rank-deficient σ*. Kernel rules as in
    /// <see cref="EntropyProduction"/>.
    /// </summary>
    public static double? Rate(DensityMatrix rho, Matrix<Complex> rhoDot, DensityMatrix closestSeparable)
        => EntropyProduction.RelativeEntropyRate(rho, rhoDot, closestSeparable, ZeroEigenvalue, Tolerances.Support);

    /// <summary>
    /// A trajectory observer recording σ_E at every output time, with σ* computed from ρ(t) by
    /// <paramref name="closestSeparable"/> (called once per output time).
    /// </summary>
    public static Observer<double?> Observer(Func<DensityMatrix, DensityMatrix> closestSeparable, string name = "sigma_E")
    {
        ArgumentNullException.ThrowIfNull(closestSeparable);
        return new Observer<double?>(name, p => Rate(p.State, p.Derivative, closestSeparable(p.State)));
    }

    /// <summary>
    /// σ_E = tr[ρ̇ (ln ρ − ln σ*)] with σ* = <paramref name="ree"/>.ClosestSeparable (computed for this ρ).
    /// Returns 0 when ρ is separable (the E_R = 0 plateau; a one-sided derivative at the sudden-death point).
    /// Rank-deficient ρ: ln ρ is taken on its support. If ρ̇ moves weight w = tr[P₀ρ̇] &gt; 0 onto ker ρ, S(ρ) rises like
    /// −w t ln t and E_R falls at an infinite rate: the result is −∞. If σ* is singular (closed-form paths for pure
    /// or maximally correlated ρ) and ρ̇ has weight on ker σ* but none on (ker ρ) ∩ (supp σ*), the envelope formula
    /// does not determine the rate and <see cref="ParameterOutOfRangeException"/> is thrown.
    /// ρ̇ must be Hermitian and traceless (else the library's input exceptions). O(1): two 4×4 eigen-decompositions.
    /// <paramref name="entropyRate"/>, when given, is dS/dt = −tr[ρ̇ ln ρ] from a form that resolves ρ's tiny
    /// eigenvalues (e.g. <see cref="PaperEntropyRate"/>); it replaces the ln ρ term when ρ has no kernel weight.
    /// </summary>
    public static double Rate(DensityMatrix rho, Matrix<Complex> rhoDot, ReeResult ree, double? entropyRate = null)
    {
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(ree);
        Guard.Dimension(rhoDot, Dim, nameof(rhoDot));
        Guard.Hermitian(rhoDot, nameof(rhoDot), 1e-9);
        double scale = Math.Max(1, rhoDot.L1Norm());
        if (rhoDot.Trace().Magnitude > 1e-9 * scale)
            throw new TraceNotOneException($"rhoDot must be traceless (trace preserved), got trace {rhoDot.Trace().Real:G6}.", nameof(rhoDot));
        if (rho.Dimension != Dim || ree.ClosestSeparable.Dimension != Dim)
            throw new DimensionMismatchException("Entanglement production needs a two-qubit state and its REE result.", nameof(rho));
        if (ree.Method == ReeMethod.Separable || ree.Value == 0) return 0;

        var d = rhoDot.ToColumnMajorArray();
        double tol = 1e-10 * scale;
        double derivativeMax = 0;
        foreach (var z in d) derivativeMax = Math.Max(derivativeMax, z.Magnitude);
        // An accurate dS/dt certifies that ρ has full rank, however small its eigenvalues.
        var (lnRhoTerm, kernelWeightRho) = entropyRate is double dS ? (-dS, 0)
            : LogTerm(rho.ColumnMajor, d, derivativeMax, tol, tinyEigenvalues: true);
        var (lnSigmaTerm, kernelWeightSigma) = LogTerm(ree.ClosestSeparable.ColumnMajor, d, derivativeMax, tol, tinyEigenvalues: false);
        if (kernelWeightRho < -tol)
            throw new ParameterOutOfRangeException(
                $"rhoDot removes weight {kernelWeightRho:G3} from the kernel of ρ: not the derivative of a state trajectory.", nameof(rhoDot));
        if (kernelWeightSigma > tol)
        {
            // ker σ* ⊂ ker ρ; weight entering (ker ρ) ∩ (supp σ*) makes S(ρ) win: −∞. Otherwise undetermined.
            if (kernelWeightRho - kernelWeightSigma > tol) return double.NegativeInfinity;
            throw new ParameterOutOfRangeException(
                "rhoDot moves weight onto the kernel of the singular closest separable state; the envelope formula does not determine σ_E there.",
                nameof(rhoDot));
        }
        if (kernelWeightRho > tol) return double.NegativeInfinity;
        return lnRhoTerm - lnSigmaTerm;
    }

    /// <summary>
    /// tr[ρ̇ ln M] on supp M, and tr[P₀ ρ̇] for the projector P₀ on ker M. With <paramref name="tinyEigenvalues"/>
    /// (M = ρ, which moves with ρ̇), an eigenvalue at most <see cref="ZeroEigenvalue"/> whose weight is above
    /// <paramref name="weightTolerance"/> but too small for a rank jump is a tiny positive eigenvalue and contributes
    /// its finite term (criterion: <see cref="Numerics.UnresolvedEigenvalue"/>), e.g. ≈ a²b²γκt²/(a²+b²) for eq. (5)
    /// from a pure state at t ≲ 1e-5.
    /// </summary>
    private static (double Term, double KernelWeight) LogTerm(ReadOnlySpan<Complex> m, ReadOnlySpan<Complex> d,
        double derivativeMax, double weightTolerance, bool tinyEigenvalues)
    {
        Span<double> lam = stackalloc double[Dim];
        Span<Complex> v = stackalloc Complex[Size];
        Span<Complex> scratch = stackalloc Complex[Size];
        Eigen(m, lam, v, scratch);
        double term = 0, kernel = 0;
        for (int j = 0; j < Dim; j++)
        {
            double w = EigenvectorWeight(d, v, j); // ⟨v_j|ρ̇|v_j⟩
            if (lam[j] > ZeroEigenvalue) term += w * Math.Log(lam[j]);
            else if (tinyEigenvalues && Math.Abs(w) > weightTolerance
                && ((w > 0 && !Numerics.UnresolvedEigenvalue.IsRankJump(w, ZeroEigenvalue, derivativeMax)) || (w < 0 && lam[j] > 0)))
                term += w * Numerics.UnresolvedEigenvalue.Log(lam[j]);
            else kernel += w;
        }
        return (term, kernel);
    }
}
