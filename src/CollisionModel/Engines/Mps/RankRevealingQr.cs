using System.Numerics;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// Householder QR with column pivoting of a small complex matrix M (m × n, column-major), stopped when every
/// remaining column has norm² ≤ tol² (the rank the state really has, up to rounding): M = Q R with Q an m × k
/// isometry (orthonormal columns to rounding, whatever the conditioning, which keeps the ancillas left-canonical
/// over 10⁶ splits) and R k × n in M's original column order. O(m n k); allocation-free on caller buffers.
/// </summary>
internal static class RankRevealingQr
{
    /// <summary>
    /// Factorises <paramref name="a"/> (m × n column-major, overwritten) into <paramref name="q"/> (m × k
    /// column-major) and <paramref name="r"/> (k × n column-major). Returns k ≥ 1 and the discarded weight (the
    /// norm² of what was left below the tolerance).
    /// </summary>
    /// <param name="a">M, column-major, destroyed.</param>
    /// <param name="m">Rows.</param>
    /// <param name="n">Columns.</param>
    /// <param name="toleranceSquared">Absolute norm² below which the remaining columns count as zero.</param>
    /// <param name="q">Receives Q (≥ m·min(m, n)).</param>
    /// <param name="r">Receives R (≥ min(m, n)·n).</param>
    /// <param name="work">Scratch: ≥ n doubles for norms.</param>
    /// <param name="perm">Scratch: ≥ n ints.</param>
    /// <param name="tau">Scratch: ≥ min(m, n) reflector scales (the Householder vectors are kept in a).</param>
    /// <param name="alphaDiag">Scratch: ≥ min(m, n) diagonal entries of R.</param>
    public static (int Rank, double Discarded) Factor(Span<Complex> a, int m, int n, double toleranceSquared,
        Span<Complex> q, Span<Complex> r, Span<double> work, Span<int> perm, Span<Complex> tau, Span<Complex> alphaDiag)
    {
        int kMax = Math.Min(m, n);
        for (int j = 0; j < n; j++) perm[j] = j;
        int k = 0;
        double discarded = 0;
        for (; k < kMax; k++)
        {
            // Exact remaining norms (the matrices are tiny; no downdating drift).
            int best = k;
            double bestNorm = -1;
            for (int j = k; j < n; j++)
            {
                double s = 0;
                var col = a.Slice(j * m, m);
                for (int i = k; i < m; i++) s += col[i].Real * col[i].Real + col[i].Imaginary * col[i].Imaginary;
                work[j] = s;
                if (s > bestNorm) { bestNorm = s; best = j; }
            }
            if (bestNorm <= toleranceSquared)
            {
                for (int j = k; j < n; j++) discarded += work[j];
                break;
            }
            if (best != k)
            {
                var ck = a.Slice(k * m, m);
                var cb = a.Slice(best * m, m);
                for (int i = 0; i < m; i++) (ck[i], cb[i]) = (cb[i], ck[i]);
                (perm[k], perm[best]) = (perm[best], perm[k]);
            }
            var x = a.Slice(k * m, m);
            double norm = Math.Sqrt(bestNorm);
            var x0 = x[k];
            double ax0 = Complex.Abs(x0);
            var phase = ax0 == 0 ? Complex.One : x0 / ax0;
            var alpha = -phase * norm;
            // v = x − α e_k, stored in place of x[k..]; H = 1 − τ v v†, τ = 2/‖v‖².
            x[k] = x0 - alpha;
            double vnorm2 = 0;
            for (int i = k; i < m; i++) vnorm2 += x[i].Real * x[i].Real + x[i].Imaginary * x[i].Imaginary;
            double t = vnorm2 == 0 ? 0 : 2 / vnorm2;
            tau[k] = t;
            for (int j = k + 1; j < n; j++)
            {
                var c = a.Slice(j * m, m);
                Complex dot = 0;
                for (int i = k; i < m; i++) dot += Complex.Conjugate(x[i]) * c[i];
                dot *= t;
                for (int i = k; i < m; i++) c[i] -= dot * x[i];
            }
            alphaDiag[k] = alpha;
        }
        if (k == 0)
        {
            // A zero matrix (impossible for a normalised state): one unit column keeps the shapes valid.
            q[..m].Clear();
            q[0] = 1;
            r[..n].Clear();
            return (1, discarded);
        }
        // R (k × n, leading dimension k) in the original column order.
        for (int j = 0; j < n; j++)
        {
            int target = perm[j];
            for (int i = 0; i < k; i++)
                r[i + target * k] = i < j ? a[i + j * m] : i == j ? alphaDiag[i] : Complex.Zero;
        }
        // Q = H_0 … H_{k−1} [1_k; 0], reflectors applied in reverse order.
        q[..(m * k)].Clear();
        for (int c = 0; c < k; c++) q[c + c * m] = 1;
        for (int l = k - 1; l >= 0; l--)
        {
            var v = a.Slice(l * m, m);
            double t = tau[l].Real;
            for (int c = l; c < k; c++)
            {
                var col = q.Slice(c * m, m);
                Complex dot = 0;
                for (int i = l; i < m; i++) dot += Complex.Conjugate(v[i]) * col[i];
                dot *= t;
                for (int i = l; i < m; i++) col[i] -= dot * v[i];
            }
        }
        return (k, discarded);
    }
}
