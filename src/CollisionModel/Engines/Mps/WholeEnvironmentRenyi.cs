using System.Numerics;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// The Rényi-2 entropies of the whole environment of a <see cref="CollisionMps"/> at any K, also with mixed
/// ancillas, where the von Neumann ones need a dense state of dimension d_E^K: tr ρ_X² is the overlap of two copies
/// of the global state with X exchanged between the copies and everything else (partners, the rest of the system,
/// carried next ancillas) traced within each copy. Swept left to right with the four-copy transfer matrix of each
/// site, T[(α₁α₁′α₂α₂′), (β₁β₁′β₂β₂′)] = Σ A[α₁,(e ρ),β₁] A*[α₁′,(e′ ρ),β₁′] A[α₂,(e′ ρ′),β₂] A*[α₂′,(e ρ′),β₂′]
/// (the ancilla e exchanged, the partner ρ kept within its copy), then closed with the center. O(K·χ⁵·d_E·r)
/// time, O(χ⁴) memory. For pure ancillas without memory S₂(E) = S₂(AB), a check.
/// </summary>
public static class WholeEnvironmentRenyi
{
    /// <summary>S₂(E), S₂(AE), S₂(BE), S₂(ABE) in nats (E = every ancilla so far). O(K χ⁵ d_E r).</summary>
    public static RenyiEntropies Compute(CollisionMps mps)
    {
        ArgumentNullException.ThrowIfNull(mps);
        var sites = mps.Sites;
        // L[a1, a1', a2, a2'] at bond 0 (dimension 1).
        int chi = 1;
        var l = new Complex[] { 1 };
        for (int k = 0; k < sites.Count; k++)
        {
            var a = sites.Data(k);
            int cl = sites.Left(k), p = sites.Physical(k), cr = sites.Right(k);
            int r = mps.PartnerDimension(sites.Bath(k)), d = p / r;
            l = Absorb(l, a, cl, d, r, cr);
            chi = cr;
        }
        // Close with the center: rest digits (system subsystems …, carried (e, ρ) …); X's system digits and nothing
        // else are exchanged between the copies.
        double E = Close(mps, l, chi, swapA: false, swapB: false);
        double AE = Close(mps, l, chi, swapA: true, swapB: false);
        double BE = Close(mps, l, chi, swapA: false, swapB: true);
        double ABE = Close(mps, l, chi, swapA: true, swapB: true);
        return new RenyiEntropies(E, AE, BE, ABE);
    }

    private static Complex[] Absorb(Complex[] l, ReadOnlySpan<Complex> a, int c, int d, int r, int n)
    {
        int p = d * r;
        // A[α, (e ρ), β] = a[(α p + e r + ρ) n + β].
        // X1[a1', a2, a2', e, ρ, b1] = Σ_a1 L[a1, a1', a2, a2'] A[a1, (e ρ), b1]
        var x1 = new Complex[c * c * c * p * n];
        for (int a1 = 0; a1 < c; a1++)
            for (int rest = 0; rest < c * c * c; rest++)
            {
                var lv = l[a1 * c * c * c + rest];
                if (lv == Complex.Zero) continue;
                for (int q = 0; q < p; q++)
                    for (int b1 = 0; b1 < n; b1++)
                        x1[(rest * p + q) * n + b1] += lv * a[(a1 * p + q) * n + b1];
            }
        // X2[a2, a2', e, b1, e', b1'] = Σ_{a1', ρ} X1[a1', a2, a2', e, ρ, b1] conj(A[a1', (e' ρ), b1'])
        var x2 = new Complex[c * c * d * n * d * n];
        for (int a1p = 0; a1p < c; a1p++)
            for (int a2 = 0; a2 < c; a2++)
                for (int a2p = 0; a2p < c; a2p++)
                    for (int e = 0; e < d; e++)
                        for (int rho = 0; rho < r; rho++)
                            for (int b1 = 0; b1 < n; b1++)
                            {
                                var xv = x1[((((a1p * c + a2) * c + a2p) * p) + e * r + rho) * n + b1];
                                if (xv == Complex.Zero) continue;
                                for (int ep = 0; ep < d; ep++)
                                    for (int b1p = 0; b1p < n; b1p++)
                                        x2[((((a2 * c + a2p) * d + e) * n + b1) * d + ep) * n + b1p] +=
                                            xv * Complex.Conjugate(a[(a1p * p + ep * r + rho) * n + b1p]);
                            }
        // X3[a2', e, b1, b1', ρ', b2] = Σ_{a2, e'} X2[a2, a2', e, b1, e', b1'] A[a2, (e' ρ'), b2]
        var x3 = new Complex[c * d * n * n * r * n];
        for (int a2 = 0; a2 < c; a2++)
            for (int a2p = 0; a2p < c; a2p++)
                for (int e = 0; e < d; e++)
                    for (int b1 = 0; b1 < n; b1++)
                        for (int ep = 0; ep < d; ep++)
                            for (int b1p = 0; b1p < n; b1p++)
                            {
                                var xv = x2[((((a2 * c + a2p) * d + e) * n + b1) * d + ep) * n + b1p];
                                if (xv == Complex.Zero) continue;
                                for (int rp = 0; rp < r; rp++)
                                    for (int b2 = 0; b2 < n; b2++)
                                        x3[((((a2p * d + e) * n + b1) * n + b1p) * r + rp) * n + b2] += xv * a[(a2 * p + ep * r + rp) * n + b2];
                            }
        // L'[b1, b1', b2, b2'] = Σ_{a2', e, ρ'} X3[a2', e, b1, b1', ρ', b2] conj(A[a2', (e ρ'), b2'])
        var next = new Complex[n * n * n * n];
        for (int a2p = 0; a2p < c; a2p++)
            for (int e = 0; e < d; e++)
                for (int b1 = 0; b1 < n; b1++)
                    for (int b1p = 0; b1p < n; b1p++)
                        for (int rp = 0; rp < r; rp++)
                            for (int b2 = 0; b2 < n; b2++)
                            {
                                var xv = x3[((((a2p * d + e) * n + b1) * n + b1p) * r + rp) * n + b2];
                                if (xv == Complex.Zero) continue;
                                for (int b2p = 0; b2p < n; b2p++)
                                    next[((b1 * n + b1p) * n + b2) * n + b2p] += xv * Complex.Conjugate(a[(a2p * p + e * r + rp) * n + b2p]);
                            }
        return next;
    }

