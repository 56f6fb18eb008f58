using System.Numerics;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>The certificate's product-state maximum is never underestimated and is tight.</summary>
public class ProductStateMaximumTests
{
    private static double SampledMaximum(Matrix<Complex> g, QuantumRandom rng, int samples)
    {
        double best = double.NegativeInfinity;
        var space = new CompositeSpace(2);
        for (int k = 0; k < samples; k++)
        {
            var a = rng.Ket(space).Amplitudes.ToArray();
            var b = rng.Ket(space).Amplitudes.ToArray();
            var ab = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(4, i => a[i / 2] * b[i % 2]);
            best = Math.Max(best, (ab.Conjugate() * (g * ab)).Real);
        }
        return best;
    }

    [Fact]
    public void UpperBound_IsAboveEverySampledProductValue_AndWithin1e10OfAnAttainedValue()
    {
        var rng = new QuantumRandom(42);
        for (int k = 0; k < 20; k++)
        {
            var g = rng.Hermitian(4);
            var bounds = ProductStateMaximum.Bounds(g.ToColumnMajorArray());
            double sampled = SampledMaximum(g, rng, 4000);
            Assert.True(sampled <= bounds.Upper, $"sampled {sampled:G17} above the bound {bounds.Upper:G17}");
            Assert.True(bounds.Lower <= bounds.Upper);
            Assert.True(bounds.Upper - bounds.Lower < 1e-10, $"bounds not tight: [{bounds.Lower:G17}, {bounds.Upper:G17}]");
            Assert.True(sampled <= bounds.Lower + 1e-12 || bounds.Upper - sampled < 1e-3);
        }
    }

    [Fact]
    public void OptimalityOperator_WithMaximumOnAWholeSphere_IsBoundedByOne_Tightly()
    {
        // G = 1 − z(|φ⟩⟨φ|)^Γ: ⟨ab|G|ab⟩ = 1 − z|⟨φ|a b*⟩|² ≤ 1 with equality on a continuum of product states.
        var rng = new QuantumRandom(8);
        var space = CompositeSpace.Qubits(2);
        for (int k = 0; k < 10; k++)
        {
            var phi = rng.Ket(space).Amplitudes.ToArray();
            var v = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(phi);
            var g = Matrix<Complex>.Build.DenseIdentity(4) - 0.7 * PartialTranspose.Apply(v.OuterProduct(v.Conjugate()), space, 1);
            var bounds = ProductStateMaximum.Bounds(g.ToColumnMajorArray());
            Assert.True(bounds.Upper >= 1);
            Assert.True(bounds.Upper - 1 < 1e-11, $"upper bound {bounds.Upper:G17} not tight at 1"); // rounding margin of the dual test
            Assert.Equal(1.0, bounds.Lower, 1e-12);
        }
    }
}
