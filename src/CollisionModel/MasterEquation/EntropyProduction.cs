using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Spohn's entropy production σ = −tr[L(ρ)(ln ρ − ln ρ_T)] (nats per unit time), σ ≥ 0 when L(ρ_T) = 0, with
/// rank-deficient ρ and ρ_T handled exactly:
/// <list type="bullet">
/// <item>dS/dt: with ρ = Σ λ_i |i⟩⟨i|, first-order perturbation gives λ̇_i = ⟨i|ρ̇|i⟩ and
/// dS/dt = −Σ_{λ_i&gt;0} ⟨i|ρ̇|i⟩ ln λ_i − Σ_{λ_i&gt;0} ⟨i|ρ̇|i⟩ − d/dt Σ_{λ_i=0} λ_i ln λ_i. Since tr ρ̇ = 0 the middle sum equals
/// the kernel weight w = tr[Qρ̇Q] (Q the projector on ker ρ). If w = 0 the kernel eigenvalues grow at most
/// quadratically, their λ ln λ has zero derivative, and dS/dt = −tr[ρ̇ ln ρ] on the support (finite). If w &gt; 0
/// they grow linearly, λ ≈ μt, and −d/dt μt ln(μt) = −μ(ln μt + 1) → +∞: the right derivative is +∞ (S has
/// no derivative there). An eigenvalue below <c>zeroTolerance</c> whose weight is too small for such a rank jump
/// is a tiny positive eigenvalue (e.g. ≈ a²b²γκt²/(a²+b²) at small t for eq. (5) from a pure state) and keeps its
/// finite term; <see cref="UnresolvedEigenvalue"/> states the criterion.</item>
/// <item>tr[ρ̇ ln ρ_T]: on ker ρ_T, ln 0 = −∞, defined through ρ_T → (1−ε)ρ_T + ε/D: the term is
/// w_T ln ε + finite with w_T = tr[Q_T ρ̇ Q_T], so it is +∞ for w_T &lt; 0 (weight leaving ker ρ_T, as for κ = 0),
/// −∞ for w_T &gt; 0, and the finite support sum for w_T = 0.</item>
/// </list>
/// Weights at or below <c>supportTolerance</c> · max(1, ‖ρ̇‖_max) count as zero; eigenvalues at or below
/// <c>zeroTolerance</c> that carry a rank-jump weight (<see cref="UnresolvedEigenvalue.IsRankJump"/>) span the kernels.
/// O(D³).
/// </summary>
public static class EntropyProduction
{
    /// <summary>The split rates for state ρ, its derivative ρ̇ and the reference state ρ_T.</summary>
    public static EntropyProductionRate Compute(DensityMatrix rho, Matrix<Complex> rhoDot, DensityMatrix rhoT,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double supportTolerance = Tolerances.Support)
    {
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(rhoT);
        Guard.Tolerance(zeroTolerance, nameof(zeroTolerance));
        Guard.Tolerance(supportTolerance, nameof(supportTolerance));
        Guard.Dimension(rhoDot, rho.Dimension, nameof(rhoDot));
        Guard.Hermitian(rhoDot, nameof(rhoDot));
        if (rhoT.Dimension != rho.Dimension)
            throw new DimensionMismatchException($"ρ lives on {rho.Space} but ρ_T on {rhoT.Space}.", nameof(rhoT));
        double derivativeMax = rhoDot.Enumerate().Max(z => z.Magnitude);
        double tol = supportTolerance * Math.Max(1, derivativeMax);

        var (supportSum, kernelWeight, unresolvedSum) = Split(rho.ToMatrix(), rhoDot, zeroTolerance, derivativeMax, tol, tinyEigenvalues: true);
        // Tiny positive eigenvalues (below the resolution, with weight too small for a rank jump) keep their finite
        // terms −w ln λ, so such a state is not mistaken for a rank jump.
        double entropyRate = kernelWeight > tol ? double.PositiveInfinity : -(supportSum + unresolvedSum);

        // ρ_T is fixed: its zero eigenvalues are exact (closed forms) or noise, never tiny positive ones in motion.
        var (tSupportSum, tKernelWeight, _) = Split(rhoT.ToMatrix(), rhoDot, zeroTolerance, derivativeMax, tol, tinyEigenvalues: false);
        double external = tKernelWeight < -tol ? double.PositiveInfinity
            : tKernelWeight > tol ? double.NegativeInfinity
            : tSupportSum;
        return new EntropyProductionRate(entropyRate, external);
    }

