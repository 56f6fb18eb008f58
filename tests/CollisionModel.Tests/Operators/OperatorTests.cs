using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace CollisionModel.Tests.Operators;

public class OperatorTests
{
    private static Vector Basis(int n, int i) => Vector.Build.Dense(n, k => k == i ? 1 : 0);

    [Fact]
    public void SigmaMinus_TakesOneToZero_AndSigmaPlusZeroToOne()
    {
        Assert.Equal(Basis(2, 0), Pauli.SigmaMinus * Basis(2, 1));
        Assert.Equal(Basis(2, 1), Pauli.SigmaPlus * Basis(2, 0));
        Assert.Equal(Vector.Build.Dense(2), Pauli.SigmaMinus * Basis(2, 0));
    }

    [Fact]
    public void PauliAlgebra_XYEqualsIZ_AndZIsDiagOneMinusOne()
    {
        Reference.AssertClose(Complex.ImaginaryOne * Pauli.Z, Pauli.X * Pauli.Y, 0);
        Reference.AssertClose(Reference.Diag(1, -1), Pauli.Z, 0);
        Reference.AssertClose(Pauli.X, Pauli.SigmaPlus + Pauli.SigmaMinus, 0);
    }

    [Fact]
    public void Kron_FirstFactorMostSignificant_SigmaMinusOnBMapsKet01ToKet00()
    {
        // |01⟩ = index 1 (A = 0, B = 1); 1 ⊗ σ⁻ lowers B: |01⟩ → |00⟩.
        var op = Tensor.Kron(Pauli.I, Pauli.SigmaMinus);
        Assert.Equal(Basis(4, 0), op * Basis(4, 1));
        Assert.Equal(Basis(4, 2), op * Basis(4, 3));
    }

    [Fact]
    public void Embed_OnListedSubsystems_EqualsExplicitKronWithPermutation()
    {
        var space = new CompositeSpace(2, 3, 2);
        var rng = new QuantumRandom(31);
        var a = rng.Ginibre(2, 2);
        var c = rng.Ginibre(2, 2);
        var id3 = Matrix<Complex>.Build.DenseIdentity(3);
        // a on 0 and c on 2 (listed as 0, 2) = a ⊗ 1 ⊗ c; listed as (2, 0) the operator's first factor acts on 2.
        Reference.AssertClose(Tensor.Kron(a, id3, c), Tensor.Embed(a.KroneckerProduct(c), space, 0, 2), 1e-15);
        Reference.AssertClose(Tensor.Kron(c, id3, a), Tensor.Embed(a.KroneckerProduct(c), space, 2, 0), 1e-15);
        Reference.AssertClose(Tensor.Kron(Matrix<Complex>.Build.DenseIdentity(2), id3, a), Tensor.Embed(a, space, 2), 1e-15);
    }

    [Fact]
    public void ColumnStacking_VecOfAXB_EqualsBTransposeKronA_TimesVecX()
    {
        // Regression (row- vs column-stacking): MathNet storage is column-major, so vec = column stacking and
        // vec(A X B) = (Bᵀ ⊗ A) vec(X); the row-stacking formula (A ⊗ Bᵀ) must NOT match.
        var rng = new QuantumRandom(32);
        int n = 3;
        var a = rng.Ginibre(n, n);
        var x = rng.Ginibre(n, n);
        var b = rng.Ginibre(n, n);
        var vecX = Vector.Build.DenseOfArray(x.ToColumnMajorArray());
        var vecAXB = Vector.Build.DenseOfArray((a * x * b).ToColumnMajorArray());
        var columnStacked = Tensor.Kron(b.Transpose(), a) * vecX;
        var rowStacked = Tensor.Kron(a, b.Transpose()) * vecX;
        Assert.True((vecAXB - columnStacked).AbsoluteMaximum().Magnitude < 1e-12, "column stacking identity");
        Assert.True((vecAXB - rowStacked).AbsoluteMaximum().Magnitude > 1e-3, "row-stacking formula must differ");
        // The library's span Kron agrees with MathNet's.
        var dest = new Complex[n * n * n * n];
        SmallMatrixKernels.Kron(b.Transpose().ToColumnMajorArray(), n, a.ToColumnMajorArray(), n, dest);
        Reference.AssertClose(Tensor.Kron(b.Transpose(), a), Matrix<Complex>.Build.DenseOfColumnMajor(n * n, n * n, dest), 0);
    }

    [Fact]
    public void LindbladDissipatorSuperoperator_ColumnStacked_MatchesDirectAction()
    {
        // vec(L ρ L† − ½{L†L, ρ}) = [L̄ ⊗ L − ½ 1 ⊗ L†L − ½ (L†L)ᵀ ⊗ 1] vec ρ in column stacking.
        var rng = new QuantumRandom(33);
        var l = rng.Ginibre(2, 2);
        var rho = rng.MixedState(new CompositeSpace(2)).ToMatrix();
        var ld = l.ConjugateTranspose();
        var direct = l * rho * ld - 0.5 * (ld * l * rho + rho * ld * l);
        var id = Matrix<Complex>.Build.DenseIdentity(2);
        var super = Tensor.Kron(l.Conjugate(), l) - 0.5 * Tensor.Kron(id, ld * l) - 0.5 * Tensor.Kron((ld * l).Transpose(), id);
        var viaSuper = super * Vector.Build.DenseOfArray(rho.ToColumnMajorArray());
        var expected = Vector.Build.DenseOfArray(direct.ToColumnMajorArray());
        Assert.True((expected - viaSuper).AbsoluteMaximum().Magnitude < 1e-13);
    }

    [Theory]
    [InlineData(new[] { 2, 2 }, new[] { 1 })]
    [InlineData(new[] { 2, 3 }, new[] { 0 })]
    [InlineData(new[] { 2, 3, 2 }, new[] { 0, 2 })]
    public void PartialTranspose_MatchesExplicitDigitSwap(int[] dims, int[] transposed)
    {
        var space = new CompositeSpace(dims);
        int n = space.Dimension;
        var op = new QuantumRandom(34).Ginibre(n, n);
        var expected = Matrix<Complex>.Build.Dense(n, n);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                var dr = BruteForce.Digits(r, dims);
                var dc = BruteForce.Digits(c, dims);
                foreach (int k in transposed) (dr[k], dc[k]) = (dc[k], dr[k]);
                var all = Enumerable.Range(0, dims.Length).ToArray();
                expected[BruteForce.Flat(dr, dims, all), BruteForce.Flat(dc, dims, all)] = op[r, c];
            }
        }
        Reference.AssertClose(expected, PartialTranspose.Apply(op, space, transposed), 0);
    }

    [Fact]
    public void PartialTransposeOnAllSubsystems_IsFullTranspose()
    {
        var space = new CompositeSpace(2, 3);
        var op = new QuantumRandom(35).Ginibre(6, 6);
        Reference.AssertClose(op.Transpose(), PartialTranspose.Apply(op, space, 0, 1), 0);
    }

    [Fact]
    public void CommutatorAndAnticommutator_OfPaulis_AreTwoIZAndZero()
    {
        Reference.AssertClose(2 * Complex.ImaginaryOne * Pauli.Z, Tensor.Commutator(Pauli.X, Pauli.Y), 0);
        Reference.AssertClose(Matrix<Complex>.Build.Dense(2, 2), Tensor.Anticommutator(Pauli.X, Pauli.Y), 0);
    }
}
