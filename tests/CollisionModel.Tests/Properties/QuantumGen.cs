using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CsCheck;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Properties;

/// <summary>
/// CsCheck generators of quantum objects built from plain arrays of doubles in [−1, 1], so that shrinking moves the
/// underlying entries toward 0 (towards simpler, more structured matrices) and a failure reduces to a small example.
/// </summary>
internal static class QuantumGen
{
    private static readonly Gen<double> Entry = Gen.Double[-1, 1];

    /// <summary>A rows×columns complex matrix with entries in the unit square.</summary>
    public static Gen<Matrix<Complex>> Matrix(int rows, int columns) =>
        Entry.Array[2 * rows * columns].Select(a =>
            Matrix<Complex>.Build.Dense(rows, columns, (i, j) => new Complex(a[2 * (i + j * rows)], a[2 * (i + j * rows) + 1])));

    /// <summary>A Hermitian d×d matrix (entries of magnitude ≤ √2).</summary>
    public static Gen<Matrix<Complex>> Hermitian(int d) =>
        Matrix(d, d).Select(g => 0.5 * (g + g.ConjugateTranspose()));

    /// <summary>
    /// A density matrix on <paramref name="space"/> of random rank 1..D: G G† / tr for a D×r matrix G (the induced
    /// measure when the entries are Gaussian). A G that shrank to (almost) zero gives the maximally mixed state.
    /// </summary>
    public static Gen<DensityMatrix> State(CompositeSpace space) =>
        Gen.Int[1, space.Dimension].SelectMany(r => Matrix(space.Dimension, r)).Select(g => FromFactor(g, space));

    /// <summary>A full-rank density matrix: G G† + ε·1 normalised, ε ∈ [1e-3, 0.1] so every eigenvalue is ≥ ε/(tr).</summary>
    public static Gen<DensityMatrix> FullRankState(CompositeSpace space) =>
        Gen.Select(Matrix(space.Dimension, space.Dimension), Gen.Double[1e-3, 0.1], (g, eps) =>
        {
            var m = g * g.ConjugateTranspose() + eps * Matrix<Complex>.Build.DenseIdentity(space.Dimension);
            return DensityMatrix.Create(m / m.Trace(), space);
        });

    private static DensityMatrix FromFactor(Matrix<Complex> g, CompositeSpace space)
    {
        var m = g * g.ConjugateTranspose();
        double tr = m.Trace().Real;
        if (tr < 1e-6) return DensityMatrix.MaximallyMixed(space);
        m /= tr;
        return DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), space);
    }

    /// <summary>A d×d unitary: Q of the QR decomposition of a random matrix (plus 1e-3·1, so the matrix is invertible).</summary>
    public static Gen<Matrix<Complex>> Unitary(int d) =>
        Matrix(d, d).Select(g => Orthonormalise(g + 1e-3 * Matrix<Complex>.Build.DenseIdentity(d)));

    /// <summary>
    /// Kraus operators of a CPTP map on dimension d with 1..<paramref name="maxKraus"/> operators: the blocks of an
    /// isometry V: C^d → C^d ⊗ C^k (the first d columns of a unitary on C^{dk}), so Σ K†K = V†V = 1.
    /// </summary>
    public static Gen<Matrix<Complex>[]> Channel(int d, int maxKraus) =>
        Gen.Int[1, maxKraus].SelectMany(k => Unitary(d * k).Select(u =>
        {
            var kraus = new Matrix<Complex>[k];
            for (int e = 0; e < k; e++)
                kraus[e] = Matrix<Complex>.Build.Dense(d, d, (i, j) => u[i * k + e, j]);
            return kraus;
        }));

    private static Matrix<Complex> Orthonormalise(Matrix<Complex> g)
    {
        var qr = g.QR();
        var q = qr.Q;
        var r = qr.R;
        for (int j = 0; j < q.ColumnCount; j++)
        {
            var diag = r[j, j];
            var phase = diag.Magnitude == 0 ? Complex.One : diag / diag.Magnitude;
            for (int i = 0; i < q.RowCount; i++) q[i, j] *= phase;
        }
        return q;
    }
}
