using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Numerics;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// S_E, S_AE, S_BE and S_ABE (nats) of a <see cref="CollisionMps"/> with mixed ancillas, where E = the ancillas
/// that have collided apart from their purifying partners (a delay line's returning ancilla waiting in the center
/// included), exactly. The pure global state is contracted once into a dense matrix M[kept, traced] laid out by the
/// bipartition itself (kept = A, B and the ancillas; traced = the partners, R_S and the carried ancillas), the
/// chain's digits and the center's mapped by two small index tables, so no per-amplitude digit loop. When the kept
/// side is the smaller one, ρ_ABE = M M† (<see cref="HermitianGram"/>) is formed once and ρ_AE, ρ_BE, ρ_E are its
/// partial traces: one Gram product of n_ABE²·n_traced/2 multiply-adds, then eigenvalues only
/// (<see cref="HermitianEigen"/>) of dimension n_E, n_AE, n_BE and, when asked, n_ABE. Otherwise (a pure ρ_S(0)
/// with few partners: the traced side is the smaller) each region takes the Gram matrix of the smaller side of its
/// own bipartition. Exponential in the number of ancillas K: dimension (d_E r)^K·d_S·r_S·Π carried.
/// </summary>
internal static class MixedWholeEnvironment
{
    private enum Kind { A, B, E, Traced }

    /// <summary>
    /// ρ_ABE (column-major) over its digits: the chain's ancillas in collision order (<c>Site[f]</c> = k), then the
    /// center's kept digits (<c>Site[f]</c> = −1: the system's subsystems; a delay line's returning ancilla −2).
    /// </summary>
    internal sealed record State(Complex[] Rho, int[] Dims, int[] Site);

    /// <summary>The four entropies; S_ABE is NaN unless <paramref name="withAbe"/>.</summary>
    public static (double E, double AE, double BE, double ABE) Entropies(CollisionMps mps, bool withAbe) =>
        Entropies(mps, withAbe, out _);

    /// <summary>As above, handing out ρ_ABE when it was formed (the kept side the smaller one), else null.</summary>
    public static (double E, double AE, double BE, double ABE) Entropies(CollisionMps mps, bool withAbe, out State? state)
    {
        state = null;
        var (siteDims, siteKinds, centerDims, centerKinds) = Digits(mps);
        var v = ChainVector(mps, out int rows);
        long kept = 1, traced = 1;
        for (int f = 0; f < siteDims.Length; f++) if (siteKinds[f] == Kind.Traced) traced *= siteDims[f]; else kept *= siteDims[f];
        for (int f = 0; f < centerDims.Length; f++) if (centerKinds[f] == Kind.Traced) traced *= centerDims[f]; else kept *= centerDims[f];
        if (kept <= traced)
        {
            // ρ_ABE once; the other three are its partial traces over the kept digits (chain's E, then the center's).
            var m = Layout(mps, v, rows, siteDims, siteKinds, centerDims, centerKinds, k => k != Kind.Traced, out int nk, out int nt);
            var rho = new Complex[(long)nk * nk];
            HermitianGram.Compute(m, nk, nt, rho);
            var keptKinds = siteKinds.Where(k => k != Kind.Traced).Concat(centerKinds.Where(k => k != Kind.Traced)).ToArray();
            var keptDims = siteDims.Where((_, f) => siteKinds[f] != Kind.Traced).Concat(centerDims.Where((_, f) => centerKinds[f] != Kind.Traced)).ToArray();
            double sabe = withAbe ? Entropy.OfMatrix(rho, nk) : double.NaN;
            double sae = EntropyOfReduced(rho, keptDims, keptKinds.Select(k => k != Kind.B).ToArray());
            double sbe = EntropyOfReduced(rho, keptDims, keptKinds.Select(k => k != Kind.A).ToArray());
            double se = EntropyOfReduced(rho, keptDims, keptKinds.Select(k => k == Kind.E).ToArray());
            var sites = keptKinds.Select((k, f) => f < mps.AncillaCount ? f : k == Kind.E ? -2 : -1).ToArray();
            state = new State(rho, keptDims, sites);
            return (se, sae, sbe, sabe);
        }
        double Region(Func<Kind, bool> keep)
        {
            long dk = 1, dt = 1;
            for (int f = 0; f < siteDims.Length; f++) if (keep(siteKinds[f])) dk *= siteDims[f]; else dt *= siteDims[f];
            for (int f = 0; f < centerDims.Length; f++) if (keep(centerKinds[f])) dk *= centerDims[f]; else dt *= centerDims[f];
            // The smaller side: the nonzero spectra of M M† and M† M agree.
            Func<Kind, bool> side = dk <= dt ? keep : k => !keep(k);
            var m = Layout(mps, v, rows, siteDims, siteKinds, centerDims, centerKinds, side, out int nk, out int nt);
            var rho = new Complex[(long)nk * nk];
            HermitianGram.Compute(m, nk, nt, rho);
            return Entropy.OfMatrix(rho, nk);
        }
        return (Region(k => k == Kind.E), Region(k => k is Kind.A or Kind.E), Region(k => k is Kind.B or Kind.E),
            withAbe ? Region(k => k != Kind.Traced) : double.NaN);
    }

