using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace CollisionModel.MasterEquation;

/// <summary>
/// The generator of a Markovian master equation in Lindblad form (the paper's eq. 3, ħ = 1):
/// L(ρ) = −i[H, ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ}), on any <see cref="CompositeSpace"/>. Immutable.
/// Internally L(ρ) = Kρ + ρK† + Σ_k L_k ρ L_k† with K = −iH − ½ Σ_k L_k†L_k.
/// The superoperator uses column stacking: vec(ρ)[i + j·D] = ρ_ij, which is exactly MathNet's column-major
/// storage (and <see cref="DensityMatrix.ColumnMajor"/>), so vec(AρB) = (Bᵀ ⊗ A) vec(ρ).
/// </summary>
public sealed class Lindbladian
{
    private readonly Matrix<Complex> _hamiltonian;
    private readonly Matrix<Complex>[] _jumps;
    private readonly Complex[] _k;
    private readonly Complex[][] _jumpData;
    private Matrix<Complex>? _superoperator;

    /// <summary>
    /// Creates L from a Hermitian Hamiltonian (energy units, ħ = 1) and any number of jump operators (their squared
    /// norms are rates). Throws <see cref="DimensionMismatchException"/> when an operator is not D×D and
    /// <see cref="NotHermitianException"/> when H is not Hermitian.
    /// </summary>
    public Lindbladian(CompositeSpace space, Matrix<Complex> hamiltonian, IEnumerable<Matrix<Complex>> jumpOperators)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(jumpOperators);
        int d = space.Dimension;
        Guard.Dimension(hamiltonian, d, nameof(hamiltonian));
        Guard.Hermitian(hamiltonian, nameof(hamiltonian));
        _jumps = jumpOperators.Select(l =>
        {
            Guard.Dimension(l, d, nameof(jumpOperators));
            return l.Clone();
        }).ToArray();
        Space = space;
        _hamiltonian = 0.5 * (hamiltonian + hamiltonian.ConjugateTranspose());
        var k = -Complex.ImaginaryOne * _hamiltonian;
        foreach (var l in _jumps) k -= 0.5 * (l.ConjugateTranspose() * l);
        _k = k.ToColumnMajorArray();
        _jumpData = _jumps.Select(l => l.ToColumnMajorArray()).ToArray();
    }

    /// <summary>The space the generator acts on.</summary>
    public CompositeSpace Space { get; }

    /// <summary>Hilbert-space dimension D (the superoperator is D²×D²).</summary>
    public int Dimension => Space.Dimension;

    /// <summary>The Hamiltonian H (a copy).</summary>
    public Matrix<Complex> Hamiltonian => _hamiltonian.Clone();

    /// <summary>The jump operators L_k (copies).</summary>
    public IReadOnlyList<Matrix<Complex>> JumpOperators => _jumps.Select(l => l.Clone()).ToArray();

    /// <summary>L(X) for any D×D operator X (not only states; L is linear). O(r·D³) for r jump operators.</summary>
    public Matrix<Complex> Apply(Matrix<Complex> x)
    {
        Guard.Dimension(x, Dimension, nameof(x));
        int d = Dimension;
        var dest = new Complex[d * d];
        var scratch = new Complex[d * d];
        Apply(x.AsColumnMajorArray() ?? x.ToColumnMajorArray(), dest, scratch);
        return Matrix<Complex>.Build.DenseOfColumnMajor(d, d, dest);
    }

    /// <summary>ρ̇ = L(ρ): the time derivative of the state (traceless and Hermitian, not itself a state).</summary>
    public Matrix<Complex> Apply(DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(rho);
        CheckSpace(rho);
        return Apply(rho.ToMatrix());
    }

    /// <summary>
    /// L(X) on column-major spans of D² entries (allocation-free for D ≤ 16); <paramref name="scratch"/> needs D² entries.
    /// The destination must not alias the input. O(r·D³).
    /// </summary>
    public void Apply(ReadOnlySpan<Complex> x, Span<Complex> destination, Span<Complex> scratch)
    {
        int d = Dimension, dd = d * d;
        if (x.Length < dd || destination.Length < dd || scratch.Length < dd)
            throw new DimensionMismatchException($"Spans must hold {dd} entries for D = {d}.", nameof(destination));
        ApplyGenerator(_k, _jumpData, d, x, destination, scratch);
    }

    /// <summary>
    /// Kρ + ρK† + Σ LρL† on spans: the shared kernel of the constant and the time-dependent generator.
    /// </summary>
    internal static void ApplyGenerator(ReadOnlySpan<Complex> k, Complex[][] jumps, int d,
        ReadOnlySpan<Complex> x, Span<Complex> destination, Span<Complex> scratch)
    {
        int dd = d * d;
        SmallMatrixKernels.Multiply(k, x, destination, d);
        // + X K† = (K X†)† ; computed directly: (X K†)_ij = Σ_m X_im conj(K_jm).
        SmallMatrixKernels.MultiplyAdjointRight(x, k, scratch, d);
        for (int i = 0; i < dd; i++) destination[i] += scratch[i];
        Span<Complex> tmp = dd <= 256 ? stackalloc Complex[dd] : new Complex[dd];
        foreach (var l in jumps)
        {
            SmallMatrixKernels.Multiply(l, x, tmp, d);
            SmallMatrixKernels.MultiplyAdjointRight(tmp, l, scratch, d);
            for (int i = 0; i < dd; i++) destination[i] += scratch[i];
        }
    }

    /// <summary>
    /// The Liouvillian as a D²×D² matrix acting on column-stacked vec(ρ) (vec(ρ)[i + j·D] = ρ_ij):
    /// 𝓛 = 1 ⊗ K + K̄ ⊗ 1 + Σ_k L̄_k ⊗ L_k (first Kronecker factor most significant, bar = complex conjugate).
    /// Built once (O(D⁴) memory), returned as a copy.
    /// </summary>
    public Matrix<Complex> Superoperator() => (_superoperator ??= BuildSuperoperator()).Clone();

    internal Matrix<Complex> SuperoperatorShared => _superoperator ??= BuildSuperoperator();

    private Matrix<Complex> BuildSuperoperator()
    {
        int d = Dimension;
        var id = Matrix<Complex>.Build.DenseIdentity(d);
        var k = Matrix<Complex>.Build.DenseOfColumnMajor(d, d, _k);
        var s = id.KroneckerProduct(k) + k.Conjugate().KroneckerProduct(id);
        foreach (var l in _jumps) s += l.Conjugate().KroneckerProduct(l);
        return s;
    }

    /// <summary>The propagator superoperator exp(𝓛 t) (column stacking), by scaling and squaring. O(D⁶ log ‖𝓛t‖).</summary>
    public Matrix<Complex> Propagator(double t)
    {
        Guard.NonNegative(t, nameof(t));
        return MatrixExponential.Exp(SuperoperatorShared * t);
    }

    /// <summary>ρ(t) = exp(𝓛 t) ρ(0), exact up to rounding. For many output times use <see cref="ExactPropagator"/>.</summary>
    public DensityMatrix Evolve(DensityMatrix rho0, double t)
    {
        ArgumentNullException.ThrowIfNull(rho0);
        CheckSpace(rho0);
        var p = Propagator(t);
        var v = p * Vector.Build.DenseOfArray(rho0.ColumnMajor.ToArray());
        return StateFromVector(Space, v.AsArray() ?? v.ToArray());
    }

    internal void CheckSpace(DensityMatrix rho)
    {
        if (rho.Dimension != Dimension)
            throw new DimensionMismatchException($"The generator acts on {Space}, the state lives on {rho.Space}.", nameof(rho));
    }

    /// <summary>Wraps a propagated vec(ρ) as a state, removing the rounding skew so it is exactly Hermitian.</summary>
    internal static DensityMatrix StateFromVector(CompositeSpace space, Complex[] data)
    {
        SmallMatrixKernels.HermitianPart(data, data, space.Dimension);
        return DensityMatrix.Trusted(space, data);
    }
}
