using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// How the information about the system spreads over the environment of a <see cref="CollisionMps"/>: the mutual
/// information I(AB : F) = S_AB + S_F − S_{AB F} (nats) for fragments F of ancillas, and the redundancy R_δ.
/// <para>
/// Pure ancillas (the global state is pure): with a_m = S(E_1 … E_m) (the entanglement at bond m) and
/// b_m = S(E_1 … E_m ∪ AB), I(AB : oldest m) = S_AB + a_m − b_m and I(AB : newest m) = S_AB + b_{K−m} − a_{K−m}.
/// One right-to-left sweep of the environment G_m = ⟨w_{β′k′}|w_{βk}⟩ (the Gram matrix of the states the bond-m
/// basis and the system index k leave on everything to the right; b_m = S(G_m), a_m = S(tr_k G_m), the sites being
/// left-canonical) gives every m of both curves in O(K·χ³·d_E·n²), n = rank ρ_AB — a few µs per ancilla.
/// </para>
/// <para>
/// Mixed ancillas (or any named set): the partners must be traced apart from the ancillas, so the reduced state of
/// F ∪ AB is formed densely (dimension d_E^|F|·n) from a left sweep with F's ancilla indices open and the right
/// environment G; the curves stop where that dimension would exceed <see cref="MaxDenseDimension"/>.
/// </para>
/// </summary>
public static class EnvironmentFragments
{
    /// <summary>
    /// The default largest dense reduced state (of F ∪ AB) formed for mixed ancillas (what records use): m ≤ 8 for qubit
    /// ancillas and a full-rank two-qubit ρ_AB, both curves ~2.6 s per call at K = 12 (eigenvalues only, <see cref="DenseSpectrum"/>).
    /// </summary>
    public const int MaxDenseDimension = 1024;

    /// <summary>
    /// The largest dense reduced state a caller may ask for: an O(n³) eigenproblem per fragment (both curves to m = 9
    /// of a two-qubit system with qubit ancillas, n = 2048, take ~28 s; n = 4096, m = 10, would take ~4 minutes per call).
    /// </summary>
    public const int MaxDenseDimensionLimit = 2048;

    /// <summary>Eigenvalues of ρ_AB below this count as its kernel when the system index is compressed.</summary>
    private const double SupportTolerance = 1e-14;

    /// <summary>
    /// I(AB : F) for the m oldest and the m newest ancillas (see <see cref="FragmentCurves"/>). Pure ancillas: every
    /// m, one sweep, O(K). Mixed: m while d_E^m·rank ρ_AB ≤ <paramref name="maxDenseDimension"/> (and m ≤ K).
    /// </summary>
    /// <param name="mps">The state.</param>
    /// <param name="maxDenseDimension">Mixed ancillas: the largest dense reduced state formed, 1 … <see cref="MaxDenseDimensionLimit"/>
    /// (default <see cref="MaxDenseDimension"/>: m ≤ 8 for a two-qubit system of rank 4 and qubit ancillas; 2048: m ≤ 9).</param>
    public static FragmentCurves Curves(CollisionMps mps, int maxDenseDimension = MaxDenseDimension) =>
        CurvesWithGrowthLimit(mps, maxDenseDimension, MaxGrownDimension);

