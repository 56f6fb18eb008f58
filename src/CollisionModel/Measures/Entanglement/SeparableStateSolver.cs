using System.Numerics;
using static CollisionModel.Measures.Entanglement.TwoQubitKernels;

namespace CollisionModel.Measures.Entanglement;

/// <summary>
/// Minimises f(σ) = −tr ρ ln σ over two-qubit PPT (= separable) states σ, for an entangled ρ.
/// <para>Phase 1 (global): σ = τ^Γ with τ = BB†/tr(BB†), so σ^Γ ≥ 0 holds by construction; BFGS on B with an
/// Armijo line search that rejects any step leaving σ &gt; 0 (f is a barrier there on supp ρ).</para>
/// <para>Phase 2 (polish): Newton on the KKT system of docs/conventions.md §4, D ln_σ(ρ) = 1 − z (|φ⟩⟨φ|)^Γ with
/// σ^Γ|φ⟩ = 0, i.e. the residual of the matrix equation together with λ_min(σ^Γ) = 0, in the coefficients of σ
/// on a Hermitian basis (all 16, or the 8 of an X state) plus z. One forward-difference Jacobian, then Broyden
/// rank-one updates (a fresh Jacobian only when a Broyden step fails); a residual-decrease line search keeps σ &gt; 0.</para>
/// <para>With <see cref="Barrier"/> μ &gt; 0 both phases minimise −tr ρ ln σ − μ ln det σ instead (rank-deficient ρ
/// whose σ* is singular); the caller follows μ → 0.</para>
/// The caller certifies the result. One instance per solve; not thread-safe.
/// </summary>
internal sealed class SeparableStateSolver
{
    private readonly Complex[] _rho;
    private readonly int[] _bEntries;
    private readonly (int I, int J, int Kind)[] _basis;
    private readonly Complex[] _sigma = new Complex[Size];
    private readonly Complex[] _vec = new Complex[Size];
    private readonly Complex[] _g = new Complex[Size];
    private readonly Complex[] _s1 = new Complex[Size];
    private readonly Complex[] _s2 = new Complex[Size];
    private readonly Complex[] _s3 = new Complex[Size];
    private readonly double[] _lam = new double[Dim];

    /// <summary>
    /// Barrier weight μ ≥ 0: the solver minimises −tr ρ ln σ − μ ln det σ. Zero for full-rank ρ. For rank-deficient ρ
    /// the optimum σ* can be singular on part of ker ρ (e.g. λ|Φ+⟩⟨Φ+| + (1 − λ)|01⟩⟨01|), where the unbarriered
    /// Newton system degenerates; a small μ keeps σ &gt; 0 and moves the optimum value by O(μ).
    /// </summary>
    public double Barrier { get; set; }

    /// <summary>Iterations taken so far (BFGS steps plus Newton steps).</summary>
    public int Iterations { get; private set; }

    /// <param name="rho">ρ column-major.</param>
    /// <param name="xStructure">Restrict to X-shaped σ (entries on the diagonal and anti-diagonal only).</param>
    public SeparableStateSolver(ReadOnlySpan<Complex> rho, bool xStructure)
    {
        _rho = rho.ToArray();
        var entries = new List<int>();
        var basis = new List<(int, int, int)>();
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
                if (!xStructure || i == j || i + j == 3) entries.Add(i + 4 * j);
        for (int i = 0; i < Dim; i++) basis.Add((i, i, 0));
        for (int i = 0; i < Dim; i++)
            for (int j = i + 1; j < Dim; j++)
                if (!xStructure || i + j == 3)
                {
                    basis.Add((i, j, 1));
                    basis.Add((i, j, 2));
                }
        _bEntries = entries.ToArray();
        _basis = basis.ToArray();
    }

    /// <summary>f(σ) = −tr ρ ln σ, +∞ unless σ &gt; 0. Leaves σ's eigen-decomposition in _lam/_vec.</summary>
    private double Objective(ReadOnlySpan<Complex> sigma)
    {
        Eigen(sigma, _lam, _vec, _s1);
        if (!(_lam[0] > 0)) return double.PositiveInfinity;
        double f = CrossEntropy(_rho, _lam, _vec);
        if (Barrier > 0)
            for (int j = 0; j < Dim; j++) f -= Barrier * Math.Log(_lam[j]);
        return f;
    }

