using CollisionModel.Measures.Entanglement;
using CollisionModel.States;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>The general solver against exact instances from the inverse problem (general complex, non-X states).</summary>
public class InverseProblemTests
{
    [Fact]
    public void FiftyRandomInverseProblemInstances_MatchExactValue_To1e8_WithValidLowerBound()
    {
        var rng = new QuantumRandom(20261125);
        int nonX = 0;
        for (int k = 0; k < 50; k++)
        {
            var instance = InverseProblemInstances.Create(rng);
            Assert.True(instance.ExactValue > 1e-6, $"instance {k} is not entangled enough to test: {instance.ExactValue}");
            if (!CollisionModel.Measures.Concurrence.IsXState(instance.Rho)) nonX++;
            var result = RelativeEntropyOfEntanglement.Compute(instance.Rho);
            Assert.Equal(ReeMethod.General, result.Method);
            Assert.True(result.Converged, $"instance {k}: gap {result.Gap:G3}");
            Assert.Equal(instance.ExactValue, result.Value, 1e-8);
            Assert.True(result.LowerBound <= instance.ExactValue + 1e-12,
                $"instance {k}: lower bound {result.LowerBound:G17} exceeds the exact {instance.ExactValue:G17}");
            // σ* is the constructed σ.
            var diff = result.ClosestSeparable.ToMatrix() - instance.Sigma.ToMatrix();
            Assert.True(diff.L2Norm() < 1e-6, $"instance {k}: ‖σ* − σ‖ = {diff.L2Norm():G3}");
        }
        Assert.Equal(50, nonX);
    }

    [Fact]
    public void WarmStartFromNearbyOptimum_GivesSameValue_To1e9()
    {
        var rng = new QuantumRandom(7);
        var instance = InverseProblemInstances.Create(rng);
        var cold = RelativeEntropyOfEntanglement.Compute(instance.Rho);
        // Perturb ρ slightly towards the maximally mixed state and solve warm from the previous σ*.
        var mixed = 0.999 * instance.Rho.ToMatrix() + 0.001 / 4 * MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.DenseIdentity(4);
        var rho2 = DensityMatrix.Create(mixed, instance.Rho.Space);
        var warm = RelativeEntropyOfEntanglement.Compute(rho2, null, cold.ClosestSeparable);
        var reference = RelativeEntropyOfEntanglement.Compute(rho2);
        Assert.True(warm.Converged);
        Assert.Equal(reference.Value, warm.Value, 1e-9);
        Assert.True(warm.Iterations < reference.Iterations, $"warm {warm.Iterations} vs cold {reference.Iterations} iterations");
    }
}
