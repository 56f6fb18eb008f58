using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// Real coordinates of d × d Hermitian matrices in the orthonormal Hermitian basis E_ii, (E_ij + E_ji)/√2 and
/// i(E_ij − E_ji)/√2 (i &lt; j): x_(i,i) = ρ_ii, x_(i,j) = √2 Re ρ_ij, x_(j,i) = √2 Im ρ_ij, stored at the column-major
/// position of (i, j) (index i + j·d). A Hermiticity-preserving map (every conditional map of a measured collision is
/// completely positive) is a real d² × d² matrix in these coordinates, so the monitoring kernels run on doubles: a
/// quarter of the floating-point work of the complex superoperator. tr ρ = Σ_i x_(i,i).
/// </summary>
internal static class HermitianCoordinates
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    /// <summary>The real d² × d² matrix (row-major) of a Hermiticity-preserving superoperator in column stacking. O(d⁶).</summary>
    public static double[] Real(Matrix<Complex> superoperator, int d)
    {
        int d2 = d * d;
        var t = Transform(d);
        var real = t * superoperator * t.ConjugateTranspose();
        var result = new double[d2 * d2];
        for (int r = 0; r < d2; r++)
            for (int c = 0; c < d2; c++) result[r * d2 + c] = real[r, c].Real;
        return result;
    }

    /// <summary>The coordinates of a Hermitian matrix given column-major. O(d²).</summary>
    public static void FromMatrix(ReadOnlySpan<Complex> rho, Span<double> x, int d)
    {
        for (int j = 0; j < d; j++)
        {
            x[j + j * d] = rho[j + j * d].Real;
            for (int i = 0; i < j; i++)
            {
                // Average the two triangles so a matrix Hermitian only to rounding maps to its Hermitian part.
                var z = 0.5 * (rho[i + j * d] + Complex.Conjugate(rho[j + i * d]));
                x[i + j * d] = Sqrt2 * z.Real;
                x[j + i * d] = Sqrt2 * z.Imaginary;
            }
        }
    }

    /// <summary>The Hermitian matrix (column-major) of coordinates x. O(d²).</summary>
    public static void ToMatrix(ReadOnlySpan<double> x, Span<Complex> rho, int d)
    {
        for (int j = 0; j < d; j++)
        {
            rho[j + j * d] = x[j + j * d];
            for (int i = 0; i < j; i++)
            {
                var z = new Complex(x[i + j * d], x[j + i * d]) / Sqrt2;
                rho[i + j * d] = z;
                rho[j + i * d] = Complex.Conjugate(z);
            }
        }
    }

    /// <summary>tr ρ from the coordinates. O(d).</summary>
    public static double Trace(ReadOnlySpan<double> x, int d)
    {
        double t = 0;
        for (int i = 0; i < d; i++) t += x[i + i * d];
        return t;
    }

    /// <summary>y += M x for a row-major n × n real M. O(n²), allocation-free.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> matrix, ReadOnlySpan<double> x, Span<double> y, int n)
    {
        for (int r = 0; r < n; r++)
        {
            var row = matrix.Slice(r * n, n);
            double sum = 0;
            for (int c = 0; c < n; c++) sum += row[c] * x[c];
            y[r] += sum;
        }
    }

    /// <summary>The row vector of the trace functional (x ↦ tr ρ), length d².</summary>
    public static double[] TraceFunctional(int d)
    {
        var t = new double[d * d];
        for (int i = 0; i < d; i++) t[i + i * d] = 1;
        return t;
    }

    // x = T vec ρ; T is unitary (the basis is orthonormal), so a superoperator S becomes T S T†.
    private static Matrix<Complex> Transform(int d)
    {
        int d2 = d * d;
        var t = Matrix<Complex>.Build.Dense(d2, d2);
        for (int j = 0; j < d; j++)
        {
            t[j + j * d, j + j * d] = 1;
            for (int i = 0; i < j; i++)
            {
                int upper = i + j * d, lower = j + i * d;
                // x_upper = (ρ_ij + ρ_ji)/√2, x_lower = (ρ_ij − ρ_ji)/(√2 i).
                t[upper, upper] = 1 / Sqrt2;
                t[upper, lower] = 1 / Sqrt2;
                t[lower, upper] = new Complex(0, -1 / Sqrt2);
                t[lower, lower] = new Complex(0, 1 / Sqrt2);
            }
        }
        return t;
    }
}