    /// <summary>The split rates for ρ under <paramref name="generator"/> against a given ρ_T.</summary>
    public static EntropyProductionRate Compute(Lindbladian generator, DensityMatrix rho, DensityMatrix rhoT,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double supportTolerance = Tolerances.Support)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(rho);
        generator.CheckSpace(rho);
        return Compute(rho, generator.Apply(rho), rhoT, zeroTolerance, supportTolerance);
    }

    /// <summary>
    /// The split rates against ρ_T = the stationary state reached from ρ. Along a trajectory this is the state
    /// reached from ρ(0) too, since the asymptotic projector satisfies P exp(𝓛t) = P. Finds ρ_T by an SVD of the
    /// D²×D² superoperator (O(D⁶)) on every call: along a trajectory compute ρ_T once and use <see cref="Observer"/>.
    /// </summary>
    public static EntropyProductionRate Compute(Lindbladian generator, DensityMatrix rho,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double supportTolerance = Tolerances.Support)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return Compute(generator, rho, StationaryStates.ReachedFrom(generator, rho), zeroTolerance, supportTolerance);
    }

    /// <summary>
    /// d/dt S(ρ(t)‖σ) at fixed reference σ: tr[ρ̇(ln ρ − ln σ)] in nats per unit time, with the same kernel rules as
    /// <see cref="Compute(DensityMatrix, Matrix{Complex}, DensityMatrix, double, double)"/> (it is −σ computed against
    /// σ as reference; null where that is undefined). With σ = σ*, the closest separable state of ρ, this is the
    /// entanglement production σ_E = d E_R/dt (the motion of σ* drops out at the optimum, docs/conventions.md §2 item 2).
    /// </summary>
    public static double? RelativeEntropyRate(DensityMatrix rho, Matrix<Complex> rhoDot, DensityMatrix reference,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double supportTolerance = Tolerances.Support)
    {
        double? sigma = Compute(rho, rhoDot, reference, zeroTolerance, supportTolerance).Sigma;
        return sigma is double s ? -s : null;
    }

    /// <summary>A trajectory observer recording the split rates against <paramref name="rhoT"/> at every output time.</summary>
    public static Observer<EntropyProductionRate> Observer(DensityMatrix rhoT, string name = "entropy_production")
    {
        ArgumentNullException.ThrowIfNull(rhoT);
        return new Observer<EntropyProductionRate>(name, p => Compute(p.State, p.Derivative, rhoT));
    }

    /// <summary>
    /// Over the eigenbasis of <paramref name="state"/>: Σ_{λ_i &gt; zeroTolerance} ⟨i|ρ̇|i⟩ ln λ_i; the weight of ρ̇ on
    /// the kernel (directions with λ_i ≤ zeroTolerance whose weight is a rank jump, or that are not positive and lose
    /// weight); and Σ ⟨i|ρ̇|i⟩ ln λ_i over the other directions below zeroTolerance with a weight above
    /// <paramref name="weightTolerance"/> (tiny positive eigenvalues, ln clamped at the rounding level) when
    /// <paramref name="tinyEigenvalues"/>; without it every direction below zeroTolerance is kernel.
    /// </summary>
    private static (double SupportSum, double KernelWeight, double UnresolvedSum) Split(Matrix<Complex> state, Matrix<Complex> rhoDot,
        double zeroTolerance, double derivativeMax, double weightTolerance, bool tinyEigenvalues)
    {
        var e = HermitianEigen.Decompose(state);
        var inBasis = e.Vectors.ConjugateTranspose() * rhoDot * e.Vectors;
        double support = 0, kernel = 0, unresolved = 0;
        for (int i = 0; i < e.Values.Length; i++)
        {
            double w = inBasis[i, i].Real, lambda = e.Values[i];
            if (lambda > zeroTolerance) support += w * Math.Log(lambda);
            else if (tinyEigenvalues && Math.Abs(w) > weightTolerance
                && ((w > 0 && !UnresolvedEigenvalue.IsRankJump(w, zeroTolerance, derivativeMax)) || (w < 0 && lambda > 0)))
                unresolved += w * UnresolvedEigenvalue.Log(lambda);
            else kernel += w;
        }
        return (support, kernel, unresolved);
    }
}
