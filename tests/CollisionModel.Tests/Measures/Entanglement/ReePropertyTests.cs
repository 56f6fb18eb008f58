using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Measures.Entanglement.ReeTestStates;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>Structural properties of E_R: local-unitary invariance, the maximally correlated identity, positivity, bounds.</summary>
public class ReePropertyTests
{
    private static readonly double Ln2 = Math.Log(2);

    [Fact]
    public void ER_IsInvariantUnderRandomLocalUnitaries_To1e8()
    {
        var rng = new QuantumRandom(11);
        var states = new List<DensityMatrix>
        {
            InverseProblemInstances.Create(rng).Rho,
            InverseProblemInstances.Create(rng).Rho,
            Eq5(Math.Sqrt(0.5), 1, 0.5, 0.3, 0, 0.4),
            Eq5(0.6, 1, 0, 0, 2, 0.5), // rank deficient
            BellDiagonal(0.6, 0.3, 0.05, 0.05),
        };
        foreach (var rho in states)
        {
            double reference = RelativeEntropyOfEntanglement.Compute(rho).Value;
            for (int k = 0; k < 3; k++)
            {
                var rotated = LocallyRotated(rho, rng);
                var result = RelativeEntropyOfEntanglement.Compute(rotated);
                Assert.Equal(reference, result.Value, 1e-8);
            }
        }
    }

    [Fact]
    public void MaximallyCorrelatedStates_ER_EqualsRelativeEntropyToDephasedState_To1e8()
    {
        var rng = new QuantumRandom(5);
        for (int k = 0; k < 6; k++)
        {
            var block = rng.MixedState(new CollisionModel.Spaces.CompositeSpace(2)).ToMatrix();
            var m = Matrix<Complex>.Build.Dense(4, 4);
            m[0, 0] = block[0, 0]; m[0, 3] = block[0, 1]; m[3, 0] = block[1, 0]; m[3, 3] = block[1, 1];
            var rho = DensityMatrix.Create(m);
            var dephased = DensityMatrix.Diagonal([block[0, 0].Real, 0, 0, block[1, 1].Real]);
            double expected = RelativeEntropy.Compute(rho, dephased);
            var fast = RelativeEntropyOfEntanglement.Compute(rho);
            Assert.Equal(ReeMethod.MaximallyCorrelated, fast.Method);
            Assert.Equal(expected, fast.Value, 1e-8);
            var general = RelativeEntropyOfEntanglement.Compute(rho, new ReeOptions { UseFastPaths = false });
            Assert.Equal(expected, general.Value, 1e-8);
            Assert.True(general.LowerBound <= expected + 1e-12, $"lower bound {general.LowerBound} > {expected}");
        }
    }

    [Fact]
    public void ER_IsNonNegative_AndBracketedByItsCertificate_OnRandomStates()
    {
        var rng = new QuantumRandom(3);
        var space = CollisionModel.Spaces.CompositeSpace.Qubits(2);
        for (int k = 0; k < 20; k++)
        {
            var rho = rng.MixedState(space, 1 + k % 4);
            var result = RelativeEntropyOfEntanglement.Compute(rho);
            Assert.True(result.Value >= 0);
            Assert.True(result.LowerBound >= 0 && result.LowerBound <= result.Value);
            Assert.True(result.Converged, $"state {k} ({result.Method}): gap {result.Gap:G3}");
            // E_R ≤ ln 2 for two qubits and 0 exactly for PPT states.
            Assert.True(result.Value <= Ln2 + 1e-12);
            if (result.Method == ReeMethod.Separable) Assert.Equal(0.0, result.Value);
        }
    }

    [Fact]
    public void SeparableInput_GivesZero_WithSigmaEqualRho()
    {
        var rho = Eq5(Math.Sqrt(0.5), 1, 0.5, 0, 0, 2.0); // after sudden death (t_ESD = 1.2315)
        var result = RelativeEntropyOfEntanglement.Compute(rho);
        Assert.Equal(ReeMethod.Separable, result.Method);
        Assert.Equal(0.0, result.Value);
        Assert.Same(rho, result.ClosestSeparable);
    }

    [Fact]
    public void ClosestSeparableState_IsPptAndPositive()
    {
        var rng = new QuantumRandom(9);
        var rho = InverseProblemInstances.Create(rng).Rho;
        var sigma = RelativeEntropyOfEntanglement.Compute(rho).ClosestSeparable;
        Assert.True(Negativity.PartialTransposeEigenvalues(sigma)[0] >= -1e-15);
        Assert.True(sigma.Eigenvalues[0] >= -1e-15);
        Assert.Equal(1.0, sigma.ToMatrix().Trace().Real, 1e-14);
    }

    [Fact]
    public void NonTwoQubitInput_IsRejectedWithDimensionMismatch()
    {
        var qutrit = DensityMatrix.MaximallyMixed(new CollisionModel.Spaces.CompositeSpace(3));
        Assert.Throws<CollisionModel.Validation.DimensionMismatchException>(() => RelativeEntropyOfEntanglement.Compute(qutrit));
    }

    [Fact]
    public void LooserGapTolerance_IsHonoured_AndStillBracketsTheExactValue()
    {
        var instance = InverseProblemInstances.Create(new QuantumRandom(77));
        var loose = RelativeEntropyOfEntanglement.Compute(instance.Rho, new ReeOptions { GapTolerance = 1e-4 });
        Assert.True(loose.Converged);
        Assert.True(loose.Gap <= 1e-4);
        Assert.True(loose.LowerBound <= instance.ExactValue + 1e-12 && instance.ExactValue <= loose.Value + 1e-12);
    }

    [Fact]
    public void NonPositiveGapTolerance_IsRejected()
    {
        var rho = Eq5(Math.Sqrt(0.5), 1, 0.5, 0, 0, 0.5);
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(
            () => RelativeEntropyOfEntanglement.Compute(rho, new ReeOptions { GapTolerance = 0 }));
    }
}