    // The fine digits (most significant first) of the chain (per site: ancilla E, partner) and of the center's rest
    // (the system's subsystems as A or B, then per mode: R_S, or a carried ancilla and its partner, or a delay line's
    // returning ancilla, which is in E, and its partner).
    private static (int[] SiteDims, Kind[] SiteKinds, int[] CenterDims, Kind[] CenterKinds) Digits(CollisionMps mps)
    {
        var protocol = mps.Protocol;
        var sd = new List<int>();
        var sk = new List<Kind>();
        var sites = mps.Sites;
        for (int k = 0; k < sites.Count; k++)
        {
            int bath = sites.Bath(k);
            sd.Add(mps.AncillaDimension(bath)); sk.Add(Kind.E);
            sd.Add(mps.PartnerDimension(bath)); sk.Add(Kind.Traced);
        }
        var cd = new List<int>();
        var ck = new List<Kind>();
        var sys = protocol.SystemSpace.Dimensions;
        for (int q = 0; q < sys.Count; q++) { cd.Add(sys[q]); ck.Add(protocol.SubsystemsB.Contains(q) ? Kind.B : Kind.A); }
        var modes = mps.CenterModeDims;
        for (int m = 1; m < modes.Count; m++)
        {
            int bath = mps.CenterModeBaths[m];
            if (bath < 0) { cd.Add(modes[m]); ck.Add(Kind.Traced); continue; }
            cd.Add(mps.AncillaDimension(bath)); ck.Add(mps.IsReturningMode(m) ? Kind.E : Kind.Traced);
            cd.Add(mps.PartnerDimension(bath)); ck.Add(Kind.Traced);
        }
        return (sd.ToArray(), sk.ToArray(), cd.ToArray(), ck.ToArray());
    }

    // The chain contracted left to right: v[(p_1 … p_K), β], rows = Π p_k, β the bond into the center.
    private static Complex[] ChainVector(CollisionMps mps, out int rows)
    {
        var sites = mps.Sites;
        Complex[] v = [Complex.One];
        rows = 1;
        int bond = 1;
        for (int k = 0; k < sites.Count; k++)
        {
            var a = sites.Data(k);
            int p = sites.Physical(k), right = sites.Right(k);
            var next = new Complex[(long)rows * p * right];
            for (int x = 0; x < rows; x++)
            {
                var row = next.AsSpan(x * p * right, p * right);
                for (int al = 0; al < bond; al++)
                {
                    var coef = v[x * bond + al];
                    if (coef == Complex.Zero) continue;
                    var block = a.Slice(al * p * right, p * right);
                    for (int q = 0; q < row.Length; q++) row[q] += coef * block[q];
                }
            }
            v = next; rows *= p; bond = right;
        }
        return v;
    }

    // M[k, t] (row-major nk × nt) with k the kept digits (chain's, then center's) and t the rest, from the chain vector
    // times the center. The index maps are linear in the digits, so one table per side gives (k, t) as sums.
    private static Complex[] Layout(CollisionMps mps, Complex[] v, int rows, int[] siteDims, Kind[] siteKinds,
        int[] centerDims, Kind[] centerKinds, Func<Kind, bool> keep, out int nk, out int nt)
    {
        var (kx, tx, nkx, ntx) = Tables(siteDims, siteKinds, keep);
        var (ky, ty, nky, nty) = Tables(centerDims, centerKinds, keep);
        nk = nkx * nky;
        nt = ntx * nty;
        var m = LargeBuffer.Allocate<Complex>(checked(nk * nt));
        var c = mps.Center;
        int bond = mps.CenterBond, rest = mps.CenterRest;
        var row = new Complex[rest];
        for (int x = 0; x < rows; x++)
        {
            Array.Clear(row);
            for (int be = 0; be < bond; be++)
            {
                var coef = v[x * bond + be];
                if (coef == Complex.Zero) continue;
                var cRow = c.Slice(be * rest, rest);
                for (int y = 0; y < rest; y++) row[y] += coef * cRow[y];
            }
            long baseK = (long)kx[x] * nky, baseT = (long)tx[x] * nty;
            for (int y = 0; y < rest; y++) m[(baseK + ky[y]) * nt + baseT + ty[y]] = row[y];
        }
        return m;
    }