    /// <summary>As <see cref="Curves(CollisionMps, int)"/>, growing the newest fragments leftwards only while d_F·χ·n ≤ <paramref name="maxGrownDimension"/>.</summary>
    internal static FragmentCurves CurvesWithGrowthLimit(CollisionMps mps, int maxDenseDimension, int maxGrownDimension)
    {
        ArgumentNullException.ThrowIfNull(mps);
        if (maxDenseDimension < 1 || maxDenseDimension > MaxDenseDimensionLimit)
            throw new ParameterOutOfRangeException($"The dense fragment limit must be 1 … {MaxDenseDimensionLimit}, got {maxDenseDimension}.", nameof(maxDenseDimension));
        int k = mps.AncillaCount;
        var env = new Environment(mps);
        bool pure = Enumerable.Range(0, mps.Protocol.Baths.Count).All(j => mps.PartnerDimension(j) == 1);
        if (pure)
        {
            // a_m = S(E_1…E_m), b_m = S(E_1…E_m ∪ AB); with carried next ancillas C (memory) the newest curve needs
            // c_m = S(E_1…E_m ∪ AB ∪ C) = S(newest) and d_m = S(E_1…E_m ∪ C) = S(AB ∪ newest) (pure global state).
            var a = new double[k + 1];
            var b = new double[k + 1];
            env.Sweep(0, (bond, e) =>
            {
                a[bond] = e.BondEntropy();
                b[bond] = e.Entropy();
            });
            double[] c = b, dd = a;
            if (mps.CenterRest > mps.SystemDimension)
            {
                c = new double[k + 1];
                dd = new double[k + 1];
                new Environment(mps, keepSystem: true, keepCarried: true).Sweep(0, (bond, e) => c[bond] = e.Entropy());
                new Environment(mps, keepSystem: false, keepCarried: true).Sweep(0, (bond, e) => dd[bond] = e.Entropy());
            }
            var oldest = new double[k + 1];
            var newest = new double[k + 1];
            for (int m = 0; m <= k; m++)
            {
                oldest[m] = Math.Max(0, env.SystemEntropy + a[m] - b[m]);
                newest[m] = Math.Max(0, env.SystemEntropy + c[k - m] - dd[k - m]);
            }
            oldest[0] = newest[0] = 0;
            return new FragmentCurves(oldest, newest, env.SystemEntropy, k);
        }
        // Mixed: the largest m whose dense state fits.
        int mMax = 0;
        long dim = env.Rank;
        while (mMax < k)
        {
            long next = dim * mps.AncillaDimension(mps.BathOf(mMax));
            if (next > maxDenseDimension) break;
            dim = next;
            mMax++;
        }
        // Newest: grown once from the center leftwards (O(m) site contractions, the largest bonds at the smallest
        // fragments); a per-m contraction against the environment at bond K only where the grown state is too large.
        var newestCurve = NewestCurve(mps, env.Snapshot(), Math.Min(mMax, k), env.SystemEntropy, maxGrownDimension);
        // Oldest: environments at bonds m ≤ mMax from one sweep, and one left-open contraction grown from ancilla 0,
        // each prefix m met with the environment at bond m.
        var snapshots = new Environment.State[mMax + 1];
        env.Sweep(0, (bond, e) =>
        {
            if (bond <= mMax) snapshots[bond] = e.Snapshot();
        });
        var oldestCurve = new double[mMax + 1];
        var prefix = mMax > 0 ? new LeftOpenFragment(mps, 0) : null;
        for (int m = 1; m <= mMax; m++)
        {
            prefix!.Absorb(m - 1, open: true);
            oldestCurve[m] = MutualInformation(prefix.Close(snapshots[m], out int dF), dF, snapshots[m].N, env.SystemEntropy);
        }
        return new FragmentCurves(oldestCurve, newestCurve, env.SystemEntropy, k);
    }

    /// <summary>
    /// I(AB : F) (nats) for a named set of ancillas (0-based indices in collision order, distinct), the partners of
    /// mixed ancillas traced. Dense in F: Π_{k∈F} d_E·rank ρ_AB must not exceed <see cref="MaxDenseDimensionLimit"/>. O(K) plus
    /// an eigenproblem of that dimension.
    /// </summary>
    public static double MutualInformation(CollisionMps mps, IReadOnlyList<int> ancillas)
    {
        ArgumentNullException.ThrowIfNull(mps);
        ArgumentNullException.ThrowIfNull(ancillas);
        var set = ancillas.Order().ToArray();
        if (set.Distinct().Count() != set.Length || set.Any(i => i < 0 || i >= mps.AncillaCount))
            throw new ParameterOutOfRangeException(
                $"Fragment ancillas must be distinct indices in 0 … {mps.AncillaCount - 1}, got [{string.Join(", ", ancillas)}].", nameof(ancillas));
        var env = new Environment(mps);
        if (set.Length == 0) return 0;
        long dim = env.Rank;
        foreach (int i in set) dim *= mps.AncillaDimension(mps.BathOf(i));
        if (dim > MaxDenseDimensionLimit)
            throw new ParameterOutOfRangeException(
                $"The fragment's reduced state with the system would have dimension {dim}, above {MaxDenseDimensionLimit}; name fewer ancillas.", nameof(ancillas));
        Environment.State? at = null;
        int bond = set[^1] + 1;
        env.Sweep(bond, (b, e) =>
        {
            if (b == bond) at = e.Snapshot();
        });
        var fragment = new LeftOpenFragment(mps, set[0]);
        int next = 0;
        for (int site = set[0]; site <= set[^1]; site++)
        {
            bool open = set[next] == site;
            if (open) next++;
            fragment.Absorb(site, open);
        }
        return MutualInformation(fragment.Close(at!, out int dF), dF, at!.N, env.SystemEntropy);
    }

