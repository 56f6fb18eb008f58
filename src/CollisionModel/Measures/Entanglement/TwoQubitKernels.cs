using System.Numerics;
using CollisionModel.Numerics;

namespace CollisionModel.Measures.Entanglement;

/// <summary>
/// Allocation-free 4×4 kernels for the relative-entropy-of-entanglement solver (two qubits, basis |00>, |01>,
/// |10>, |11>, A most significant). All matrices are column-major spans of 16 entries: M[i, j] = m[i + 4j].
/// </summary>
internal static class TwoQubitKernels
{
    /// <summary>Matrix dimension of a two-qubit operator.</summary>
    public const int Dim = 4;

    /// <summary>Number of entries of a two-qubit operator.</summary>
    public const int Size = 16;

    /// <summary>Partial transpose on qubit B: ⟨a b|M^Γ|a' b'⟩ = ⟨a b'|M|a' b⟩. Same spectrum as the transpose on A.</summary>
    public static void PartialTranspose(ReadOnlySpan<Complex> m, Span<Complex> destination)
    {
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                for (int a2 = 0; a2 < 2; a2++)
                    for (int b2 = 0; b2 < 2; b2++)
                        destination[(2 * a + b) + 4 * (2 * a2 + b2)] = m[(2 * a + b2) + 4 * (2 * a2 + b)];
    }

    /// <summary>Eigen-decomposition (ascending values, eigenvectors as columns) of a Hermitian 4×4; m is not modified.</summary>
    public static void Eigen(ReadOnlySpan<Complex> m, Span<double> values, Span<Complex> vectors, Span<Complex> scratch)
    {
        HermitianEigen.Decompose(m, Dim, values, vectors, scratch);
    }

    /// <summary>Smallest eigenvalue of a Hermitian 4×4.</summary>
    public static double MinEigenvalue(ReadOnlySpan<Complex> m, Span<Complex> scratch)
    {
        Span<double> values = stackalloc double[Dim];
        HermitianEigen.Decompose(m, Dim, values, Span<Complex>.Empty, scratch);
        return values[0];
    }

    /// <summary>c = a·b.</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c)
    {
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
            {
                Complex s = Complex.Zero;
                for (int k = 0; k < Dim; k++) s += a[i + 4 * k] * b[k + 4 * j];
                c[i + 4 * j] = s;
            }
    }

    /// <summary>c = a†·b.</summary>
    public static void MultiplyAdjointLeft(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c)
    {
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
            {
                Complex s = Complex.Zero;
                for (int k = 0; k < Dim; k++) s += Complex.Conjugate(a[k + 4 * i]) * b[k + 4 * j];
                c[i + 4 * j] = s;
            }
    }

    /// <summary>c = a·b†.</summary>
    public static void MultiplyAdjointRight(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c)
    {
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
            {
                Complex s = Complex.Zero;
                for (int k = 0; k < Dim; k++) s += a[i + 4 * k] * Complex.Conjugate(b[j + 4 * k]);
                c[i + 4 * j] = s;
            }
    }

    /// <summary>Re tr(a·b) for Hermitian a, b.</summary>
    public static double TraceProduct(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double s = 0;
        for (int j = 0; j < Dim; j++)
            for (int k = 0; k < Dim; k++)
                s += (a[j + 4 * k] * b[k + 4 * j]).Real;
        return s;
    }

    /// <summary>
    /// G = D ln_σ(X) (Daleckii–Krein, docs/conventions.md §4) for σ = V diag(λ) V† with all λ &gt; 0:
    /// G = V [(V†XV) ∘ f(λ_i, λ_j)] V†. Uses two 16-entry scratch spans.
    /// </summary>
    public static void LogDerivative(ReadOnlySpan<double> lambda, ReadOnlySpan<Complex> v, ReadOnlySpan<Complex> x,
        Span<Complex> destination, Span<Complex> scratch1, Span<Complex> scratch2)
    {
        MultiplyAdjointLeft(v, x, scratch1);
        Multiply(scratch1, v, scratch2);
        for (int j = 0; j < Dim; j++)
            for (int i = 0; i < Dim; i++)
                scratch2[i + 4 * j] *= Numerics.LogDerivative.DividedDifference(lambda[i], lambda[j]);
        Multiply(v, scratch2, scratch1);
        MultiplyAdjointRight(scratch1, v, destination);
    }

    /// <summary>Re ⟨v_j|x|v_j⟩ for column j of v (4×4, column-major): the weight of x on an eigenvector. O(16).</summary>
    public static double EigenvectorWeight(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> v, int j)
    {
        double w = 0;
        for (int k = 0; k < Dim; k++)
        {
            Complex xv = Complex.Zero;
            for (int l = 0; l < Dim; l++) xv += x[k + 4 * l] * v[l + 4 * j];
            w += (Complex.Conjugate(v[k + 4 * j]) * xv).Real;
        }
        return w;
    }

    /// <summary>−tr ρ ln σ for σ = V diag(λ) V† (λ &gt; 0): −Σ_j ⟨v_j|ρ|v_j⟩ ln λ_j. ρ's weight on directions with λ ≤ 0 gives +∞.</summary>
    public static double CrossEntropy(ReadOnlySpan<Complex> rho, ReadOnlySpan<double> lambda, ReadOnlySpan<Complex> v)
    {
        double s = 0;
        for (int j = 0; j < Dim; j++)
        {
            double w = EigenvectorWeight(rho, v, j);
            if (lambda[j] > 0) s -= w * Math.Log(lambda[j]);
            else if (w > 0) return double.PositiveInfinity;
        }
        return s;
    }

    /// <summary>Makes m exactly Hermitian: m ← (m + m†)/2.</summary>
    public static void Hermitize(Span<Complex> m)
    {
        for (int j = 0; j < Dim; j++)
        {
            m[j + 4 * j] = new Complex(m[j + 4 * j].Real, 0);
            for (int i = j + 1; i < Dim; i++)
            {
                Complex h = 0.5 * (m[i + 4 * j] + Complex.Conjugate(m[j + 4 * i]));
                m[i + 4 * j] = h;
                m[j + 4 * i] = Complex.Conjugate(h);
            }
        }
    }
}