    // For every index over the digits: its kept part and its traced part (mixed radix, most significant first).
    private static (int[] Kept, int[] Traced, int KeptSize, int TracedSize) Tables(int[] dims, Kind[] kinds, Func<Kind, bool> keep)
    {
        int n = 1, nk = 1, nt = 1;
        foreach (int d in dims) n *= d;
        var strideK = new int[dims.Length];
        var strideT = new int[dims.Length];
        for (int f = dims.Length - 1; f >= 0; f--)
        {
            if (keep(kinds[f])) { strideK[f] = nk; nk *= dims[f]; }
            else { strideT[f] = nt; nt *= dims[f]; }
        }
        var kept = new int[n];
        var tr = new int[n];
        for (int x = 0; x < n; x++)
        {
            int rem = x, k = 0, t = 0;
            for (int f = dims.Length - 1; f >= 0; f--)
            {
                int digit = rem % dims[f];
                rem /= dims[f];
                k += digit * strideK[f];
                t += digit * strideT[f];
            }
            kept[x] = k; tr[x] = t;
        }
        return (kept, tr, nk, nt);
    }

    /// <summary>
    /// I(AB : F) for the oldest and newest m ancillas, m ≤ the largest with d_E^m·rank ρ_AB ≤ <paramref name="maxDenseDimension"/>
    /// (the lengths <see cref="EnvironmentFragments.Curves"/> gives), every ρ_{F ∪ AB} and ρ_F a partial trace of
    /// ρ_ABE: no contraction of the chain, only the eigenproblems of dimension d_F·d_S.
    /// </summary>
    public static FragmentCurves Fragments(State state, int ancillas, int maxDenseDimension = EnvironmentFragments.MaxDenseDimension)
    {
        var system = state.Site.Select(s => s == -1).ToArray();
        var rhoS = Reduce(state.Rho, state.Dims, system, out int ds);
        var values = HermitianEigen.Eigenvalues(MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseOfColumnMajor(ds, ds, rhoS));
        double sab = Entropy.FromEigenvalues(values);
        // The support's dimension with EnvironmentFragments' tolerance, so both give curves of the same length.
        long dim = Math.Max(1, values.Count(v => v > 1e-14));
        int mMax = 0;
        while (mMax < ancillas)
        {
            long next = dim * state.Dims[Array.IndexOf(state.Site, mMax)];
            if (next > maxDenseDimension) break;
            dim = next;
            mMax++;
        }
        var oldest = new double[mMax + 1];
        var newest = new double[mMax + 1];
        for (int m = 1; m <= mMax; m++)
        {
            oldest[m] = Information(state, system, f => f >= 0 && f < m, sab);
            // At m = K both fragments are E.
            newest[m] = m == ancillas ? oldest[m] : Information(state, system, f => f >= ancillas - m, sab);
        }
        return new FragmentCurves(oldest, newest, sab, ancillas);
    }

    // I(AB : F) = S_AB + S_F − S_{F ∪ AB}, clamped at 0 as EnvironmentFragments does.
    private static double Information(State state, bool[] system, Func<int, bool> inF, double sab)
    {
        var f = state.Site.Select(s => inF(s)).ToArray();
        var fab = f.Select((x, i) => x || system[i]).ToArray();
        return Math.Max(0, sab + EntropyOfReduced(state.Rho, state.Dims, f) - EntropyOfReduced(state.Rho, state.Dims, fab));
    }

    // S of the partial trace of ρ (column-major over the kept digits) keeping the digits marked.
    private static double EntropyOfReduced(Complex[] rho, int[] dims, bool[] keep)
    {
        var reduced = Reduce(rho, dims, keep, out int nu);
        return Entropy.OfMatrix(reduced, nu);
    }

    // The partial trace of ρ (column-major over the digits) keeping the digits marked, column-major nu × nu.
    private static Complex[] Reduce(Complex[] rho, int[] dims, bool[] keep, out int nu)
    {
        int n = 1;
        foreach (int d in dims) n *= d;
        var kinds = keep.Select(k => k ? Kind.E : Kind.Traced).ToArray();
        var (u, w, nKept, nw) = Tables(dims, kinds, k => k == Kind.E);
        nu = nKept;
        var index = new int[n]; // index[u·nw + w] = the kept-digit index with parts u and w
        for (int k = 0; k < n; k++) index[u[k] * nw + w[k]] = k;
        var reduced = new Complex[(long)nu * nu];
        for (int u2 = 0; u2 < nu; u2++)
            for (int u1 = 0; u1 < nu; u1++)
            {
                Complex sum = 0;
                for (int x = 0; x < nw; x++) sum += rho[index[u1 * nw + x] + (long)index[u2 * nw + x] * n];
                reduced[u1 + (long)u2 * nu] = sum;
            }
        return reduced;
    }
}