    /// <summary>_g += μσ⁻¹ from the eigen-decomposition in _lam/_vec (the barrier's share of the gradient).</summary>
    private void AddBarrierGradient()
    {
        if (Barrier <= 0) return;
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
            {
                Complex s = Complex.Zero;
                for (int k = 0; k < Dim; k++) s += _vec[i + 4 * k] * Complex.Conjugate(_vec[j + 4 * k]) / _lam[k];
                _g[i + 4 * j] += Barrier * s;
            }
    }

    /// <summary>A PPT-boundary starting point: σ₀ = (1 − s)ρ + s·1/4 with λ_min(σ₀^Γ) = 0 (plus a hair inside).</summary>
    public static Complex[] BoundaryStart(ReadOnlySpan<Complex> rho)
    {
        var pt = new Complex[Size];
        var scratch = new Complex[Size];
        PartialTranspose(rho, pt);
        double lmin = MinEigenvalue(pt, scratch);
        double s = lmin < 0 ? -lmin / (0.25 - lmin) : 0;
        s = Math.Min(1, s * (1 + 1e-9));
        var sigma = new Complex[Size];
        for (int k = 0; k < Size; k++) sigma[k] = (1 - s) * rho[k];
        for (int i = 0; i < Dim; i++) sigma[i + 4 * i] += s / 4;
        return sigma;
    }

