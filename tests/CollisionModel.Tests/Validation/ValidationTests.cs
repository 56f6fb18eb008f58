using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Validation;

/// <summary>Each input error throws its own exception type with a message that names the problem.</summary>
public class ValidationTests
{
    [Fact]
    public void NonSquareMatrix_ThrowsDimensionMismatch_NamingSquare()
    {
        var ex = Assert.Throws<DimensionMismatchException>(() => DensityMatrix.Create(Matrix<Complex>.Build.Dense(3, 4)));
        Assert.Contains("must be square", ex.Message);
        Assert.Contains("3×4", ex.Message);
    }

    [Fact]
    public void WrongDimensionForSpace_ThrowsDimensionMismatch_NamingBothSizes()
    {
        var ex = Assert.Throws<DimensionMismatchException>(
            () => DensityMatrix.Create(DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(2)).ToMatrix(), new CompositeSpace(2, 3)));
        Assert.Contains("6×6", ex.Message);
        Assert.Contains("4×4", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteEntry_ThrowsNonFiniteValue(double bad)
    {
        var m = Reference.Diag(0.5, 0.5);
        m[0, 1] = new Complex(0, bad);
        var ex = Assert.Throws<NonFiniteValueException>(() => DensityMatrix.Create(m));
        Assert.Contains("NaN or infinite", ex.Message);
        Assert.Throws<NonFiniteValueException>(() => MatrixExponential.Exp(m));
        Assert.Throws<NonFiniteValueException>(() => Ket.Create(new Complex[] { bad, 0 }, new CompositeSpace(2)));
    }

    [Fact]
    public void NonHermitianMatrix_ThrowsNotHermitian()
    {
        var m = Reference.M(new Complex[,] { { 0.5, 0.1 }, { 0.2, 0.5 } });
        var ex = Assert.Throws<NotHermitianException>(() => DensityMatrix.Create(m));
        Assert.Contains("not Hermitian", ex.Message);
        Assert.Throws<NotHermitianException>(() => HermitianEigen.Decompose(m));
    }

    [Fact]
    public void TinySkewWithinTolerance_IsAccepted()
    {
        var m = Reference.M(new Complex[,] { { 0.5, 0.1 }, { 0.1 + 1e-13, 0.5 } });
        var rho = DensityMatrix.Create(m);
        Assert.Equal(rho[0, 1], Complex.Conjugate(rho[1, 0])); // stored exactly Hermitian
    }

    [Fact]
    public void TraceNotOne_ThrowsTraceNotOne_NamingTheTrace()
    {
        var ex = Assert.Throws<TraceNotOneException>(() => DensityMatrix.Create(Reference.Diag(0.5, 0.6)));
        Assert.Contains("trace 1", ex.Message);
        Assert.Contains("1.1", ex.Message);
        Assert.Throws<TraceNotOneException>(() => DensityMatrix.Diagonal([0.5, 0.6]));
        Assert.Throws<TraceNotOneException>(() => Ket.Create(new Complex[] { 1, 1 }, new CompositeSpace(2)));
    }

    [Fact]
    public void NegativeEigenvalueBeyondTolerance_ThrowsNegativeEigenvalue()
    {
        // diag(1.1, −0.1) is Hermitian with trace 1 but not positive.
        var ex = Assert.Throws<NegativeEigenvalueException>(() => DensityMatrix.Create(Reference.Diag(1.1, -0.1)));
        Assert.Contains("not positive semidefinite", ex.Message);
        Assert.Contains("-0.1", ex.Message);
        // Hidden negativity off the diagonal: [[.5, .6], [.6, .5]] has eigenvalue −0.1.
        Assert.Throws<NegativeEigenvalueException>(() => DensityMatrix.Create(Reference.M(new Complex[,] { { 0.5, 0.6 }, { 0.6, 0.5 } })));
        Assert.Throws<NegativeEigenvalueException>(() => DensityMatrix.Diagonal([1.1, -0.1]));
    }

    [Fact]
    public void NegativeEigenvalueOfMinus1e15_IsAcceptedAsRounding()
    {
        var rho = DensityMatrix.Create(Reference.Diag(1 + 1e-15, -1e-15));
        Assert.Equal(-1e-15, rho.Eigenvalues[0]);
        Reference.AssertClose(0, Entropy.VonNeumann(rho), 1e-14);
    }

    [Fact]
    public void NonUnitaryMatrix_ThrowsNotUnitary_AndUnitaryPasses()
    {
        var ex = Assert.Throws<NotUnitaryException>(() => Guard.Unitary(Reference.Diag(1, 1.001), "U"));
        Assert.Contains("not unitary", ex.Message);
        Assert.Equal("U", ex.ParamName);
        Guard.Unitary(new QuantumRandom(141).Unitary(5), "U");
        Assert.Throws<DimensionMismatchException>(() => Guard.Unitary(Matrix<Complex>.Build.Dense(2, 3), "U"));
    }

    [Fact]
    public void NonTracePreservingKrausSet_ThrowsNotUnitary()
    {
        var ex = Assert.Throws<NotUnitaryException>(() => new KrausChannel([Reference.Diag(1, 0.5)]));
        Assert.Contains("not trace preserving", ex.Message);
        Assert.Throws<DimensionMismatchException>(() => new KrausChannel([]));
    }

    [Fact]
    public void DuplicateSubsystem_ThrowsDimensionMismatch_NamingTheDuplicate()
    {
        var space = new CompositeSpace(2, 3, 2);
        var ex = Assert.Throws<DimensionMismatchException>(() => new PartialTraceMap(space, [1, 1]));
        Assert.Contains("subsystem 1 is listed twice", ex.Message);
        var rho = DensityMatrix.MaximallyMixed(space);
        Assert.Throws<DimensionMismatchException>(() => rho.Reduced(0, 0));
        Assert.Throws<DimensionMismatchException>(() => rho.Permute(0, 0, 1));
        Assert.Throws<DimensionMismatchException>(() => Tensor.Embed(Reference.Diag(1, 1, 1, 1), space, 0, 0));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void OutOfRangeSubsystem_ThrowsDimensionMismatch_NamingTheRange(int bad)
    {
        var space = new CompositeSpace(2, 3, 2);
        var ex = Assert.Throws<DimensionMismatchException>(() => new PartialTraceMap(space, [0, bad]));
        Assert.Contains($"subsystem index {bad} is outside 0..2", ex.Message);
        Assert.Throws<DimensionMismatchException>(() => DensityMatrix.MaximallyMixed(space).TraceOut(bad));
        Assert.Throws<DimensionMismatchException>(() => PartialTranspose.Apply(Matrix<Complex>.Build.DenseIdentity(12), space, bad));
    }

    [Fact]
    public void OverlappingParts_InCorrelations_ThrowDimensionMismatch_NamingDisjointness()
    {
        var rho = DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(3));
        var ex = Assert.Throws<DimensionMismatchException>(() => Correlations.MutualInformation(rho, [0, 1], [1]));
        Assert.Contains("disjoint", ex.Message);
        Assert.Throws<DimensionMismatchException>(() => Correlations.ConditionalMutualInformation(rho, [0], [2], [0]));
        Assert.Throws<DimensionMismatchException>(() => Correlations.ConditionalEntropy(rho, [2], [2]));
    }

    [Fact]
    public void IncompletePermutation_ThrowsDimensionMismatch()
    {
        var ex = Assert.Throws<DimensionMismatchException>(() => new SubsystemPermutation(new CompositeSpace(2, 3), [1]));
        Assert.Contains("must list all 2 subsystems", ex.Message);
    }

    [Theory]
    [InlineData(new[] { 2, 0, 3 })]
    [InlineData(new[] { -2 })]
    public void CompositeSpaceWithNonPositiveDimension_ThrowsDimensionMismatch(int[] dims)
    {
        var ex = Assert.Throws<DimensionMismatchException>(() => new CompositeSpace(dims));
        Assert.Contains("must be ≥ 1", ex.Message);
    }

    [Fact]
    public void CompositeSpaceWithoutSubsystems_OrOverflowingDimension_Throws()
    {
        Assert.Contains("at least one subsystem", Assert.Throws<DimensionMismatchException>(() => new CompositeSpace()).Message);
        Assert.Contains("exceeds", Assert.Throws<DimensionMismatchException>(() => new CompositeSpace(65536, 65536)).Message);
        Assert.Throws<DimensionMismatchException>(() => CompositeSpace.Qubits(0));
    }

    [Fact]
    public void StateSizeMismatches_ThrowDimensionMismatch()
    {
        var two = DensityMatrix.MaximallyMixed(new CompositeSpace(2));
        var three = DensityMatrix.MaximallyMixed(new CompositeSpace(3));
        Assert.Throws<DimensionMismatchException>(() => RelativeEntropy.Compute(two, three));
        Assert.Throws<DimensionMismatchException>(() => Fidelity.Compute(two, three));
        Assert.Throws<DimensionMismatchException>(() => TraceDistance.Compute(two, three));
        Assert.Contains("two-qubit", Assert.Throws<DimensionMismatchException>(() => Concurrence.Wootters(three)).Message);
        Assert.Throws<DimensionMismatchException>(() => Ket.Create(new Complex[] { 1, 0, 0 }, new CompositeSpace(2)));
        var map = new PartialTraceMap(new CompositeSpace(2, 2), [0]);
        Assert.Throws<DimensionMismatchException>(() => two.Reduced(map));
        Assert.Throws<DimensionMismatchException>(() => map.Apply(new Complex[9], new Complex[4]));
        Assert.Throws<DimensionMismatchException>(() => map.ApplyToKet(new Complex[3], new Complex[4]));
    }

    [Fact]
    public void ScalarGuards_RejectNaNAndOutOfRange_WithNamedParameter()
    {
        Assert.Equal("t", Assert.Throws<NonFiniteValueException>(() => MatrixFunctions.UnitaryPropagator(Reference.Diag(1, 2), double.NaN)).ParamName);
        Assert.Contains("[0, 1]", Assert.Throws<ParameterOutOfRangeException>(() => CollisionModel.Models.PaperModels.InitialKet(1.5)).Message);
        Assert.Throws<ParameterOutOfRangeException>(() => Guard.Positive(0, "x"));
        Assert.Throws<ParameterOutOfRangeException>(() => Guard.NonNegative(-1e-300, "x"));
    }

    [Fact]
    public void AllLibraryExceptions_DeriveFromQuantumInputException()
    {
        Assert.IsAssignableFrom<QuantumInputException>(new NotHermitianException("m"));
        Assert.IsAssignableFrom<ArgumentException>(new DimensionMismatchException("m"));
    }

    [Fact]
    public void LogDerivativeAtSingularSigma_ThrowsNegativeEigenvalue_InsteadOfInfinities()
    {
        var singular = HermitianEigen.Decompose(Reference.Diag(1, 0));
        var ex = Assert.Throws<NegativeEigenvalueException>(() => LogDerivative.Apply(singular, Reference.Diag(1, 1)));
        Assert.Contains("positive definite", ex.Message);
        Assert.Throws<NegativeEigenvalueException>(() => LogDerivative.ApplyInverse(singular, Reference.Diag(1, 1)));
        var regular = HermitianEigen.Decompose(Reference.Diag(0.5, 0.5));
        Assert.Throws<DimensionMismatchException>(() => LogDerivative.Apply(regular, Reference.Diag(1, 1, 1)));
    }

    [Fact]
    public void EntropyOfNaNEigenvalue_Throws_InsteadOfSkippingIt()
    {
        var ex = Assert.Throws<NonFiniteValueException>(() => Entropy.FromEigenvalues([0.5, double.NaN, 0.5]));
        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void BinaryEntropyOutsideUnitInterval_Throws_RoundingExcursionIsClamped()
    {
        Assert.Contains("p must lie in", Assert.Throws<ParameterOutOfRangeException>(() => Entropy.Binary(1.5)).Message);
        Assert.Throws<NonFiniteValueException>(() => Entropy.Binary(double.NaN));
        Assert.Equal(0, Entropy.Binary(1 + 1e-16));
        Reference.AssertClose(Math.Log(2), Entropy.Binary(0.5), 1e-15);
    }

    [Fact]
    public void TraceDistanceOfNonHermitianDifference_Throws_AndOfHermitianOneIsHalfTraceNorm()
    {
        var ex = Assert.Throws<NotHermitianException>(() => TraceDistance.OfHermitianDifference(Reference.M(new Complex[,] { { 0, 1 }, { 0, 0 } })));
        Assert.Contains("not Hermitian", ex.Message);
        Assert.Throws<DimensionMismatchException>(() => TraceDistance.OfHermitianDifference(Matrix<Complex>.Build.Dense(2, 3)));
        Reference.AssertClose(1.5, TraceDistance.OfHermitianDifference(Reference.Diag(1, -2)), 1e-15);
    }

    [Fact]
    public void RandomGeneratorsWithEmptyShape_ThrowDimensionMismatch()
    {
        var rng = new QuantumRandom(1);
        Assert.Contains("0×3", Assert.Throws<DimensionMismatchException>(() => rng.Ginibre(0, 3)).Message);
        Assert.Throws<DimensionMismatchException>(() => rng.Hermitian(0));
        Assert.Throws<DimensionMismatchException>(() => rng.Unitary(0));
        Assert.Throws<DimensionMismatchException>(() => rng.Channel(2, 0));
        Assert.Throws<DimensionMismatchException>(() => rng.MixedState(new CompositeSpace(2), 0));
    }
}
