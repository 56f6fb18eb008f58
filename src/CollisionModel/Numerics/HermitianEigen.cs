using System.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Numerics;

/// <summary>An eigen-decomposition A = V diag(λ) V† of a Hermitian matrix, eigenvalues ascending.</summary>
/// <param name="Values">Real eigenvalues, ascending.</param>
/// <param name="Vectors">Unitary matrix whose columns are the eigenvectors.</param>
public sealed record HermitianEigenDecomposition(double[] Values, Matrix<Complex> Vectors)
{
    /// <summary>Rebuilds V diag(f(λ)) V†: the matrix function f of the decomposed matrix. O(n³).</summary>
    public Matrix<Complex> Map(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var mapped = new double[Values.Length];
        for (int j = 0; j < mapped.Length; j++) mapped[j] = f(Values[j]);
        return WithValues(mapped);
    }

    /// <summary>Rebuilds V diag(μ) V† with the eigenvalues replaced by <paramref name="values"/> (one per column of V). O(n³).</summary>
    public Matrix<Complex> WithValues(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = Values.Length;
        if (values.Count != n) throw new DimensionMismatchException($"Expected {n} eigenvalues, got {values.Count}.", nameof(values));
        var scaled = Vectors.Clone();
        for (int j = 0; j < n; j++)
        {
            double fj = values[j];
            for (int i = 0; i < n; i++) scaled[i, j] *= fj;
        }
        return scaled * Vectors.ConjugateTranspose();
    }
}

/// <summary>
/// Hermitian eigen-decomposition. Small matrices (n ≤ 32) use an allocation-free cyclic Jacobi solver;
/// larger ones MathNet.Numerics' Hermitian EVD. Both return real eigenvalues, never complex noise.
/// </summary>
public static class HermitianEigen
{
    private const int JacobiLimit = 32;

    /// <summary>Decomposes a Hermitian matrix; throws <see cref="NotHermitianException"/> beyond the tolerance. O(n³).</summary>
    public static HermitianEigenDecomposition Decompose(Matrix<Complex> a, double hermiticityTolerance = Tolerances.Hermiticity)
    {
        Guard.Hermitian(a, nameof(a), hermiticityTolerance);
        int n = a.RowCount;
        if (n <= JacobiLimit)
        {
            var work = a.ToColumnMajorArray();
            var values = new double[n];
            var vectors = new Complex[n * n];
            JacobiEigenSolver.Solve(work, n, values, vectors);
            return new HermitianEigenDecomposition(values, Matrix<Complex>.Build.DenseOfColumnMajor(n, n, vectors));
        }
        var symmetric = 0.5 * (a + a.ConjugateTranspose());
        var evd = symmetric.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var vals = order.Select(i => evd.EigenValues[i].Real).ToArray();
        var vecs = Matrix<Complex>.Build.Dense(n, n, (i, j) => evd.EigenVectors[i, order[j]]);
        return new HermitianEigenDecomposition(vals, vecs);
    }

    /// <summary>Eigenvalues only, ascending. O(n³).</summary>
    public static double[] Eigenvalues(Matrix<Complex> a, double hermiticityTolerance = Tolerances.Hermiticity)
    {
        Guard.Hermitian(a, nameof(a), hermiticityTolerance);
        int n = a.RowCount;
        if (n <= JacobiLimit)
        {
            var values = new double[n];
            JacobiEigenSolver.Solve(a.ToColumnMajorArray(), n, values, Span<Complex>.Empty);
            return values;
        }
        return Decompose(a, hermiticityTolerance).Values;
    }

    /// <summary>
    /// Allocation-free eigenvalues of a small Hermitian matrix (column-major n×n in <paramref name="matrix"/>,
    /// not validated, not modified) into <paramref name="values"/>, using <paramref name="workspace"/> (n² entries).
    /// </summary>
    public static void Eigenvalues(ReadOnlySpan<Complex> matrix, int n, Span<double> values, Span<Complex> workspace)
    {
        if (matrix.Length < n * n || workspace.Length < n * n || values.Length < n)
            throw new DimensionMismatchException($"Spans too short for a {n}×{n} eigenproblem.", nameof(matrix));
        matrix[..(n * n)].CopyTo(workspace);
        JacobiEigenSolver.Solve(workspace[..(n * n)], n, values, Span<Complex>.Empty);
    }
}
