using System.Numerics;
using static CollisionModel.Measures.Entanglement.TwoQubitKernels;

namespace CollisionModel.Measures.Entanglement;

/// <summary>Closed-form E_R and σ* for the structured two-qubit states (nats). Inputs are column-major 4×4.</summary>
internal static class ClosedForms
{
    /// <summary>Support on |00⟩, |11⟩ only (every other entry ≤ tol in magnitude).</summary>
    public static bool IsMaximallyCorrelated(ReadOnlySpan<Complex> rho, double tol)
    {
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
            {
                bool inBlock = (i == 0 || i == 3) && (j == 0 || j == 3);
                if (!inBlock && rho[i + 4 * j].Magnitude > tol) return false;
            }
        return true;
    }

    /// <summary>Only the diagonal and the anti-diagonal (ρ14, ρ23 in 1-based labels) are non-zero.</summary>
    public static bool IsXState(ReadOnlySpan<Complex> rho, double tol)
    {
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
                if (i != j && i + j != 3 && rho[i + 4 * j].Magnitude > tol) return false;
        return true;
    }

    /// <summary>Diagonal in the Bell basis: ρ00 = ρ33, ρ11 = ρ22, real ρ03 and ρ12, all else zero.</summary>
    public static bool IsBellDiagonal(ReadOnlySpan<Complex> rho, double tol) =>
        IsXState(rho, tol)
        && Math.Abs(rho[0].Real - rho[15].Real) <= tol
        && Math.Abs(rho[5].Real - rho[10].Real) <= tol
        && Math.Abs(rho[0 + 4 * 3].Imaginary) <= tol
        && Math.Abs(rho[1 + 4 * 2].Imaginary) <= tol;

    /// <summary>E_R = S(diag) − S(ρ) on the {|00⟩, |11⟩} block; σ* = diag(ρ00, 0, 0, ρ33).</summary>
    public static (double Value, Complex[] Sigma) MaximallyCorrelated(ReadOnlySpan<Complex> rho)
    {
        double p = rho[0].Real, q = rho[15].Real;
        double c = rho[0 + 4 * 3].Magnitude;
        // Eigenvalues of [[p, c], [c*, q]] in a cancellation-free form.
        double mean = 0.5 * (p + q), rad = Math.Sqrt(0.25 * (p - q) * (p - q) + c * c);
        double l1 = mean + rad, l2 = (p * q - c * c) / l1;
        double value = Entropy.Shannon([p, q]) - Entropy.Shannon([l1, Math.Max(l2, 0)]);
        var sigma = new Complex[Size];
        sigma[0] = p;
        sigma[15] = q;
        return (Math.Max(value, 0), sigma);
    }

    /// <summary>Bell-diagonal with weights λ, λ_max &gt; ½: E_R = ln 2 − h(λ_max); σ* sets λ_max to ½ and rescales the others.</summary>
    public static (double Value, Complex[] Sigma)? BellDiagonal(ReadOnlySpan<Complex> rho)
    {
        // Weights of Φ+, Φ−, Ψ+, Ψ−.
        Span<double> w = [rho[0].Real + rho[12].Real, rho[0].Real - rho[12].Real, rho[5].Real + rho[9].Real, rho[5].Real - rho[9].Real];
        int k = 0;
        for (int i = 1; i < 4; i++) if (w[i] > w[k]) k = i;
        double lmax = w[k];
        if (lmax <= 0.5) return null;
        Span<double> mu = stackalloc double[4];
        double rest = 1 - lmax;
        for (int i = 0; i < 4; i++) mu[i] = i == k ? 0.5 : (rest > 0 ? 0.5 * w[i] / rest : 0.5 / 3);
        var sigma = new Complex[Size];
        sigma[0] = sigma[15] = 0.5 * (mu[0] + mu[1]);
        sigma[12] = sigma[3] = 0.5 * (mu[0] - mu[1]);
        sigma[5] = sigma[10] = 0.5 * (mu[2] + mu[3]);
        sigma[9] = sigma[6] = 0.5 * (mu[2] - mu[3]);
        return (Math.Log(2) - Entropy.Binary(lmax), sigma);
    }

    /// <summary>
    /// Pure ρ = |ψ⟩⟨ψ| (ψ = top eigenvector): E_R = −Σ s_k² ln s_k² over the Schmidt coefficients,
    /// σ* = Σ s_k² |u_k v_k⟩⟨u_k v_k|.
    /// </summary>
    public static (double Value, Complex[] Sigma) Pure(ReadOnlySpan<Complex> psi)
    {
        // C_ab = ψ[2a + b]; CC† = U diag(s²) U†; v_k[b] = Σ_a conj(U_ak) C_ab / s_k.
        Span<Complex> cc = stackalloc Complex[4];
        for (int a = 0; a < 2; a++)
            for (int a2 = 0; a2 < 2; a2++)
            {
                Complex s = Complex.Zero;
                for (int b = 0; b < 2; b++) s += psi[2 * a + b] * Complex.Conjugate(psi[2 * a2 + b]);
                cc[a + 2 * a2] = s;
            }
        Span<double> s2 = stackalloc double[2];
        Span<Complex> u = stackalloc Complex[4];
        Numerics.HermitianEigen.Decompose(cc, 2, s2, u, stackalloc Complex[4]);
        double norm = Math.Max(s2[0], 0) + Math.Max(s2[1], 0);
        var sigma = new Complex[Size];
        double value = 0;
        Span<Complex> prod = stackalloc Complex[4];
        Span<Complex> v = stackalloc Complex[2];
        for (int k = 0; k < 2; k++)
        {
            double weight = Math.Max(s2[k], 0) / norm;
            if (weight <= 0) continue;
            value -= weight * Math.Log(weight);
            double sk = Math.Sqrt(s2[k]);
            for (int b = 0; b < 2; b++)
            {
                Complex acc = Complex.Zero;
                for (int a = 0; a < 2; a++) acc += Complex.Conjugate(u[a + 2 * k]) * psi[2 * a + b];
                v[b] = acc / sk;
            }
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                    prod[2 * a + b] = u[a + 2 * k] * v[b];
            double pn = 0;
            foreach (var z in prod) pn += z.Real * z.Real + z.Imaginary * z.Imaginary;
            for (int j = 0; j < Dim; j++)
                for (int i = 0; i < Dim; i++)
                    sigma[i + 4 * j] += weight * prod[i] * Complex.Conjugate(prod[j]) / pn;
        }
        return (value, sigma);
    }
}
