using System.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.States;

public class StateTests
{
    [Fact]
    public void SameSeed_GivesSameStates_DifferentSeedDifferent()
    {
        var a = new QuantumRandom(7).MixedState(new CompositeSpace(3));
        var b = new QuantumRandom(7).MixedState(new CompositeSpace(3));
        var c = new QuantumRandom(8).MixedState(new CompositeSpace(3));
        Assert.True(a.ColumnMajor.SequenceEqual(b.ColumnMajor));
        Assert.False(a.ColumnMajor.SequenceEqual(c.ColumnMajor));
    }

    [Fact]
    public void HaarUnitary_IsUnitary_AndMixedStatesAreValidWithRequestedRank()
    {
        var rng = new QuantumRandom(151);
        for (int n = 1; n <= 12; n++)
        {
            var u = rng.Unitary(n);
            Reference.AssertClose(Matrix<Complex>.Build.DenseIdentity(n), u.ConjugateTranspose() * u, 1e-13, $"U†U n={n}");
            int rank = 1 + n / 2;
            var rho = rng.MixedState(new CompositeSpace(n), rank);
            var ev = Reference.HermitianEigenvalues(rho.ToMatrix());
            Assert.Equal(rank, ev.Count(x => x > 1e-12));
            Reference.AssertClose(1, rho.ToMatrix().Trace().Real, 1e-13, "trace");
        }
    }

    [Fact]
    public void HaarUnitary_FirstMomentOfEntryModulusSquared_IsOneOverN()
    {
        // E|U_00|² = 1/n for Haar; with 4000 samples of n = 3 the standard error is ≈ 0.0037.
        var rng = new QuantumRandom(152);
        double mean = Enumerable.Range(0, 4000).Average(_ => Math.Pow(rng.Unitary(3)[0, 0].Magnitude, 2));
        Reference.AssertClose(1.0 / 3, mean, 0.02);
    }

    [Fact]
    public void RandomChannel_IsTracePreserving()
    {
        var kraus = new QuantumRandom(153).Channel(3, 4);
        var sum = kraus.Aggregate(Matrix<Complex>.Build.Dense(3, 3), (s, k) => s + k.ConjugateTranspose() * k);
        Reference.AssertClose(Matrix<Complex>.Build.DenseIdentity(3), sum, 1e-13);
    }

    [Fact]
    public void KetProduct_IsKroneckerOfAmplitudes_FirstFactorMostSignificant()
    {
        var zero = Ket.Basis(new CompositeSpace(2), 0);
        var two = Ket.Basis(new CompositeSpace(3), 2);
        var p = Ket.Product(zero, two);
        Assert.Equal(new[] { 2, 3 }, p.Space.Dimensions);
        Assert.Equal(Complex.One, p[2]); // |0⟩⊗|2⟩ = index 0·3 + 2
        var q = Ket.Product(two, zero);
        Assert.Equal(Complex.One, q[4]); // |2⟩⊗|0⟩ = index 2·2 + 0
    }

    [Fact]
    public void NamedKets_HaveTheirDefiningAmplitudes()
    {
        double r = Math.Sqrt(0.5);
        Assert.Equal(new Complex[] { r, 0, 0, r }, Ket.PhiPlus.Amplitudes.ToArray());
        Assert.Equal(new Complex[] { 0, r, -r, 0 }, Ket.Singlet.Amplitudes.ToArray());
        Assert.Equal(new Complex[] { 0.6, 0, 0, 0.8 }, CollisionModel.Models.PaperModels.InitialKet(0.6).Amplitudes.ToArray());
    }

    [Fact]
    public void KetNormalized_ScalesToUnitNorm_AndRejectsZero()
    {
        var k = Ket.Normalized(new Complex[] { 3, new Complex(0, 4) }, new CompositeSpace(2));
        Reference.AssertClose(0.6, k[0].Real, 1e-15);
        Reference.AssertClose(0.8, k[1].Imaginary, 1e-15);
        Assert.Throws<TraceNotOneException>(() => Ket.Normalized(new Complex[2], new CompositeSpace(2)));
    }

    [Fact]
    public void DensityMatrix_StoresColumnMajor_AndIsImmutableThroughToMatrix()
    {
        var m = Reference.M(new Complex[,] { { 0.7, new Complex(0.1, 0.2) }, { new Complex(0.1, -0.2), 0.3 } });
        var rho = DensityMatrix.Create(m);
        Assert.Equal(new Complex(0.1, -0.2), rho.ColumnMajor[1]); // [1,0] is the second column-major entry
        Assert.Equal(new Complex(0.1, 0.2), rho[0, 1]);
        var copy = rho.ToMatrix();
        copy[0, 0] = 99;
        Assert.Equal(0.7, rho[0, 0].Real);
    }

    [Fact]
    public void DefaultSpace_IsQubitsForPowersOfTwo_ElseOneQudit()
    {
        Assert.Equal(CompositeSpace.Qubits(3), DensityMatrix.DefaultSpace(8));
        Assert.Equal(new CompositeSpace(6), DensityMatrix.DefaultSpace(6));
        Assert.Equal(new CompositeSpace(1), DensityMatrix.DefaultSpace(1));
    }

    [Fact]
    public void Purity_OfPureAndMaximallyMixed_IsOneAndOneOverD()
    {
        Reference.AssertClose(1, DensityMatrix.FromKet(new QuantumRandom(154).Ket(new CompositeSpace(5))).Purity, 1e-14);
        Reference.AssertClose(0.2, DensityMatrix.MaximallyMixed(new CompositeSpace(5)).Purity, 1e-15);
    }

    [Fact]
    public void WithSpace_RelabelsWithoutChangingEntries_AndChecksDimension()
    {
        var rho = DensityMatrix.MaximallyMixed(new CompositeSpace(4));
        Assert.Equal(CompositeSpace.Qubits(2), rho.WithSpace(CompositeSpace.Qubits(2)).Space);
        Assert.Throws<DimensionMismatchException>(() => rho.WithSpace(new CompositeSpace(3)));
    }
}
