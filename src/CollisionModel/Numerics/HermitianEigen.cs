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
/// The one entry point for Hermitian spectra; it dispatches by size to the specialised kernels, which nothing else
/// calls. Validated matrices: <see cref="Decompose(Matrix{Complex}, double)"/> and
/// <see cref="Eigenvalues(Matrix{Complex}, double)"/> use the allocation-free cyclic Jacobi solver up to n = 32 and
/// MathNet's Hermitian EVD above (ascending, real, never complex noise). Spans on the hot paths (not validated,
/// allocation-free up to n = 32): <see cref="Decompose(ReadOnlySpan{Complex}, int, Span{double}, Span{Complex}, Span{Complex})"/>
/// takes the 4×4 Jacobi specialisation at n = 4 and cyclic Jacobi otherwise;
/// <see cref="Eigenvalues(ReadOnlySpan{Complex}, int, Span{double}, Span{Complex})"/> the 2×2 closed form,
/// Householder + QL up to n = 32 and the column-oriented dense tridiagonalisation above.
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
    /// Eigenvalues (unsorted) of a Hermitian matrix (column-major n×n in <paramref name="matrix"/>, lower triangle
    /// trusted, not validated, not modified) into <paramref name="values"/>, using <paramref name="workspace"/>
    /// (n² entries when n ≤ 32). n ≤ 2 in closed form, n ≤ 32 Householder + QL allocation-free, above the dense
    /// tridiagonalisation (allocates O(n²)). O(n³); eigenvalues to a few ulps of ‖A‖.
    /// </summary>
    // Inlined into the per-collision callers (Entropy.OfMatrix): the 2×2 closed form is most of a qubit run's
    // eigenproblems, and a call plus the span checks cost as much as the closed form itself.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Eigenvalues(ReadOnlySpan<Complex> matrix, int n, Span<double> values, Span<Complex> workspace)
    {
        if (n == 2 && matrix.Length >= 4 && values.Length >= 2 && workspace.Length >= 4)
        {
            double a = matrix[0].Real, d = matrix[3].Real;
            double half = 0.5 * (a + d);
            double r = Math.Sqrt(0.25 * (a - d) * (a - d) + matrix[1].Real * matrix[1].Real + matrix[1].Imaginary * matrix[1].Imaginary);
            values[0] = half - r;
            values[1] = half + r;
            return;
        }
        EigenvaluesOtherwise(matrix, n, values, workspace);
    }

    private static void EigenvaluesOtherwise(ReadOnlySpan<Complex> matrix, int n, Span<double> values, Span<Complex> workspace)
    {
        if (n < 1 || matrix.Length < n * n || values.Length < n || (n <= SmallHermitianEigenvalues.MaxDimension && workspace.Length < n * n))
            throw new DimensionMismatchException($"Spans too short for a {n}×{n} eigenproblem.", nameof(matrix));
        if (n == 1)
        {
            values[0] = matrix[0].Real;
            return;
        }
        if (n <= SmallHermitianEigenvalues.MaxDimension)
        {
            SmallHermitianEigenvalues.Compute(matrix, n, values, workspace);
            return;
        }
        DenseSpectrum.Eigenvalues(matrix[..(n * n)].ToArray(), n).CopyTo(values);
    }

    /// <summary>
    /// Eigen-decomposition of a small Hermitian matrix (column-major n×n in <paramref name="matrix"/>, lower triangle's
    /// Hermitian part trusted, not validated, not modified): ascending <paramref name="values"/> and, when
    /// <paramref name="vectors"/> is non-empty (n² entries), the eigenvectors as its columns; <paramref name="workspace"/>
    /// n² entries (unused at n = 4). The 4×4 Jacobi specialisation at n = 4 (the REE solver's size), cyclic Jacobi otherwise (n ≤ 32).
    /// Allocation-free, O(n³).
    /// </summary>
    public static void Decompose(ReadOnlySpan<Complex> matrix, int n, Span<double> values, Span<Complex> vectors, Span<Complex> workspace)
    {
        if (n < 1 || n > JacobiLimit || matrix.Length < n * n || values.Length < n || (n != 4 && workspace.Length < n * n)
            || (!vectors.IsEmpty && vectors.Length < n * n))
            throw new DimensionMismatchException($"Spans too short or n = {n} too large for a small {n}×{n} eigenproblem.", nameof(matrix));
        if (n == 4)
        {
            Hermitian4Eigen.Solve(matrix, values, vectors);
            return;
        }
        matrix[..(n * n)].CopyTo(workspace);
        JacobiEigenSolver.Solve(workspace[..(n * n)], n, values, vectors);
    }
}
