using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace CollisionModel.Monitoring;

/// <summary>
/// Restarted Arnoldi iterations for linear maps given only by their action on vectors of length n (the Kraus step maps
/// of large systems, n = d²): the eigenvalue of largest modulus with its eigenvector, and GMRES for A x = b. Inner
/// product Σ conj(a_i) b_i (Hilbert–Schmidt for vec ρ). Each cycle builds an orthonormal Krylov basis of at most
/// <see cref="BasisSize"/> vectors by modified Gram–Schmidt, repeated once (full reorthogonalisation), so a cycle
/// costs BasisSize applications plus O(BasisSize² n).
/// </summary>
internal static class Krylov
{
    /// <summary>The largest Krylov basis of one cycle.</summary>
    public const int BasisSize = 40;

    /// <summary>The relative residual at which an eigenpair or a solution counts as converged.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>The restart cycles after which an iteration that has not converged gives up.</summary>
    public const int MaxCycles = 200;

    /// <summary>
    /// The eigenvalue of largest modulus of the map, its eigenvector and the modulus of the second-largest Ritz value of
    /// the last cycle (a bound from below on the second eigenvalue's modulus, for a uniqueness check). Thick restarts:
    /// each cycle keeps the <see cref="KeptRitzVectors"/> Ritz vectors of largest modulus (the relation A W = W T + v bᵀ
    /// of the orthonormalised Ritz vectors W continues the Arnoldi relation), so the next-largest eigenvalues, which
    /// set the convergence rate, are not rediscovered every cycle. Stops when ‖A v − λ v‖ ≤ <see cref="Tolerance"/> |λ|;
    /// throws <see cref="KrylovConvergenceException"/> when <paramref name="maxCycles"/> cycles do not get there.
    /// <paramref name="start"/> must overlap the leading eigenvector (for a completely positive map the identity does).
    /// </summary>
    public static (Complex Value, Complex[] Vector, double Second) Leading(Action<Complex[], Complex[]> apply, Complex[] start, int maxCycles = MaxCycles)
    {
        int n = start.Length, m = Math.Min(BasisSize, n);
        var basis = new List<Complex[]>(m + 1);
        var first = (Complex[])start.Clone();
        Scale(first, 1 / Norm(first));
        basis.Add(first);
        var h = Matrix<Complex>.Build.Dense(m + 1, m);
        int kept = 0;
        for (int cycle = 0; ; cycle++)
        {
            int size = Extend(apply, basis, h, kept, m, out bool breakdown);
            var evd = h.SubMatrix(0, size, 0, size).Evd(Symmetricity.Asymmetric);
            var order = Enumerable.Range(0, size).OrderByDescending(i => evd.EigenValues[i].Magnitude).ToArray();
            var value = evd.EigenValues[order[0]];
            double second = size > 1 ? evd.EigenValues[order[1]].Magnitude : 0;
            var y = evd.EigenVectors.Column(order[0]);
            y /= y.L2Norm();
            double residual = breakdown ? 0 : h[size, size - 1].Magnitude * y[size - 1].Magnitude;
            if (residual <= Tolerance * value.Magnitude || size < m)
                return (value, Combine(basis, y, size), second);
            if (cycle + 1 >= maxCycles) throw new KrylovConvergenceException(cycle + 1, residual / value.Magnitude, Tolerance);
            // Thick restart: W = V Q, Q the orthonormalised leading Ritz vectors of H; H Q = Q T with T = Q† H Q, and
            // the old residual direction v_m enters with the row bᵀ = h_{m,m−1} e_mᵀ Q.
            kept = Math.Min(KeptRitzVectors, m / 2);
            var ritz = Matrix<Complex>.Build.Dense(m, kept);
            for (int c = 0; c < kept; c++) ritz.SetColumn(c, evd.EigenVectors.Column(order[c]));
            var q = ritz.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
            var t = q.ConjugateTranspose() * h.SubMatrix(0, m, 0, m) * q;
            var last = h[m, m - 1];
            var restarted = new List<Complex[]>(m + 1);
            for (int c = 0; c < kept; c++) restarted.Add(Combine(basis, q.Column(c), m));
            restarted.Add(basis[m]);
            h.Clear();
            h.SetSubMatrix(0, 0, t);
            for (int c = 0; c < kept; c++) h[kept, c] = last * q[m - 1, c];
            basis = restarted;
        }
    }

    /// <summary>The Ritz vectors a thick restart keeps.</summary>
    public const int KeptRitzVectors = 10;