    /// <summary>Phase 1: BFGS over B from τ = σ₀^Γ. Returns the best σ found (PPT by construction).</summary>
    public Complex[] Minimize(ReadOnlySpan<Complex> sigmaStart, int maxIterations, double gradientTolerance)
    {
        int nb = _bEntries.Length, n = 2 * nb;
        // B = (σ₀^Γ)^{1/2}, its negative eigenvalues (rounding) clipped.
        PartialTranspose(sigmaStart, _s2);
        Eigen(_s2, _lam, _vec, _s1);
        var bFull = new Complex[Size];
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
            {
                Complex s = Complex.Zero;
                for (int k = 0; k < Dim; k++) s += _vec[i + 4 * k] * Math.Sqrt(Math.Max(_lam[k], 0)) * Complex.Conjugate(_vec[j + 4 * k]);
                bFull[i + 4 * j] = s;
            }
        var x = new double[n];
        for (int e = 0; e < nb; e++)
        {
            x[2 * e] = bFull[_bEntries[e]].Real;
            x[2 * e + 1] = bFull[_bEntries[e]].Imaginary;
        }
        var grad = new double[n];
        double f = Evaluate(x, grad, true);
        var best = (Complex[])_sigma.Clone();
        if (double.IsPositiveInfinity(f)) return best;
        var h = new double[n * n];
        for (int i = 0; i < n; i++) h[i * n + i] = 1;
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var sv = new double[n];
        var yv = new double[n];
        bool scaled = false;
        int stalledCount = 0;
        for (int it = 0; it < maxIterations; it++)
        {
            double xNorm = Math.Sqrt(Dot(x, x));
            if (Math.Sqrt(Dot(grad, grad)) * xNorm <= gradientTolerance) break;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s -= h[i * n + k] * grad[k];
                d[i] = s;
            }
            double slope = Dot(grad, d);
            if (slope >= 0)
            {
                Array.Clear(h);
                for (int i = 0; i < n; i++) { h[i * n + i] = 1; d[i] = -grad[i]; }
                slope = -Dot(grad, grad);
            }
            double step = 1, fNew = double.PositiveInfinity;
            bool accepted = false;
            for (int ls = 0; ls < 50; ls++)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = Evaluate(xNew, gNew, false);
                if (fNew <= f + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            Iterations++;
            if (!accepted) break;
            Evaluate(xNew, gNew, true);
            for (int i = 0; i < n; i++) { sv[i] = xNew[i] - x[i]; yv[i] = gNew[i] - grad[i]; }
            double sy = Dot(sv, yv);
            if (sy > 1e-300)
            {
                if (!scaled)
                {
                    double gamma = sy / Dot(yv, yv);
                    for (int i = 0; i < n; i++) h[i * n + i] = gamma;
                    scaled = true;
                }
                UpdateInverseHessian(h, sv, yv, sy, n);
            }
            stalledCount = f - fNew <= 1e-15 * Math.Abs(f) ? stalledCount + 1 : 0;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, grad, n);
            f = fNew;
            Array.Copy(_sigma, best, Size);
            if (stalledCount >= 5) break;
        }
        return best;
    }

    private static void UpdateInverseHessian(double[] h, double[] s, double[] y, double sy, int n)
    {
        // H ← (1 − ρ s yᵀ) H (1 − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(sᵀy).
        double rho = 1 / sy;
        var hy = new double[n];
        for (int i = 0; i < n; i++)
        {
            double acc = 0;
            for (int k = 0; k < n; k++) acc += h[i * n + k] * y[k];
            hy[i] = acc;
        }
        double yhy = Dot(y, hy);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                h[i * n + k] += -rho * (hy[i] * s[k] + s[i] * hy[k]) + (rho * rho * yhy + rho) * s[i] * s[k];
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>f(B) and (if asked) its gradient (2/N)(cB − G^Γ B) on the free entries; leaves σ in _sigma.</summary>
    private double Evaluate(double[] x, double[] grad, bool wantGradient)
    {
        Span<Complex> b = stackalloc Complex[Size];
        b.Clear();
        double norm = 0;
        for (int e = 0; e < _bEntries.Length; e++)
        {
            b[_bEntries[e]] = new Complex(x[2 * e], x[2 * e + 1]);
            norm += x[2 * e] * x[2 * e] + x[2 * e + 1] * x[2 * e + 1];
        }
        if (norm == 0) return double.PositiveInfinity;
        MultiplyAdjointRight(b, b, _s2);
        for (int k = 0; k < Size; k++) _s2[k] /= norm;
        PartialTranspose(_s2, _sigma);
        Hermitize(_sigma);
        double f = Objective(_sigma);
        if (!wantGradient || double.IsPositiveInfinity(f)) return f;
        TwoQubitKernels.LogDerivative(_lam, _vec, _rho, _g, _s1, _s2);
        AddBarrierGradient();
        double c = TraceProduct(_g, _sigma);
        PartialTranspose(_g, _s3);
        Multiply(_s3, b, _s1);
        for (int e = 0; e < _bEntries.Length; e++)
        {
            int k = _bEntries[e];
            Complex y = 2 / norm * (c * b[k] - _s1[k]);
            grad[2 * e] = y.Real;
            grad[2 * e + 1] = y.Imaginary;
        }
        return f;
    }

    /// <summary>
    /// Phase 2: Newton on the KKT system from σ (PD). Returns the polished σ, or null when Newton made no progress
    /// (σ* not of the generic form: rank-deficient or with a degenerate kernel of σ*^Γ).
    /// </summary>
    public Complex[]? Polish(ReadOnlySpan<Complex> sigmaStart, int maxIterations = 25)
    {
        int nb = _basis.Length, n = nb + 1;
        var y = new double[n];
        for (int k = 0; k < nb; k++) y[k] = Coefficient(sigmaStart, _basis[k]);
        // z from the current σ: z = 1 − ⟨φ|G^Γ|φ⟩.
        sigmaStart[..Size].CopyTo(_sigma);
        if (double.IsPositiveInfinity(Objective(_sigma))) return null;
        Span<Complex> phi = stackalloc Complex[Size];
        Span<double> ev = stackalloc double[Dim];
        GradientAndPartialTransposeSpectrum(ev, phi);
        PartialTranspose(_g, _s2);
        Complex zc = Complex.Zero;
        for (int i = 0; i < Dim; i++)
            for (int j = 0; j < Dim; j++)
                zc += Complex.Conjugate(phi[i]) * _s2[i + 4 * j] * phi[j];
        y[nb] = Math.Max(0, 1 + 4 * Barrier - zc.Real);

        var r = new double[n];
        var rNew = new double[n];
        var yNew = new double[n];
        var jac = new double[n * n];
        var delta = new double[n];
        var rPlus = new double[n];
        if (!Residual(y, r)) return null;
        double rn = Norm2(r);
        double startNorm = rn;
        var sStep = new double[n];
        bool fresh = false;
        // Newton–Broyden: a finite-difference Jacobian at the start (and again whenever a Broyden step fails),
        // rank-one Broyden updates in between, so a warm start costs about one Jacobian.
        for (int it = 0; it < maxIterations && rn > 1e-15; it++)
        {
            if (!fresh && it == 0)
            {
                if (!FiniteDifferenceJacobian(y, r, jac, rPlus, n)) return null;
                fresh = true;
            }
            for (int i = 0; i < n; i++) delta[i] = -r[i];
            if (!SolveLinear(jac, delta, n)) return null;
            double step = 1;
            bool accepted = false;
            int maxHalvings = rn < 1e-10 ? 2 : 30;
            for (int ls = 0; ls <= maxHalvings; ls++)
            {
                for (int i = 0; i < n; i++) yNew[i] = y[i] + step * delta[i];
                if (Residual(yNew, rNew) && Norm2(rNew) < rn) { accepted = true; break; }
                step *= 0.5;
            }
            Iterations++;
            if (!accepted)
            {
                if (fresh) break;
                if (!FiniteDifferenceJacobian(y, r, jac, rPlus, n)) return null;
                fresh = true;
                continue;
            }
            // Broyden update J ← J + ((Δr − J s) sᵀ)/(sᵀs) with the step actually taken.
            double ss = 0;
            for (int i = 0; i < n; i++) { sStep[i] = yNew[i] - y[i]; ss += sStep[i] * sStep[i]; }
            if (ss > 0)
                for (int row = 0; row < n; row++)
                {
                    double js = 0;
                    for (int c = 0; c < n; c++) js += jac[row * n + c] * sStep[c];
                    double coef = (rNew[row] - r[row] - js) / ss;
                    for (int c = 0; c < n; c++) jac[row * n + c] += coef * sStep[c];
                }
            fresh = false;
            Array.Copy(yNew, y, n);
            Array.Copy(rNew, r, n);
            rn = Norm2(r);
        }
        if (!(rn < 1e-3 * startNorm || rn < 1e-12)) return null;
        var result = new Complex[Size];
        Assemble(y, result);
        return result;
    }

    /// <summary>Forward-difference Jacobian of the KKT residual at y (r = residual at y); steps stay inside σ &gt; 0.</summary>
    private bool FiniteDifferenceJacobian(double[] y, double[] r, double[] jac, double[] rPlus, int n)
    {
        Assemble(y, _sigma);
        double hCap = 1e-2 * MinEigenvalue(_sigma, _s1);
        if (!(hCap > 0)) return false;
        for (int c = 0; c < n; c++)
        {
            double hstep = Math.Min(1e-7 * Math.Max(1e-3, Math.Abs(y[c])), hCap);
            double keep = y[c];
            y[c] = keep + hstep;
            if (!Residual(y, rPlus))
            {
                y[c] = keep - hstep;
                if (!Residual(y, rPlus)) { y[c] = keep; return false; }
                hstep = -hstep;
            }
            y[c] = keep;
            for (int row = 0; row < n; row++) jac[row * n + c] = (rPlus[row] - r[row]) / hstep;
        }
        return true;
    }

    private static double Norm2(double[] r)
    {
        double s = 0;
        foreach (double x in r) s += x * x;
        return Math.Sqrt(s);
    }

    private static double Coefficient(ReadOnlySpan<Complex> m, (int I, int J, int Kind) e) => e.Kind switch
    {
        0 => m[e.I + 4 * e.I].Real,
        1 => Math.Sqrt(2) * m[e.I + 4 * e.J].Real,
        _ => Math.Sqrt(2) * m[e.I + 4 * e.J].Imaginary,
    };

    private void Assemble(double[] y, Span<Complex> sigma)
    {
        sigma[..Size].Clear();
        for (int k = 0; k < _basis.Length; k++)
        {
            var (i, j, kind) = _basis[k];
            switch (kind)
            {
                case 0: sigma[i + 4 * i] = y[k]; break;
                case 1:
                    sigma[i + 4 * j] += y[k] / Math.Sqrt(2);
                    sigma[j + 4 * i] += y[k] / Math.Sqrt(2);
                    break;
                default:
                    sigma[i + 4 * j] += Complex.ImaginaryOne * y[k] / Math.Sqrt(2);
                    sigma[j + 4 * i] -= Complex.ImaginaryOne * y[k] / Math.Sqrt(2);
                    break;
            }
        }
    }

    /// <summary>
    /// At σ = <c>_sigma</c> with its spectrum in <c>_lam</c>, <c>_vec</c>: the objective's gradient D ln_σ(ρ) plus the
    /// barrier's into <c>_g</c>, and the spectrum of σ^Γ (ascending, so φ = the first column is its lowest eigenvector).
    /// Uses <c>_s1</c>…<c>_s3</c> as scratch.
    /// </summary>
    private void GradientAndPartialTransposeSpectrum(Span<double> values, Span<Complex> vectors)
    {
        TwoQubitKernels.LogDerivative(_lam, _vec, _rho, _g, _s1, _s2);
        AddBarrierGradient();
        PartialTranspose(_sigma, _s3);
        Eigen(_s3, values, vectors, _s1);
    }

    /// <summary>KKT residual: basis components of D ln_σ(ρ) − 1 + z(|φ⟩⟨φ|)^Γ, then λ_min(σ^Γ). False unless σ &gt; 0.</summary>
    private bool Residual(double[] y, double[] r)
    {
        int nb = _basis.Length;
        Assemble(y, _sigma);
        Eigen(_sigma, _lam, _vec, _s1);
        if (!(_lam[0] > 0)) return false;
        Span<Complex> phi = stackalloc Complex[Size];
        Span<double> ev = stackalloc double[Dim];
        GradientAndPartialTransposeSpectrum(ev, phi);
        // _s2 = |φ⟩⟨φ|, _s3 = its partial transpose.
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
                _s2[i + 4 * j] = phi[i] * Complex.Conjugate(phi[j]);
        PartialTranspose(_s2, _s3);
        double z = y[nb];
        for (int k = 0; k < Size; k++) _s2[k] = _g[k] + z * _s3[k];
        for (int i = 0; i < Dim; i++) _s2[i + 4 * i] -= 1 + 4 * Barrier;
        for (int k = 0; k < nb; k++) r[k] = Coefficient(_s2, _basis[k]);
        r[nb] = ev[0];
        return true;
    }

    /// <summary>Gaussian elimination with partial pivoting; solution overwrites b. False if singular.</summary>
    private static bool SolveLinear(double[] a, double[] b, int n)
    {
        var m = (double[])a.Clone();
        for (int col = 0; col < n; col++)
        {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r * n + col]) > Math.Abs(m[piv * n + col])) piv = r;
            if (m[piv * n + col] == 0 || !double.IsFinite(m[piv * n + col])) return false;
            if (piv != col)
            {
                for (int c = 0; c < n; c++) (m[col * n + c], m[piv * n + c]) = (m[piv * n + c], m[col * n + c]);
                (b[col], b[piv]) = (b[piv], b[col]);
            }
            for (int r = col + 1; r < n; r++)
            {
                double factor = m[r * n + col] / m[col * n + col];
                if (factor == 0) continue;
                for (int c = col; c < n; c++) m[r * n + c] -= factor * m[col * n + c];
                b[r] -= factor * b[col];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int c = r + 1; c < n; c++) s -= m[r * n + c] * b[c];
            b[r] = s / m[r * n + r];
        }
        foreach (double v in b) if (!double.IsFinite(v)) return false;
        return true;
    }

    /// <summary>
    /// Makes σ an exactly separable state: Hermitian, trace 1, and, if rounding left λ_min(σ^Γ) or λ_min(σ)
    /// slightly negative, mixed with just enough 1/4 to lift both to ≥ 0.
    /// </summary>
    public static void MakeSeparable(Span<Complex> sigma)
    {
        Hermitize(sigma);
        double tr = 0;
        for (int i = 0; i < Dim; i++) tr += sigma[i + 4 * i].Real;
        for (int k = 0; k < Size; k++) sigma[k] /= tr;
        Span<Complex> pt = stackalloc Complex[Size];
        Span<Complex> scratch = stackalloc Complex[Size];
        for (int attempt = 0; attempt < 5; attempt++)
        {
            PartialTranspose(sigma, pt);
            double lmin = Math.Min(MinEigenvalue(pt, scratch), MinEigenvalue(sigma, scratch));
            if (lmin >= 0) return;
            // (1 − ε)λ + ε/4 ≥ 0 with a margin for the rounding of the mixing itself.
            double eps = Math.Min(1, 4 * (-lmin) / (1 - 4 * lmin) * 1.01 + 4e-16 * (attempt + 1));
            for (int k = 0; k < Size; k++) sigma[k] *= 1 - eps;
            for (int i = 0; i < Dim; i++) sigma[i + 4 * i] += eps / 4;
        }
    }

    /// <summary>S(ρ‖σ) = −S(ρ) − tr ρ ln σ (nats), with S(ρ) from its eigenvalues.</summary>
    public static double RelativeEntropyTo(ReadOnlySpan<Complex> rho, double entropyOfRho, ReadOnlySpan<Complex> sigma,
        Span<Complex> gradientOut)
    {
        Span<double> lam = stackalloc double[Dim];
        Span<Complex> vec = stackalloc Complex[Size];
        Span<Complex> s1 = stackalloc Complex[Size];
        Span<Complex> s2 = stackalloc Complex[Size];
        Eigen(sigma, lam, vec, s1);
        double cross = CrossEntropy(rho, lam, vec);
        if (double.IsPositiveInfinity(cross)) return double.PositiveInfinity;
        if (lam[0] > 0) TwoQubitKernels.LogDerivative(lam, vec, rho, gradientOut, s1, s2);
        else gradientOut.Clear();
        return Math.Max(0, cross - entropyOfRho);
    }
}
