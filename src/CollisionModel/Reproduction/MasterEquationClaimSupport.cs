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

    /// <summary>A matrix as row-major text with 6 significant digits, e.g. for a counterexample in a summary.</summary>
    public static string Text(Matrix<Complex> m)
    {
        var rows = new List<string>();
        for (int i = 0; i < m.RowCount; i++)
        {
            var entries = new List<string>();
            for (int j = 0; j < m.ColumnCount; j++)
            {
                var z = m[i, j];
                entries.Add(z.Imaginary == 0
                    ? z.Real.ToString("G6", CultureInfo.InvariantCulture)
                    : $"{z.Real.ToString("G6", CultureInfo.InvariantCulture)}{(z.Imaginary < 0 ? "-" : "+")}{Math.Abs(z.Imaginary).ToString("G6", CultureInfo.InvariantCulture)}i");
            }
            rows.Add("[" + string.Join(", ", entries) + "]");
        }
        return "[" + string.Join(", ", rows) + "]";
    }

    /// <summary>A state as row-major text (see <see cref="Text(Matrix{Complex})"/>).</summary>
    public static string Text(DensityMatrix rho) => Text(rho.ToMatrix());

    /// <summary>Invariant-culture text of a number with <paramref name="digits"/> significant digits.</summary>
    public static string Number(double x, int digits = 6) => x.ToString("G" + digits, CultureInfo.InvariantCulture);
}