    // Arnoldi steps j = from … m − 1 on a basis of from + 1 vectors (H's first `from` columns already set): returns the
    // size reached (m, or less at a breakdown, when the Krylov space is invariant and H's eigenvalues are exact).
    private static int Extend(Action<Complex[], Complex[]> apply, List<Complex[]> basis, Matrix<Complex> h, int from, int m, out bool breakdown)
    {
        int n = basis[0].Length;
        breakdown = false;
        double scale = 0;
        for (int j = from; j < m; j++)
        {
            var w = new Complex[n];
            apply(basis[j], w);
            scale = Math.Max(scale, Norm(w));
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i <= j; i++)
                {
                    var c = Dot(basis[i], w);
                    h[i, j] += c;
                    var vi = basis[i];
                    for (int k = 0; k < n; k++) w[k] -= c * vi[k];
                }
            double norm = Norm(w);
            h[j + 1, j] = norm;
            if (norm <= 1e-15 * scale)
            {
                breakdown = true;
                return j + 1;
            }
            Scale(w, 1 / norm);
            basis.Add(w);
        }
        return m;
    }

    /// <summary>
    /// GMRES(<see cref="BasisSize"/>) for A x = b from x = 0, restarted until ‖b − A x‖ ≤ max(<see cref="Tolerance"/> ‖b‖,
    /// <paramref name="floor"/>) (the floor: what rounding can resolve, for a b that is itself rounding) or a cycle stops
    /// halving the residual. The iterates stay in the Krylov spaces of b, so a singular A is fine when b lies in an
    /// invariant subspace on which A is invertible (the traceless matrices for 1 − Φ of a channel with a unique
    /// stationary state). Throws <see cref="KrylovConvergenceException"/> when the residual it stops at is above that target.
    /// </summary>
    public static Complex[] Solve(Action<Complex[], Complex[]> apply, Complex[] b, double floor, int maxCycles = MaxCycles)
    {
        int n = b.Length, m = Math.Min(BasisSize, n);
        var x = new Complex[n];
        var residual = (Complex[])b.Clone();
        var ax = new Complex[n];
        double target = Math.Max(Tolerance * Norm(b), floor), beta = Norm(residual), previous = double.PositiveInfinity;
        int cycles = 0;
        for (; cycles < maxCycles && beta > target && beta < 0.5 * previous; cycles++)
        {
            previous = beta;
            var (basis, h, size, _) = Arnoldi(apply, residual, m);
            var rhs = Vector.Build.Dense(size + 1);
            rhs[0] = beta;
            var z = h.SubMatrix(0, size + 1, 0, size).QR().Solve(rhs);
            var step = Combine(basis, z, size);
            for (int i = 0; i < n; i++) x[i] += step[i];
            apply(x, ax);
            for (int i = 0; i < n; i++) residual[i] = b[i] - ax[i];
            beta = Norm(residual);
        }
        // The loop also ends when a cycle stops halving the residual or the cycles run out: an answer above the target
        // would carry its error silently into the variance rate, so it is refused.
        if (!(beta <= target))
        {
            double normB = Norm(b);
            throw new KrylovConvergenceException("the GMRES solve (1 − Φ) y = b", "no rate is reported rather than an inaccurate one",
                cycles, normB > 0 ? beta / normB : beta, normB > 0 ? target / normB : target);
        }
        return x;
    }

    /// <summary>The Arnoldi process from v (normalised here): basis, Hessenberg H ((size + 1) × size used), size, breakdown.</summary>
    private static (List<Complex[]> Basis, Matrix<Complex> H, int Size, bool Breakdown) Arnoldi(Action<Complex[], Complex[]> apply, Complex[] v, int m)
    {
        var first = (Complex[])v.Clone();
        Scale(first, 1 / Norm(first));
        var basis = new List<Complex[]>(m + 1) { first };
        var h = Matrix<Complex>.Build.Dense(m + 1, m);
        int size = Extend(apply, basis, h, 0, m, out bool breakdown);
        return (basis, h, size, breakdown);
    }

    private static Complex[] Combine(List<Complex[]> basis, Vector y, int size)
    {
        var result = new Complex[basis[0].Length];
        for (int i = 0; i < size; i++)
        {
            var vi = basis[i];
            var c = y[i];
            for (int k = 0; k < result.Length; k++) result[k] += c * vi[k];
        }
        return result;
    }

    private static Complex Dot(Complex[] a, Complex[] b)
    {
        Complex sum = Complex.Zero;
        for (int i = 0; i < a.Length; i++) sum += Complex.Conjugate(a[i]) * b[i];
        return sum;
    }

    private static double Norm(Complex[] a)
    {
        double sum = 0;
        foreach (var z in a) sum += z.Real * z.Real + z.Imaginary * z.Imaginary;
        return Math.Sqrt(sum);
    }

    private static void Scale(Complex[] a, double factor)
    {
        for (int i = 0; i < a.Length; i++) a[i] *= factor;
    }
}
