using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.States;

/// <summary>
/// A validated density matrix ρ (Hermitian, tr ρ = 1, ρ ≥ 0 within tolerance) on a <see cref="CompositeSpace"/>.
/// Immutable; entries are stored column-major (MathNet's order, so the raw array is vec(ρ) in column stacking).
/// Eigenvalues are computed once, on first use.
/// </summary>
public sealed class DensityMatrix
{
    private readonly Complex[] _data;
    private double[]? _eigenvalues;

    private DensityMatrix(CompositeSpace space, Complex[] columnMajor)
    {
        Space = space;
        _data = columnMajor;
    }

    /// <summary>The space ρ acts on.</summary>
    public CompositeSpace Space { get; }

    /// <summary>Total dimension D (ρ is D×D).</summary>
    public int Dimension => Space.Dimension;

    /// <summary>Entries in column-major order: ρ[i, j] = ColumnMajor[i + j·D].</summary>
    public ReadOnlySpan<Complex> ColumnMajor => _data;

    /// <summary>Entry ⟨i|ρ|j⟩.</summary>
    public Complex this[int i, int j] => _data[i + j * Dimension];

    /// <summary>
    /// Validates <paramref name="matrix"/> as a density matrix on <paramref name="space"/> (default: qubits when the
    /// dimension is a power of two, else one subsystem): finite entries, matching dimension, Hermitian, trace 1 and
    /// no eigenvalue below −<paramref name="negativeTolerance"/>. Each failure throws its own exception type.
    /// </summary>
    public static DensityMatrix Create(Matrix<Complex> matrix, CompositeSpace? space = null,
        double hermiticityTolerance = Tolerances.Hermiticity, double traceTolerance = Tolerances.Trace,
        double negativeTolerance = Tolerances.NegativeEigenvalue)
    {
        Guard.SquareFinite(matrix, nameof(matrix));
        space ??= DefaultSpace(matrix.RowCount);
        Guard.Dimension(matrix, space.Dimension, nameof(matrix));
        Guard.Hermitian(matrix, nameof(matrix), hermiticityTolerance);
        Guard.UnitTrace(matrix, nameof(matrix), traceTolerance);
        // Store the exactly Hermitian part so downstream eigen-solvers see no skew noise.
        var h = 0.5 * (matrix + matrix.ConjugateTranspose());
        var rho = new DensityMatrix(space, h.ToColumnMajorArray());
        var lam = rho.Eigenvalues;
        if (lam.Length > 0 && lam[0] < -negativeTolerance)
            throw new NegativeEigenvalueException(
                $"matrix is not positive semidefinite: eigenvalue {lam[0]:G6} < −{negativeTolerance:G3}.", nameof(matrix));
        return rho;
    }

    /// <summary>Creates ρ from a row-major 2-D array of entries (validated as in <see cref="Create(Matrix{Complex}, CompositeSpace?, double, double, double)"/>).</summary>
    public static DensityMatrix Create(Complex[,] entries, CompositeSpace? space = null) =>
        Create(Matrix<Complex>.Build.DenseOfArray(entries), space);

    /// <summary>|ψ⟩⟨ψ|.</summary>
    public static DensityMatrix FromKet(Ket psi)
    {
        ArgumentNullException.ThrowIfNull(psi);
        int n = psi.Space.Dimension;
        var data = new Complex[n * n];
        var a = psi.Amplitudes;
        for (int j = 0; j < n; j++)
        {
            var cj = Complex.Conjugate(a[j]);
            for (int i = 0; i < n; i++) data[i + j * n] = a[i] * cj;
        }
        return new DensityMatrix(psi.Space, data);
    }

    /// <summary>1/D on <paramref name="space"/>.</summary>
    public static DensityMatrix MaximallyMixed(CompositeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        int n = space.Dimension;
        var data = new Complex[n * n];
        for (int i = 0; i < n; i++) data[i + i * n] = 1.0 / n;
        return new DensityMatrix(space, data);
    }

    /// <summary>diag(p) in the computational basis; p must be a probability vector.</summary>
    public static DensityMatrix Diagonal(IReadOnlyList<double> probabilities, CompositeSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        space ??= DefaultSpace(probabilities.Count);
        if (probabilities.Count != space.Dimension)
            throw new DimensionMismatchException($"Need {space.Dimension} probabilities, got {probabilities.Count}.", nameof(probabilities));
        double sum = 0;
        foreach (double p in probabilities)
        {
            Guard.Finite(p, nameof(probabilities));
            if (p < -Tolerances.NegativeEigenvalue) throw new NegativeEigenvalueException($"Probability {p} is negative.", nameof(probabilities));
            sum += p;
        }
        if (Math.Abs(sum - 1) > Tolerances.Trace) throw new TraceNotOneException($"Probabilities sum to {sum:G17}, not 1.", nameof(probabilities));
        int n = space.Dimension;
        var data = new Complex[n * n];
        for (int i = 0; i < n; i++) data[i + i * n] = Math.Max(0, probabilities[i]);
        return new DensityMatrix(space, data);
    }

