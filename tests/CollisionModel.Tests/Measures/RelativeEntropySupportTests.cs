using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Measures;

public class RelativeEntropySupportTests
{
    [Fact]
    public void SupportOfRhoOutsideSigma_GivesPositiveInfinity()
    {
        var rho = DensityMatrix.Diagonal([0.5, 0.5]);
        var sigma = DensityMatrix.Diagonal([1.0, 0]);
        Assert.Equal(double.PositiveInfinity, RelativeEntropy.Compute(rho, sigma));
    }

    [Fact]
    public void SigmaWithEigenvalueMinus8_7e_33_AndRhoWithNoWeightThere_IsFinite()
    {
        // σ = diag(0.5, 0.5, −8.7e−33, 0) passes validation (|λ| far below tolerance); ρ = diag(0.6, 0.4, 0, 0).
        // S(ρ‖σ) = 0.6 ln(0.6/0.5) + 0.4 ln(0.4/0.5), not +∞ and not something near −ln(8.7e−33) ≈ 73.8.
        var sigma = DensityMatrix.Create(Reference.Diag(0.5, 0.5, -8.7e-33, 0), CompositeSpace.Qubits(2));
        Assert.Equal(-8.7e-33, sigma.Eigenvalues[0]);
        var rho = DensityMatrix.Diagonal([0.6, 0.4, 0, 0]);
        double expected = 0.6 * Math.Log(0.6 / 0.5) + 0.4 * Math.Log(0.4 / 0.5);
        Reference.AssertClose(expected, RelativeEntropy.Compute(rho, sigma), 1e-14);
    }

    [Fact]
    public void SigmaWithEigenvalueMinus8_7e_33_AndRhoWithWeightThere_IsPositiveInfinity()
    {
        var sigma = DensityMatrix.Create(Reference.Diag(0.5, 0.5, -8.7e-33, 0), CompositeSpace.Qubits(2));
        var rho = DensityMatrix.Diagonal([0.5, 0.3, 0.2, 0]);
        Assert.Equal(double.PositiveInfinity, RelativeEntropy.Compute(rho, sigma));
    }

    [Fact]
    public void RotatedRankDeficientPair_IsFiniteInsideSupport_InfiniteOutside_NeverNaN()
    {
        // The same situation in a random basis: the zero eigenvalues become ±1e−17 rounding noise.
        var u = new QuantumRandom(121).Unitary(4);
        Matrix<Complex> Rot(params double[] d) => u * Reference.Diag(d) * u.ConjugateTranspose();
        var space = CompositeSpace.Qubits(2);
        var sigma = DensityMatrix.Create(Rot(0.5, 0.5, 0, 0), space);
        var inside = DensityMatrix.Create(Rot(0.6, 0.4, 0, 0), space);
        var outside = DensityMatrix.Create(Rot(0.6, 0.3, 0.1, 0), space);
        double expected = 0.6 * Math.Log(0.6 / 0.5) + 0.4 * Math.Log(0.4 / 0.5);
        Reference.AssertClose(expected, RelativeEntropy.Compute(inside, sigma), 1e-12, "inside");
        Assert.Equal(double.PositiveInfinity, RelativeEntropy.Compute(outside, sigma));
        Assert.Equal(double.PositiveInfinity, RelativeEntropy.Compute(DensityMatrix.FromKet(Ket.PhiPlus), DensityMatrix.Diagonal([1.0, 0, 0, 0])));
    }

    [Fact]
    public void PureRhoInsideSupportOfMixedSigma_IsMinusLnOfOverlapWeight()
    {
        // ρ = |0⟩⟨0|, σ = diag(p, 1 − p): S(ρ‖σ) = −ln p.
        var rho = DensityMatrix.Diagonal([1.0, 0]);
        foreach (double p in new[] { 0.9, 0.5, 1e-6 })
            Reference.AssertClose(-Math.Log(p), RelativeEntropy.Compute(rho, DensityMatrix.Diagonal([p, 1 - p])), 1e-12 * Math.Max(1, -Math.Log(p)));
    }

    [Fact]
    public void BitsOption_DividesByLn2()
    {
        var rho = DensityMatrix.Diagonal([1.0, 0]);
        var sigma = DensityMatrix.Diagonal([0.5, 0.5]);
        Reference.AssertClose(1.0, RelativeEntropy.Compute(rho, sigma, unit: InformationUnit.Bits), 1e-14);
    }
}