    // tr ρ_X² = Σ L[b1,b1',b2,b2'] C[b1, x] C*[b1', x̃] C[b2, y] C*[b2', ỹ] with x̃ (ỹ) = x (y) except that the swapped
    // system digits are exchanged between the copies: x̃ = y and ỹ = x on those digits.
    private static double Close(CollisionMps mps, Complex[] l, int chi, bool swapA, bool swapB)
    {
        var c = mps.Center;
        int rest = mps.CenterRest;
        var sysDims = mps.Protocol.SystemSpace.Dimensions;
        int ds = mps.SystemDimension, tc = rest / ds;
        var inB = Enumerable.Range(0, sysDims.Count).Select(q => mps.Protocol.SubsystemsB.Contains(q)).ToArray();
        // For system indices s1, s2: the exchanged pair (s1~, s2~).
        var swapped = new int[ds * ds];
        var dig1 = new int[sysDims.Count];
        var dig2 = new int[sysDims.Count];
        for (int s1 = 0; s1 < ds; s1++)
            for (int s2 = 0; s2 < ds; s2++)
            {
                int r1 = s1, r2 = s2;
                for (int q = sysDims.Count - 1; q >= 0; q--) { dig1[q] = r1 % sysDims[q]; r1 /= sysDims[q]; dig2[q] = r2 % sysDims[q]; r2 /= sysDims[q]; }
                int t1 = 0, t2 = 0;
                for (int q = 0; q < sysDims.Count; q++)
                {
                    bool swap = inB[q] ? swapB : swapA;
                    t1 = t1 * sysDims[q] + (swap ? dig2[q] : dig1[q]);
                    t2 = t2 * sysDims[q] + (swap ? dig1[q] : dig2[q]);
                }
                swapped[s1 * ds + s2] = t1 * ds + t2;
            }
        Complex sum = 0;
        for (int b1 = 0; b1 < chi; b1++)
            for (int b1p = 0; b1p < chi; b1p++)
                for (int b2 = 0; b2 < chi; b2++)
                    for (int b2p = 0; b2p < chi; b2p++)
                    {
                        var lv = l[((b1 * chi + b1p) * chi + b2) * chi + b2p];
                        if (lv == Complex.Zero) continue;
                        Complex inner = 0;
                        for (int s1 = 0; s1 < ds; s1++)
                            for (int s2 = 0; s2 < ds; s2++)
                            {
                                int sw = swapped[s1 * ds + s2], t1 = sw / ds, t2 = sw % ds;
                                for (int x = 0; x < tc; x++)
                                    for (int y = 0; y < tc; y++)
                                        inner += c[b1 * rest + s1 * tc + x] * Complex.Conjugate(c[b1p * rest + t1 * tc + x])
                                            * c[b2 * rest + s2 * tc + y] * Complex.Conjugate(c[b2p * rest + t2 * tc + y]);
                            }
                        sum += lv * inner;
                    }
        double purity = Math.Clamp(sum.Real, double.Epsilon, 1);
        return -Math.Log(purity);
    }
}