    /// <summary>ρ₁ ⊗ ρ₂ ⊗ …, first factor most significant.</summary>
    public static DensityMatrix Product(params DensityMatrix[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length == 0) throw new DimensionMismatchException("A product needs at least one factor.", nameof(factors));
        var m = factors[0].ToMatrix();
        var dims = new List<int>(factors[0].Space.Dimensions);
        for (int f = 1; f < factors.Length; f++)
        {
            m = m.KroneckerProduct(factors[f].ToMatrix());
            dims.AddRange(factors[f].Space.Dimensions);
        }
        return new DensityMatrix(new CompositeSpace(dims.ToArray()), m.ToColumnMajorArray());
    }

    /// <summary>A fresh mutable copy as a MathNet matrix.</summary>
    public Matrix<Complex> ToMatrix() => Matrix<Complex>.Build.DenseOfColumnMajor(Dimension, Dimension, _data);

    /// <summary>Eigenvalues of ρ, ascending (computed once). O(D³) on first call.</summary>
    public ReadOnlySpan<double> Eigenvalues => _eigenvalues ??= HermitianEigen.Eigenvalues(ToMatrix());

    /// <summary>
    /// A few-digit summary for a reader: the size and subsystems, the purity, the first diagonal entries (populations)
    /// and the largest off-diagonal magnitude (coherence left), e.g.
    /// <c>DensityMatrix 4×4 on 2⊗2: tr ρ² = 1, diagonal [0.5, 0, 0, 0.5], largest |off-diagonal| 0.5</c>. O(D²).
    /// </summary>
    public override string ToString()
    {
        int d = Dimension;
        double offDiagonal = 0;
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++)
                if (i != j) offDiagonal = Math.Max(offDiagonal, _data[i + j * d].Magnitude);
        var diagonal = Enumerable.Range(0, d).Select(i => _data[i + i * d].Real).ToArray();
        return $"DensityMatrix {d}×{d} on {Space}: tr ρ² = {ReadableText.Number(Purity)}, diagonal "
            + $"{ReadableText.List(diagonal, ReadableText.Number)}, largest |off-diagonal| {ReadableText.Number(offDiagonal)}";
    }

    /// <summary>tr ρ² (1 for pure states, 1/D for the maximally mixed state).</summary>
    public double Purity
    {
        get
        {
            double s = 0;
            foreach (var z in _data) s += z.Real * z.Real + z.Imaginary * z.Imaginary;
            return s;
        }
    }

    /// <summary>The reduced state on the listed subsystems, in the listed order (the others are traced out).</summary>
    public DensityMatrix Reduced(params int[] keep)
    {
        var map = new PartialTraceMap(Space, keep);
        return Reduced(map);
    }

    /// <summary>The reduced state through a cached <see cref="PartialTraceMap"/> built for this space.</summary>
    public DensityMatrix Reduced(PartialTraceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!map.Space.Equals(Space)) throw new DimensionMismatchException($"Map is for {map.Space}, state lives on {Space}.", nameof(map));
        var dest = new Complex[map.KeptDimension * map.KeptDimension];
        map.Apply(_data, dest);
        return new DensityMatrix(map.KeptSpace, dest);
    }

    /// <summary>The state with the listed subsystems traced out.</summary>
    public DensityMatrix TraceOut(params int[] traced) => Reduced(Space.Complement(traced));

    /// <summary>The same state with subsystems reordered: new subsystem s is old subsystem order[s].</summary>
    public DensityMatrix Permute(params int[] order)
    {
        var perm = new SubsystemPermutation(Space, order);
        var dest = new Complex[_data.Length];
        perm.Apply(_data, dest);
        return new DensityMatrix(perm.Target, dest);
    }

    /// <summary>ρ with its subsystem structure relabelled (same total dimension).</summary>
    public DensityMatrix WithSpace(CompositeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Dimension != Dimension) throw new DimensionMismatchException($"Space {space} has dimension {space.Dimension}, not {Dimension}.", nameof(space));
        return new DensityMatrix(space, _data);
    }

    /// <summary>Wraps data the library has produced itself and knows to be a state (no validation, no copy).</summary>
    internal static DensityMatrix Trusted(CompositeSpace space, Complex[] columnMajor) => new(space, columnMajor);

    /// <summary>The default structure for a D-dimensional state: ⌊log₂ D⌋ qubits when D is a power of two, else one qudit.</summary>
    public static CompositeSpace DefaultSpace(int dimension)
    {
        if (dimension >= 2 && (dimension & (dimension - 1)) == 0)
            return CompositeSpace.Qubits(System.Numerics.BitOperations.Log2((uint)dimension));
        return new CompositeSpace(dimension);
    }
}
