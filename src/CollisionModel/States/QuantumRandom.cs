using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.States;

/// <summary>
/// Seeded generator of random states, unitaries and channels. The same seed gives the same sequence on every
/// platform (System.Random with an explicit seed, Box–Muller normals).
/// </summary>
public sealed class QuantumRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A standard normal variate.</summary>
    public double Normal()
    {
        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A uniform variate in [0, 1).</summary>
    public double Uniform() => _random.NextDouble();

    /// <summary>A complex Gaussian with E|z|² = 1.</summary>
    public Complex ComplexNormal() => new Complex(Normal(), Normal()) / Math.Sqrt(2);

    /// <summary>A Ginibre matrix (i.i.d. complex Gaussian entries) of the given shape.</summary>
    public Matrix<Complex> Ginibre(int rows, int columns)
    {
        if (rows < 1 || columns < 1)
            throw new DimensionMismatchException($"A random matrix needs at least one row and column, got {rows}×{columns}.", nameof(rows));
        return Matrix<Complex>.Build.Dense(rows, columns, (_, _) => ComplexNormal());
    }

    /// <summary>A Haar-random pure state.</summary>
    public Ket Ket(CompositeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var a = new Complex[space.Dimension];
        for (int i = 0; i < a.Length; i++) a[i] = ComplexNormal();
        return States.Ket.Normalized(a, space);
    }

    /// <summary>A Haar-random n×n unitary (QR of a Ginibre matrix with the phases of R's diagonal removed).</summary>
    public Matrix<Complex> Unitary(int n)
    {
        if (n < 1) throw new DimensionMismatchException($"Unitary dimension must be ≥ 1, got {n}.", nameof(n));
        var qr = Ginibre(n, n).QR();
        var q = qr.Q;
        var r = qr.R;
        for (int j = 0; j < n; j++)
        {
            var d = r[j, j];
            var phase = d.Magnitude == 0 ? Complex.One : d / d.Magnitude;
            for (int i = 0; i < n; i++) q[i, j] *= phase;
        }
        return q;
    }

    /// <summary>A random Hermitian matrix (GUE, unit-variance entries).</summary>
    public Matrix<Complex> Hermitian(int n)
    {
        var g = Ginibre(n, n);
        return 0.5 * (g + g.ConjugateTranspose());
    }

    /// <summary>
    /// A random mixed state from the induced measure: tr_env of a Haar pure state on D × <paramref name="rank"/>
    /// (rank = D gives the Hilbert–Schmidt measure, full rank with probability 1).
    /// </summary>
    public DensityMatrix MixedState(CompositeSpace space, int? rank = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        int k = rank ?? space.Dimension;
        if (k < 1) throw new DimensionMismatchException($"Rank must be ≥ 1, got {k}.", nameof(rank));
        var g = Ginibre(space.Dimension, k);
        var m = g * g.ConjugateTranspose();
        m /= m.Trace();
        return DensityMatrix.Create(m, space);
    }

    /// <summary>
    /// Kraus operators of a random CPTP map on dimension n with <paramref name="krausCount"/> operators, from a
    /// Haar unitary on n·krausCount (Stinespring). Σ K†K = 1 to rounding.
    /// </summary>
    public Matrix<Complex>[] Channel(int n, int krausCount)
    {
        if (krausCount < 1) throw new DimensionMismatchException($"Need at least one Kraus operator, got {krausCount}.", nameof(krausCount));
        // V = first n columns of a unitary on C^{n·k}: an isometry C^n → C^n ⊗ C^k (system most significant).
        var u = Unitary(n * krausCount);
        var kraus = new Matrix<Complex>[krausCount];
        for (int e = 0; e < krausCount; e++)
            kraus[e] = Matrix<Complex>.Build.Dense(n, n, (i, j) => u[i * krausCount + e, j]);
        return kraus;
    }
}
