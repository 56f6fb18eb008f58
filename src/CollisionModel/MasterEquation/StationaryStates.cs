using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Stationary states of a Lindbladian (𝓛ρ = 0) and fixed points of a CPTP map (Φρ = ρ), in column stacking.
/// The null space comes from an SVD of 𝓛 (or Φ − 1): singular values ≤ tolerance · σ_max count as zero, so a rate
/// below roughly tolerance × the largest rate is indistinguishable from none.
/// The state reached from ρ(0) is P vec(ρ(0)), P = R (Λ†R)⁻¹ Λ† the spectral projector onto the null space
/// (R: right null vectors, Λ: left null vectors). For a Lindbladian the eigenvalue 0 is semisimple, so P is
/// lim_{t→∞} exp(𝓛t) when that limit exists and the Cesàro mean lim (1/T)∫₀ᵀ exp(𝓛t) dt in every case
/// (e.g. undamped oscillating coherences). O(D⁶).
/// </summary>
public static class StationaryStates
{
    /// <summary>Default relative threshold on singular values for the null space.</summary>
    public const double DefaultNullTolerance = 1e-10;

    /// <summary>Dimension of the space of stationary operators (1 when the stationary state is unique).</summary>
    public static int NullSpaceDimension(Lindbladian generator, double tolerance = DefaultNullTolerance)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return NullSpaces(generator.SuperoperatorShared, tolerance).Right.ColumnCount;
    }

    /// <summary>
    /// Linearly independent stationary density matrices that span the null space of 𝓛 (all stationary states are
    /// affine combinations of them); one state when it is unique.
    /// </summary>
    public static IReadOnlyList<DensityMatrix> Basis(Lindbladian generator, double tolerance = DefaultNullTolerance)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return BasisOf(generator.SuperoperatorShared, generator.Space, tolerance);
    }

    /// <summary>The stationary state reached from <paramref name="rho0"/> (long-time / Cesàro limit of exp(𝓛t)ρ(0)).</summary>
    public static DensityMatrix ReachedFrom(Lindbladian generator, DensityMatrix rho0, double tolerance = DefaultNullTolerance)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(rho0);
        generator.CheckSpace(rho0);
        return Project(Projector(generator.SuperoperatorShared, tolerance), rho0);
    }

    /// <summary>The spectral projector P onto the null space of 𝓛 (column stacking, D²×D²).</summary>
    public static Matrix<Complex> AsymptoticProjector(Lindbladian generator, double tolerance = DefaultNullTolerance)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return Projector(generator.SuperoperatorShared, tolerance);
    }

    /// <summary>The column-stacking superoperator Σ K̄ ⊗ K of a Kraus channel (vec(KρK†) = (K̄ ⊗ K) vec ρ).</summary>
    public static Matrix<Complex> Superoperator(KrausChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        int d = channel.Dimension;
        var s = Matrix<Complex>.Build.Dense(d * d, d * d);
        foreach (var k in channel.Kraus) s += k.Conjugate().KroneckerProduct(k);
        return s;
    }

    /// <summary>
    /// The fixed point of a CPTP map reached from <paramref name="rho0"/>: lim (1/N) Σ_{n&lt;N} Φⁿ(ρ(0)), i.e. the
    /// spectral projector onto eigenvalue 1 of the column-stacking superoperator <paramref name="superoperator"/>.
    /// </summary>
    public static DensityMatrix FixedPoint(Matrix<Complex> superoperator, DensityMatrix rho0, double tolerance = DefaultNullTolerance)
    {
        ArgumentNullException.ThrowIfNull(rho0);
        CheckSuperoperator(superoperator, rho0.Dimension);
        var shifted = superoperator - Matrix<Complex>.Build.DenseIdentity(superoperator.RowCount);
        return Project(Projector(shifted, tolerance), rho0);
    }

    /// <summary>The fixed point of a Kraus channel reached from <paramref name="rho0"/>.</summary>
    public static DensityMatrix FixedPoint(KrausChannel channel, DensityMatrix rho0, double tolerance = DefaultNullTolerance)
        => FixedPoint(Superoperator(channel), rho0, tolerance);

    /// <summary>Linearly independent fixed states spanning the eigenvalue-1 eigenspace of a CPTP superoperator.</summary>
    public static IReadOnlyList<DensityMatrix> FixedPoints(Matrix<Complex> superoperator, Spaces.CompositeSpace space, double tolerance = DefaultNullTolerance)
    {
        ArgumentNullException.ThrowIfNull(space);
        CheckSuperoperator(superoperator, space.Dimension);
        var shifted = superoperator - Matrix<Complex>.Build.DenseIdentity(superoperator.RowCount);
        return BasisOf(shifted, space, tolerance);
    }

    private static void CheckSuperoperator(Matrix<Complex> s, int d)
    {
        Guard.Dimension(s, d * d, nameof(s));
    }

    private static DensityMatrix Project(Matrix<Complex> p, DensityMatrix rho0)
    {
        var v = p * Vector.Build.DenseOfArray(rho0.ColumnMajor.ToArray());
        return ToState(rho0.Space, v.ToArray());
    }

    /// <summary>Hermitian part, renormalised to unit trace, rounding-level negative eigenvalues tolerated.</summary>
    private static DensityMatrix ToState(Spaces.CompositeSpace space, Complex[] data)
    {
        int d = space.Dimension;
        var m = Matrix<Complex>.Build.DenseOfColumnMajor(d, d, data);
        m = 0.5 * (m + m.ConjugateTranspose());
        double tr = m.Trace().Real;
        if (!(Math.Abs(tr) > 1e-12))
            throw new TraceNotOneException($"The projected operator has trace {tr:G3}; the map does not preserve the trace.", nameof(data));
        m /= tr;
        var lam = HermitianEigen.Eigenvalues(m);
        if (lam[0] < -1e-8)
            throw new NegativeEigenvalueException($"The projected operator has eigenvalue {lam[0]:G3}; the map is not positive.", nameof(data));
        return Lindbladian.StateFromVector(space, m.ToColumnMajorArray());
    }

    private static IReadOnlyList<DensityMatrix> BasisOf(Matrix<Complex> s, Spaces.CompositeSpace space, double tolerance)
    {
        var p = Projector(s, tolerance);
        int d = space.Dimension, rank = NullSpaces(s, tolerance).Right.ColumnCount;
        // Images of an informationally complete set of states span the range of P, which is the null space.
        var candidates = new List<DensityMatrix>();
        for (int i = 0; i < d; i++) candidates.Add(Basis(d, i, i, 0));
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
            {
                candidates.Add(Basis(d, i, j, 0));
                candidates.Add(Basis(d, i, j, 1));
            }
        var chosen = new List<DensityMatrix>();
        var orthonormal = new List<Vector>();
        foreach (var c in candidates)
        {
            if (chosen.Count == rank) break;
            var image = p * Vector.Build.DenseOfArray(c.ColumnMajor.ToArray());
            var r = image.Clone();
            foreach (var q in orthonormal) r -= q * q.ConjugateDotProduct(r);
            double norm = r.L2Norm();
            if (norm <= 1e-8 * Math.Max(1, image.L2Norm())) continue;
            orthonormal.Add(r / norm);
            chosen.Add(ToState(space, image.ToArray()));
        }
        return chosen;
    }

    /// <summary>|i⟩⟨i| (i = j), or (|i⟩ + e^{iφ}|j⟩)/√2 projectors with φ = 0 (phase 0) or π/2 (phase 1).</summary>
    private static DensityMatrix Basis(int d, int i, int j, int phase)
    {
        var data = new Complex[d * d];
        if (i == j)
        {
            data[i + i * d] = 1;
            return DensityMatrix.Trusted(DensityMatrix.DefaultSpace(d), data);
        }
        Complex e = phase == 0 ? Complex.One : Complex.ImaginaryOne;
        data[i + i * d] = 0.5;
        data[j + j * d] = 0.5;
        data[j + i * d] = 0.5 * Complex.Conjugate(e);
        data[i + j * d] = 0.5 * e;
        return DensityMatrix.Trusted(DensityMatrix.DefaultSpace(d), data);
    }

    private static Matrix<Complex> Projector(Matrix<Complex> s, double tolerance)
    {
        var (right, left) = NullSpaces(s, tolerance);
        if (right.ColumnCount == 0)
            throw new ParameterOutOfRangeException("The generator has no null space at this tolerance (not trace preserving?).", nameof(s));
        var overlap = left.ConjugateTranspose() * right;
        return right * overlap.Inverse() * left.ConjugateTranspose();
    }

    private static (Matrix<Complex> Right, Matrix<Complex> Left) NullSpaces(Matrix<Complex> s, double tolerance)
    {
        Guard.Positive(tolerance, nameof(tolerance));
        var svd = s.Svd(true);
        var sv = svd.S;
        int n = s.RowCount;
        double max = sv.Count > 0 ? sv[0].Magnitude : 0;
        double cut = tolerance * Math.Max(max, 1e-300);
        var zero = Enumerable.Range(0, n).Where(i => sv[i].Magnitude <= cut).ToArray();
        var v = svd.VT.ConjugateTranspose();
        var u = svd.U;
        var right = Matrix<Complex>.Build.Dense(n, zero.Length, (i, c) => v[i, zero[c]]);
        var left = Matrix<Complex>.Build.Dense(n, zero.Length, (i, c) => u[i, zero[c]]);
        return (right, left);
    }
}
