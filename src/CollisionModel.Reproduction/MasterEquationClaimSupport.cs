using System.Globalization;
using System.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Reproduction;

/// <summary>Small helpers shared by the eq. (5) claims (1–4, 8): time grids and compact matrix text.</summary>
internal static class MasterEquationClaimSupport
{
    /// <summary>n equally spaced times from <paramref name="start"/> to <paramref name="end"/> inclusive.</summary>
    public static double[] Grid(double start, double end, int n) =>
        Enumerable.Range(0, n).Select(i => i == n - 1 ? end : start + i * (end - start) / (n - 1)).ToArray();

    /// <summary>tr(A B) for square matrices, real part (both Hermitian here).</summary>
    public static double TraceProduct(Matrix<Complex> a, Matrix<Complex> b) => (a * b).Trace().Real;

    /// <summary>A matrix as row-major text with <paramref name="digits"/> significant digits (a counterexample in a summary).</summary>
    public static string Text(Matrix<Complex> m, int digits = 10)
    {
        var rows = new List<string>();
        for (int i = 0; i < m.RowCount; i++)
        {
            var entries = new List<string>();
            for (int j = 0; j < m.ColumnCount; j++)
            {
                var z = m[i, j];
                entries.Add(z.Imaginary == 0
                    ? Number(z.Real, digits)
                    : $"{Number(z.Real, digits)}{(z.Imaginary < 0 ? "-" : "+")}{Number(Math.Abs(z.Imaginary), digits)}i");
            }
            rows.Add("[" + string.Join(", ", entries) + "]");
        }
        return "[" + string.Join(", ", rows) + "]";
    }

    /// <summary>A state as row-major text (see <see cref="Text(Matrix{Complex}, int)"/>).</summary>
    public static string Text(DensityMatrix rho, int digits = 10) => Text(rho.ToMatrix(), digits);

    /// <summary>Invariant-culture text of a number with <paramref name="digits"/> significant digits.</summary>
    public static string Number(double x, int digits = 6) => x.ToString("G" + digits, CultureInfo.InvariantCulture);
}
