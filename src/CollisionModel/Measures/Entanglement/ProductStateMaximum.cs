using System.Numerics;
using CollisionModel.Numerics;

namespace CollisionModel.Measures.Entanglement;

/// <summary>Bounds on max over product states |ab⟩ of ⟨ab|G|ab⟩ for a Hermitian two-qubit G.</summary>
/// <param name="Lower">⟨ab|G|ab⟩ of an actual product state (so Lower ≤ max).</param>
/// <param name="Upper">A certified upper bound (max ≤ Upper, up to floating-point rounding of G's entries).</param>
internal readonly record struct ProductStateBounds(double Lower, double Upper);

/// <summary>
/// The product-state maximum that certifies E_R (docs/conventions.md §4), computed so it is never underestimated.
/// Write G = ¼ Σ R_μν σ_μ⊗σ_ν. For A's Bloch vector n, M(n) = tr_A[(|a⟩⟨a|⊗1)G] = m0(n) + m(n)·σ with m0, m affine
/// in n, and λ_max(M(n)) = m0 + |m|. A number t bounds the maximum iff t ≥ max m0 and
/// q_t(n) = (t − m0(n))² − |m(n)|² ≥ 0 on the unit sphere. q_t is a quadratic in n, so its minimum on the sphere
/// is a trust-region subproblem whose Lagrange dual r + μ − pᵀ(Q − μ)⁻¹p (any μ &lt; λ_min(Q)) is a rigorous lower
/// bound and is exact at its maximum (strong duality). Bisection on t then gives the smallest certifiable t.
/// No grid: the bound stays tight when the maximum is attained on a whole sphere of product states, which is
/// exactly what happens at the optimum of E_R. Cost: a few microseconds.
/// </summary>
internal static class ProductStateMaximum
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Lower and certified upper bounds on max_ab ⟨ab|G|ab⟩; G column-major 4×4 Hermitian.</summary>
    public static ProductStateBounds Bounds(ReadOnlySpan<Complex> g)
    {
        Span<double> r = stackalloc double[16];
        CorrelationTensor(g, r);
        double c0 = r[0] / 4;
        var alpha = new double[3];
        var beta = new double[3];
        var t = new double[9]; // T[j,k] = R_kj / 4, row j (B), column k (A): m_j = β_j + Σ_k T_jk n_k
        for (int k = 0; k < 3; k++)
        {
            alpha[k] = r[(k + 1) * 4] / 4;
            beta[k] = r[k + 1] / 4;
        }
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 3; k++)
                t[j * 3 + k] = r[(k + 1) * 4 + (j + 1)] / 4;

        double normAlpha = Norm(alpha), normBeta = Norm(beta), normT = 0;
        foreach (double x in t) normT += x * x;
        normT = Math.Sqrt(normT);
        double scale = Math.Abs(c0) + normAlpha + normBeta + normT;
        double lower = LocalMaximum(c0, alpha, beta, t);
        // Trivial certified bound: Φ(n) = c0 + α·n + |β + Tn| ≤ c0 + |α| + |β| + ‖T‖_F.
        double trivial = c0 + normAlpha + normBeta + normT;
        if (scale == 0) return new ProductStateBounds(c0, c0);

        // Q = ααᵀ − TᵀT does not depend on t: diagonalise once.
        var q = new Complex[9];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
            {
                double s = alpha[a] * alpha[b];
                for (int j = 0; j < 3; j++) s -= t[j * 3 + a] * t[j * 3 + b];
                q[a + 3 * b] = s;
            }
        var lambda = new double[3];
        var v = new Complex[9];
        HermitianEigen.Decompose(q, 3, lambda, v, new Complex[9]);
        double qNorm = Math.Max(Math.Abs(lambda[0]), Math.Abs(lambda[2]));

        double maxM0 = c0 + normAlpha;
        double lo = lower, hi = lower + 1e-12 * scale;
        double step = 1e-12 * scale;
        while (hi < trivial && !Certifies(hi))
        {
            lo = hi;
            step *= 8;
            hi = lower + step;
        }
        if (hi >= trivial) hi = trivial;
        for (int it = 0; it < 200 && hi - lo > 4 * Eps * scale; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (Certifies(mid)) hi = mid;
            else lo = mid;
        }
        // Rounding in R, Q and the dual evaluation is a few ulps of the scale.
        return new ProductStateBounds(lower, Math.Max(hi, lower) + 64 * Eps * scale);

        bool Certifies(double tt)
        {
            if (tt < maxM0) return false;
            double u = tt - c0;
            // p = −(uα + Tᵀβ), r = u² − |β|²; rotate p into Q's eigenbasis.
            var p = new double[3];
            for (int k = 0; k < 3; k++)
            {
                double s = u * alpha[k];
                for (int j = 0; j < 3; j++) s += t[j * 3 + k] * beta[j];
                p[k] = -s;
            }
            double rr = u * u - normBeta * normBeta;
            var pt = new double[3];
            for (int i = 0; i < 3; i++)
            {
                double s = 0;
                for (int k = 0; k < 3; k++) s += v[k + 3 * i].Real * p[k];
                pt[i] = s;
            }
            double dual = BestDual(lambda, pt, rr, qNorm);
            double tolerance = 64 * Eps * (scale + Math.Abs(tt)) * (scale + Math.Abs(tt));
            return dual >= tolerance;
        }
    }

    /// <summary>max over s ≥ s_min of r + λ₁ − s − Σ p̃_i²/(λ_i − λ₁ + s): the TRS dual with μ = λ₁ − s.</summary>
    private static double BestDual(double[] lambda, double[] pt, double r, double qNorm)
    {
        double sMin = 64 * Eps * Math.Max(qNorm, 1e-300);
        double pNorm2 = pt[0] * pt[0] + pt[1] * pt[1] + pt[2] * pt[2];
        double Slope(double s)
        {
            double sum = 0;
            for (int i = 0; i < 3; i++)
            {
                double d = lambda[i] - lambda[0] + s;
                sum += pt[i] * pt[i] / (d * d);
            }
            return sum - 1;
        }
        double Value(double s)
        {
            double sum = 0;
            for (int i = 0; i < 3; i++) sum += pt[i] * pt[i] / (lambda[i] - lambda[0] + s);
            return r + lambda[0] - s - sum;
        }
        double sHi = Math.Max(Math.Sqrt(pNorm2), sMin);
        if (Slope(sMin) <= 0) return Value(sMin);
        double sLo = sMin;
        // The derivative of the concave dual changes sign in (sLo, sHi]; bisect in log scale.
        for (int it = 0; it < 100; it++)
        {
            double mid = Math.Sqrt(sLo * sHi);
            if (mid <= sLo || mid >= sHi) break;
            if (Slope(mid) > 0) sLo = mid;
            else sHi = mid;
            if (sHi - sLo <= 1e-13 * sHi) break;
        }
        return Math.Max(Value(sLo), Value(sHi));
    }

    /// <summary>R_μν = tr[(σ_μ⊗σ_ν) G] (real for Hermitian G), flat index 4μ + ν.</summary>
    internal static void CorrelationTensor(ReadOnlySpan<Complex> g, Span<double> r)
    {
        for (int mu = 0; mu < 4; mu++)
            for (int nu = 0; nu < 4; nu++)
            {
                Complex s = Complex.Zero;
                for (int a = 0; a < 2; a++)
                    for (int a2 = 0; a2 < 2; a2++)
                    {
                        Complex pa = Pauli(mu, a, a2);
                        if (pa == Complex.Zero) continue;
                        for (int b = 0; b < 2; b++)
                            for (int b2 = 0; b2 < 2; b2++)
                            {
                                Complex pb = Pauli(nu, b, b2);
                                if (pb == Complex.Zero) continue;
                                // (σ_μ⊗σ_ν)[(a,b),(a2,b2)] · G[(a2,b2),(a,b)]
                                s += pa * pb * g[(2 * a2 + b2) + 4 * (2 * a + b)];
                            }
                    }
                r[4 * mu + nu] = s.Real;
            }
    }

    private static Complex Pauli(int k, int row, int col) => k switch
    {
        0 => row == col ? Complex.One : Complex.Zero,
        1 => row != col ? Complex.One : Complex.Zero,
        2 => row == col ? Complex.Zero : (row == 0 ? -Complex.ImaginaryOne : Complex.ImaginaryOne),
        _ => row != col ? Complex.Zero : (row == 0 ? Complex.One : -Complex.One),
    };

    /// <summary>
    /// Best value of F(n, m) = c0 + α·n + β·m + mᵀTn found by alternating exact maximisation (monotone) from
    /// 14 starting directions; every value returned is attained by a product state.
    /// </summary>
    private static double LocalMaximum(double c0, ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, ReadOnlySpan<double> t)
    {
        double best = double.NegativeInfinity;
        Span<double> n = stackalloc double[3];
        Span<double> m = stackalloc double[3];
        for (int start = 0; start < 14; start++)
        {
            n.Clear();
            if (start < 6) n[start % 3] = start < 3 ? 1 : -1;
            else
            {
                int c = start - 6;
                n[0] = (c & 1) == 0 ? 1 : -1;
                n[1] = (c & 2) == 0 ? 1 : -1;
                n[2] = (c & 4) == 0 ? 1 : -1;
                Normalize(n);
            }
            double value = double.NegativeInfinity;
            for (int it = 0; it < 200; it++)
            {
                // m ← unit(β + Tn), value = Φ(n).
                for (int j = 0; j < 3; j++) m[j] = beta[j] + t[j * 3] * n[0] + t[j * 3 + 1] * n[1] + t[j * 3 + 2] * n[2];
                double newValue = c0 + alpha[0] * n[0] + alpha[1] * n[1] + alpha[2] * n[2] + Norm(m);
                if (!Normalize(m)) m[0] = 1;
                // n ← unit(α + Tᵀm).
                for (int k = 0; k < 3; k++) n[k] = alpha[k] + t[k] * m[0] + t[3 + k] * m[1] + t[6 + k] * m[2];
                if (!Normalize(n)) n[0] = 1;
                bool stalled = newValue <= value + 1e-16 * Math.Abs(newValue);
                value = Math.Max(value, newValue);
                if (stalled && it > 2) break;
            }
            best = Math.Max(best, value);
        }
        return best;
    }

    private static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);

    private static bool Normalize(Span<double> x)
    {
        double nrm = Norm(x);
        if (nrm == 0) return false;
        for (int i = 0; i < 3; i++) x[i] /= nrm;
        return true;
    }
}