    /// <summary>
    /// The redundancy R_δ = ⌊K / m_δ⌋ of a fragment curve, m_δ the smallest fragment size m ≥ 1 with
    /// I(AB : F_m) ≥ (1 − δ)·S_AB: how many disjoint fragments of that size could each hold (1 − δ) of the
    /// system's entropy (Zurek's estimate of the number of copies of the information in the environment). 0 when
    /// no fragment reaches it; K when S_AB = 0 (nothing to copy). δ in [0, 1).
    /// </summary>
    public static int Redundancy(IReadOnlyList<double> curve, double systemEntropy, int ancillaCount, double delta)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (!double.IsFinite(delta) || delta < 0 || delta >= 1)
            throw new ParameterOutOfRangeException($"δ must lie in [0, 1), got {delta}.", nameof(delta));
        if (systemEntropy <= 1e-12) return ancillaCount;
        double target = (1 - delta) * systemEntropy;
        for (int m = 1; m < curve.Count; m++)
            if (curve[m] >= target - 1e-12) return ancillaCount / m;
        return 0;
    }

    /// <summary>
    /// The largest dimension d_F·χ·n of the state grown leftwards from the center for the newest curve (its entries
    /// and those of the one-partner-index intermediate are at most its square, 16 Mi complex numbers, 256 MiB).
    /// Beyond it the remaining m are contracted one fragment at a time (<see cref="LeftOpenFragment"/>).
    /// </summary>
    private const int MaxGrownDimension = 4096;

    /// <summary>
    /// I(AB : newest m), m = 0 … <paramref name="mMax"/>. R_0 = G_K; absorbing site s = K − m with its ancilla index
    /// open and its partner traced gives R_m[(o, α, j), (o′, α′, j′)] = Σ_{q,β,β′} A[α, (e, q), β] conj(A[α′, (e′, q), β′])
    /// R_{m−1}[(ō, β, j), (ō′, β′, j′)] (o = (e, ō), the new ancilla first, as in collision order), and
    /// ρ_{F ∪ AB} = Σ_α R_m[(o, α, j), (o′, α, j′)] because everything left of bond K − m is an isometry. Each site is
    /// contracted once: O(Σ_m p·χ_l·χ_r·(d_F·n)²·(χ_r + e·χ_l)) against the per-m restart's O(m) sites per m at the
    /// center's bond.
    /// </summary>
    private static double[] NewestCurve(CollisionMps mps, Environment.State atEnd, int mMax, double systemEntropy, int maxGrownDimension)
    {
        var curve = new double[mMax + 1];
        var sites = mps.Sites;
        int k = sites.Count, n = atEnd.N;
        var r = atEnd.G;
        int d = 1, chi = atEnd.Chi;
        int m = 1;
        for (; m <= mMax; m++)
        {
            int s = k - m;
            int cl = sites.Left(s), cr = sites.Right(s), p = sites.Physical(s);
            int q = mps.PartnerDimension(sites.Bath(s)), e = p / q;
            int dimR = d * cr * n, nd = e * d, dimNew = nd * cl * n;
            if (dimNew > maxGrownDimension) break;
            var a = sites.Data(s);
            var grown = new Complex[(long)dimNew * dimNew];
            // Per partner value q: H[(e1, ō1, α1, j1), col] = Σ_β1 A[α1, (e1, q), β1] R[(ō1, β1, j1), col], then
            // R′[(e1, ō1, α1, j1), (e2, ō2, α2, j2)] += Σ_β2 H[(e1, ō1, α1, j1), (ō2, β2, j2)] conj(A[α2, (e2, q), β2]).
            var h = new Complex[(long)dimNew * dimR];
            for (int qq = 0; qq < q; qq++)
            {
                Array.Clear(h);
                for (int e1 = 0; e1 < e; e1++)
                    for (int o1 = 0; o1 < d; o1++)
                        for (int a1 = 0; a1 < cl; a1++)
                        {
                            int aBase = (a1 * p + e1 * q + qq) * cr;
                            for (int b1 = 0; b1 < cr; b1++)
                            {
                                var av = a[aBase + b1];
                                if (av == Complex.Zero) continue;
                                for (int j1 = 0; j1 < n; j1++)
                                {
                                    long hRow = (long)(((e1 * d + o1) * cl + a1) * n + j1) * dimR;
                                    long rRow = (long)((o1 * cr + b1) * n + j1) * dimR;
                                    for (int col = 0; col < dimR; col++) h[hRow + col] += av * r[rRow + col];
                                }
                            }
                        }
                for (int row = 0; row < dimNew; row++)
                {
                    long hRow = (long)row * dimR, gRow = (long)row * dimNew;
                    for (int e2 = 0; e2 < e; e2++)
                        for (int a2 = 0; a2 < cl; a2++)
                        {
                            int aBase = (a2 * p + e2 * q + qq) * cr;
                            for (int o2 = 0; o2 < d; o2++)
                            {
                                long gCol = gRow + ((e2 * d + o2) * cl + a2) * n;
                                for (int b2 = 0; b2 < cr; b2++)
                                {
                                    var ac = Complex.Conjugate(a[aBase + b2]);
                                    if (ac == Complex.Zero) continue;
                                    long hCol = hRow + (o2 * cr + b2) * n;
                                    for (int j2 = 0; j2 < n; j2++) grown[gCol + j2] += h[hCol + j2] * ac;
                                }
                            }
                        }
                }
            }
            r = grown; d = nd; chi = cl;
            // ρ_{F ∪ AB}[(o, j), (o′, j′)] = Σ_α R[(o, α, j), (o′, α, j′)].
            int dim = d * n;
            var rho = new Complex[dim * dim];
            for (int o1 = 0; o1 < d; o1++)
                for (int o2 = 0; o2 < d; o2++)
                    for (int al = 0; al < chi; al++)
                    {
                        long src = (long)((o1 * chi + al) * n) * dimNew + (o2 * chi + al) * n;
                        int dst = o1 * n * dim + o2 * n;
                        for (int j1 = 0; j1 < n; j1++)
                            for (int j2 = 0; j2 < n; j2++)
                                rho[dst + j1 * dim + j2] += r[src + (long)j1 * dimNew + j2];
                    }
            curve[m] = MutualInformation(rho, d, n, systemEntropy);
        }
        // Larger fragments (bonds too wide to grow through): each contracted from its oldest ancilla to the center.
        for (; m <= mMax; m++)
        {
            var fragment = new LeftOpenFragment(mps, k - m);
            for (int site = k - m; site < k; site++) fragment.Absorb(site, open: true);
            curve[m] = MutualInformation(fragment.Close(atEnd, out int dF), dF, n, systemEntropy);
        }
        return curve;
    }

    /// <summary>I(AB : F) = S_AB + S_F − S_{F ∪ AB} from ρ_{F ∪ AB} (row-major over (F's ancillas, compressed system index)).</summary>
    private static double MutualInformation(Complex[] rho, int dF, int n, double systemEntropy)
    {
        int dim = dF * n;
        // ρ_F first (rho is row-major; its transpose has the same spectrum, so it is read as column-major).
        var f = new Complex[dF * dF];
        for (int o1 = 0; o1 < dF; o1++)
            for (int o2 = 0; o2 < dF; o2++)
            {
                Complex s = 0;
                for (int j = 0; j < n; j++) s += rho[(o1 * n + j) * dim + o2 * n + j];
                f[o1 + o2 * dF] = s;
            }
        double sF = Measures.Entropy.OfMatrix(f, dF);
        double sFS = Measures.Entropy.OfMatrix(rho, dim);
        return Math.Max(0, systemEntropy + sF - sFS);
    }

    /// <summary>
    /// Y[o1, o2, β, β′]: the sites from a first ancilla up to the current bond contracted with their conjugates, the
    /// ancilla indices of the absorbed fragment members open and everything else (partners, other ancillas) traced.
    /// Starts as δ at the first ancilla's left bond (everything to its left is an isometry); growing it one site at a
    /// time serves every prefix of a fragment (the oldest curve) at the cost of the longest.
    /// </summary>
    private sealed class LeftOpenFragment
    {
        private readonly CollisionMps _mps;
        private Complex[] _y;
        private int _d, _chi;

        public LeftOpenFragment(CollisionMps mps, int first)
        {
            _mps = mps;
            _chi = mps.Sites.Left(first);
            _d = 1;
            _y = new Complex[_chi * _chi];
            for (int i = 0; i < _chi; i++) _y[i * _chi + i] = 1;
        }

        /// <summary>Absorbs site <paramref name="s"/> (the next one), its ancilla index open or traced.</summary>
        public void Absorb(int s, bool open)
        {
            var sites = _mps.Sites;
            var a = sites.Data(s);
            int d = _d, chi = _chi;
            var y = _y;
            int p = sites.Physical(s), cr = sites.Right(s);
            int r = _mps.PartnerDimension(sites.Bath(s));
            int e = open ? p / r : 1;
            int nd = d * e;
            int qCount = open ? r : p;
            // Two contractions, the conjugate site first: O(d²·χ_l·p·χ_r·(χ_l + e·χ_r)) instead of the joint loop's
            // O(d²·e²·χ_l²·r·χ_r²), which made the newest-fragment curve of a memory bath (a larger bond) 40× slower.
            // Z[o1, o2, β1, e2, q, γ2] = Σ_β2 Y[o1, o2, β1, β2] conj(A[β2, (e2, q), γ2]).
            int zRow = e * qCount * cr;
            var z = new Complex[d * d * chi * zRow];
            for (int o12 = 0; o12 < d * d; o12++)
                for (int b1 = 0; b1 < chi; b1++)
                {
                    int yBase = (o12 * chi + b1) * chi, zBase = (o12 * chi + b1) * zRow;
                    for (int b2 = 0; b2 < chi; b2++)
                    {
                        var yv = y[yBase + b2];
                        if (yv == Complex.Zero) continue;
                        for (int e2 = 0; e2 < e; e2++)
                            for (int q = 0; q < qCount; q++)
                            {
                                int aBase = (b2 * p + (open ? e2 * r + q : q)) * cr;
                                int zr = zBase + (e2 * qCount + q) * cr;
                                for (int g2 = 0; g2 < cr; g2++) z[zr + g2] += yv * Complex.Conjugate(a[aBase + g2]);
                            }
                    }
                }
            // Y′[(o1, e1), (o2, e2), γ1, γ2] = Σ_{β1, q} A[β1, (e1, q), γ1] Z[o1, o2, β1, e2, q, γ2].
            var ny = new Complex[nd * nd * cr * cr];
            for (int o1 = 0; o1 < d; o1++)
                for (int o2 = 0; o2 < d; o2++)
                    for (int b1 = 0; b1 < chi; b1++)
                    {
                        int zBase = ((o1 * d + o2) * chi + b1) * zRow;
                        for (int e1 = 0; e1 < e; e1++)
                            for (int q = 0; q < qCount; q++)
                            {
                                int aBase = (b1 * p + (open ? e1 * r + q : q)) * cr;
                                for (int g1 = 0; g1 < cr; g1++)
                                {
                                    var av = a[aBase + g1];
                                    if (av == Complex.Zero) continue;
                                    int n1 = o1 * e + e1;
                                    for (int e2 = 0; e2 < e; e2++)
                                    {
                                        int zr = zBase + (e2 * qCount + q) * cr;
                                        int nyBase = ((n1 * nd + o2 * e + e2) * cr + g1) * cr;
                                        for (int g2 = 0; g2 < cr; g2++) ny[nyBase + g2] += av * z[zr + g2];
                                    }
                                }
                            }
                    }
            _y = ny; _d = nd; _chi = cr;
        }

        /// <summary>ρ_{F ∪ AB} row-major over (F's ancillas in order, compressed system index): Y met with the right environment G at the current bond.</summary>
        public Complex[] Close(Environment.State right, out int dF)
        {
            int n = right.N, d = _d, chi = _chi;
            int dim = d * n;
            var rho = new Complex[dim * dim];
            var g = right.G;
            for (int o1 = 0; o1 < d; o1++)
                for (int o2 = 0; o2 < d; o2++)
                    for (int b1 = 0; b1 < chi; b1++)
                        for (int b2 = 0; b2 < chi; b2++)
                        {
                            var yv = _y[((o1 * d + o2) * chi + b1) * chi + b2];
                            if (yv == Complex.Zero) continue;
                            for (int j1 = 0; j1 < n; j1++)
                                for (int j2 = 0; j2 < n; j2++)
                                    rho[(o1 * n + j1) * dim + o2 * n + j2] += yv * g[(b1 * n + j1) * (chi * n) + b2 * n + j2];
                        }
            dF = d;
            return rho;
        }
    }

    /// <summary>
    /// The right environment G_m[(β, j), (β′, j′)] (row-major, j over the support of ρ_AB), swept from the center
    /// (bond K) towards bond 0 through the left-canonical sites.
    /// </summary>
    private sealed class Environment
    {
        private readonly CollisionMps _mps;
        private readonly Complex[] _base;
        private readonly int _baseChi;
        private Complex[] _g, _g2, _h;
        private int _chi;
        private readonly double[] _values;
        private readonly Complex[] _work, _bond;

        public Environment(CollisionMps mps, bool keepSystem = true, bool keepCarried = false)
        {
            _mps = mps;
            var c = mps.Center;
            int chi = mps.CenterBond, rest = mps.CenterRest, ds = mps.SystemDimension, tc = rest / ds;
            // The rest index is (s, c); the kept index k is (s, c), s or c, the traced one the remainder.
            int dk = (keepSystem ? ds : 1) * (keepCarried ? tc : 1), t = rest / dk;
            int Index(int kk, int tt)
            {
                int sIdx, cIdx;
                if (keepSystem && keepCarried) { sIdx = kk / tc; cIdx = kk % tc; }
                else if (keepSystem) { sIdx = kk; cIdx = tt; }
                else { sIdx = tt; cIdx = kk; }
                return sIdx * tc + cIdx;
            }
            // ρ_S for S_AB.
            var rhoS = Matrix<Complex>.Build.Dense(ds, ds);
            for (int s1 = 0; s1 < ds; s1++)
                for (int s2 = 0; s2 < ds; s2++)
                {
                    Complex sum = 0;
                    for (int b = 0; b < chi; b++)
                        for (int tt = 0; tt < tc; tt++)
                            sum += c[b * rest + s1 * tc + tt] * Complex.Conjugate(c[b * rest + s2 * tc + tt]);
                    rhoS[s1, s2] = sum;
                }
            SystemEntropy = Measures.Entropy.FromEigenvalues(HermitianEigen.Eigenvalues(0.5 * (rhoS + rhoS.ConjugateTranspose())));
            // ρ_k = Σ_{β,t} W W† and its support U (dk × n).
            var rho = Matrix<Complex>.Build.Dense(dk, dk);
            for (int k1 = 0; k1 < dk; k1++)
                for (int k2 = 0; k2 < dk; k2++)
                {
                    Complex sum = 0;
                    for (int b = 0; b < chi; b++)
                        for (int tt = 0; tt < t; tt++)
                            sum += c[b * rest + Index(k1, tt)] * Complex.Conjugate(c[b * rest + Index(k2, tt)]);
                    rho[k1, k2] = sum;
                }
            rho = 0.5 * (rho + rho.ConjugateTranspose());
            var dec = HermitianEigen.Decompose(rho);
            var support = Enumerable.Range(0, dk).Where(i => dec.Values[i] > SupportTolerance).ToArray();
            if (support.Length == 0) support = [dk - 1];
            int n = support.Length;
            Rank = n;
            // W′[β, j, t] = Σ_k conj(U[k, j]) W[β, k, t]; G_K = Σ_t W′ W′†.
            var w = new Complex[chi * n * t];
            for (int b = 0; b < chi; b++)
                for (int j = 0; j < n; j++)
                    for (int tt = 0; tt < t; tt++)
                    {
                        Complex sum = 0;
                        for (int kk = 0; kk < dk; kk++) sum += Complex.Conjugate(dec.Vectors[kk, support[j]]) * c[b * rest + Index(kk, tt)];
                        w[(b * n + j) * t + tt] = sum;
                    }
            int dim = chi * n;
            _base = new Complex[dim * dim];
            for (int x = 0; x < dim; x++)
                for (int z = 0; z < dim; z++)
                {
                    Complex sum = 0;
                    for (int tt = 0; tt < t; tt++) sum += w[x * t + tt] * Complex.Conjugate(w[z * t + tt]);
                    _base[x * dim + z] = sum;
                }
            _baseChi = chi;
            int maxChi = Math.Max(mps.MaxBond, chi);
            int maxP = Enumerable.Range(0, mps.Protocol.Baths.Count).Max(mps.PhysicalDimension);
            _g = new Complex[maxChi * n * maxChi * n];
            _g2 = new Complex[_g.Length];
            _h = new Complex[maxChi * maxP * n * maxChi * n];
            int maxDim = maxChi * n;
            _values = new double[maxDim];
            _work = new Complex[Math.Min(maxDim, 32) * Math.Min(maxDim, 32)];
            _bond = new Complex[maxChi * maxChi];
            Reset();
        }

        /// <summary>S_AB (nats).</summary>
        public double SystemEntropy { get; }

        /// <summary>n = rank ρ_AB, the compressed system dimension.</summary>
        public int Rank { get; }

        public int N => Rank;

        /// <summary>An immutable copy of G at the current bond.</summary>
        public sealed record State(Complex[] G, int Chi, int N);

        private void Reset()
        {
            _chi = _baseChi;
            Array.Copy(_base, _g, _base.Length);
        }

        public State Snapshot() => new(_g.AsSpan(0, _chi * Rank * _chi * Rank).ToArray(), _chi, Rank);

        /// <summary>S(G) = S(E_1 … E_m ∪ AB) at the current bond m.</summary>
        public double Entropy()
        {
            int dim = _chi * Rank;
            return Measures.Entropy.OfMatrix(_g.AsSpan(0, dim * dim), dim, _values, _work);
        }

        /// <summary>S(tr_j G) = S(E_1 … E_m) at the current bond m.</summary>
        public double BondEntropy()
        {
            int n = Rank, dim = _chi * n;
            for (int b1 = 0; b1 < _chi; b1++)
                for (int b2 = 0; b2 < _chi; b2++)
                {
                    Complex sum = 0;
                    for (int j = 0; j < n; j++) sum += _g[(b1 * n + j) * dim + b2 * n + j];
                    _bond[b1 * _chi + b2] = sum;
                }
            return Measures.Entropy.OfMatrix(_bond.AsSpan(0, _chi * _chi), _chi, _values, _work);
        }

        /// <summary>Sweeps from bond K down to <paramref name="stopBond"/>, calling <paramref name="visit"/> at every bond (K first).</summary>
        public void Sweep(int stopBond, Action<int, Environment> visit)
        {
            Reset();
            var sites = _mps.Sites;
            int n = Rank;
            visit(sites.Count, this);
            for (int k = sites.Count - 1; k >= stopBond; k--)
            {
                var a = sites.Data(k);
                int cl = sites.Left(k), p = sites.Physical(k), cr = sites.Right(k);
                int dimR = cr * n;
                // H[(α, σ), j, (β′, j′)] = Σ_β A[α, σ, β] G[(β, j), (β′, j′)].
                int hRow = n * dimR;
                Array.Clear(_h, 0, cl * p * hRow);
                for (int al = 0; al < cl; al++)
                    for (int s = 0; s < p; s++)
                    {
                        int hBase = (al * p + s) * hRow;
                        for (int be = 0; be < cr; be++)
                        {
                            var av = a[(al * p + s) * cr + be];
                            if (av == Complex.Zero) continue;
                            for (int j = 0; j < n; j++)
                            {
                                int gRow = (be * n + j) * dimR;
                                int hr = hBase + j * dimR;
                                for (int col = 0; col < dimR; col++) _h[hr + col] += av * _g[gRow + col];
                            }
                        }
                    }
                // G′[(α, j), (α′, j′)] = Σ_{σ, β′} H[(α, σ), j, (β′, j′)] conj(A[α′, σ, β′]).
                int dimL = cl * n;
                Array.Clear(_g2, 0, dimL * dimL);
                for (int al = 0; al < cl; al++)
                    for (int j = 0; j < n; j++)
                    {
                        int row = (al * n + j) * dimL;
                        for (int s = 0; s < p; s++)
                        {
                            int hr = (al * p + s) * hRow + j * dimR;
                            for (int al2 = 0; al2 < cl; al2++)
                            {
                                int aBase = (al2 * p + s) * cr;
                                for (int be2 = 0; be2 < cr; be2++)
                                {
                                    var ac = Complex.Conjugate(a[aBase + be2]);
                                    if (ac == Complex.Zero) continue;
                                    int hc = hr + be2 * n;
                                    int gc = row + al2 * n;
                                    for (int j2 = 0; j2 < n; j2++) _g2[gc + j2] += _h[hc + j2] * ac;
                                }
                            }
                        }
                    }
                (_g, _g2) = (_g2, _g);
                _chi = cl;
                visit(k, this);
            }
        }
    }
}
