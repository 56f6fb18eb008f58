using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.Studies;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Channels;

public class NearIdentityChannelTests
{
    private static double MaxAbs(Matrix<Complex> m) => m.Enumerate().Max(z => z.Magnitude);

    [Fact]
    public void CollisionChannelEqualsTracingOutTheAncillaAfterTheFullUnitary()
    {
        var rng = new QuantumRandom(11);
        var rho = rng.MixedState(CompositeSpace.Qubits(2));
        var eta = rng.MixedState(CompositeSpace.Qubits(1));
        var v = PaperModels.DecayCoupling();
        double theta = 0.4;
        var channel = NearIdentityChannel.FromCollision(CompositeSpace.Qubits(2), [1], MatrixExpm1.OfUnitary(v, theta), eta);

        var u = Tensor.Embed(MatrixFunctions.UnitaryPropagator(v, theta), CompositeSpace.Qubits(3), 1, 2);
        var joint = DensityMatrix.Product(rho, eta).ToMatrix();
        var after = DensityMatrix.Create(u * joint * u.ConjugateTranspose(), CompositeSpace.Qubits(3)).Reduced(0, 1);

        Assert.True(MaxAbs(channel.Apply(rho).ToMatrix() - after.ToMatrix()) < 1e-14);
    }

    [Fact]
    public void PartialSwapWithAThermalAncillaIsGeneralisedAmplitudeDamping()
    {
        // docs/conventions.md §5: P1′ = cos²θ P1 + sin²θ p1, ρ01′ = cos θ ρ01 for qubit B.
        double theta = 0.3, p1 = 0.2;
        var eta = DensityMatrix.Diagonal([1 - p1, p1], CompositeSpace.Qubits(1));
        var channel = NearIdentityChannel.FromCollision(CompositeSpace.Qubits(1), [0],
            MatrixExpm1.OfUnitary(PaperModels.DecayCoupling(), theta), eta);
        var rho = DensityMatrix.Create(new Complex[,] { { 0.6, new Complex(0.1, 0.2) }, { new Complex(0.1, -0.2), 0.4 } });
        var after = channel.Apply(rho);
        double c = Math.Cos(theta), s = Math.Sin(theta);
        Assert.Equal(c * c * 0.4 + s * s * p1, after[1, 1].Real, 1e-15);
        Assert.Equal(c * new Complex(0.1, 0.2), after[0, 1]);
        Assert.True((c * new Complex(0.1, 0.2) - after[0, 1]).Magnitude < 1e-15);
    }

    [Fact]
    public void ChannelPowerEqualsStepByStepApplication()
    {
        var model = ConvergenceModels.Decay(1, 0.5);
        const long k = 100_000;
        var step = CollisionStepChannel.Build(ConvergenceModels.Driven(model, 1, 1.5, SplittingOrder.Strang), 1.0 / k);
        var byPower = step.Power(k).Apply(model.InitialState);
        var rho = model.InitialState.ToMatrix();
        for (long j = 0; j < k; j++) rho += step.ApplyDeviation(rho);
        Assert.True(MaxAbs(byPower.ToMatrix() - rho) < 1e-12);
    }

    [Fact]
    public void PowerComposesLikeRepeatedComposition()
    {
        var step = CollisionStepChannel.Build(ConvergenceModels.Driven(ConvergenceModels.Dephasing(0.8), 0, 1, SplittingOrder.Lie), 0.1);
        var composed = NearIdentityChannel.Identity(4);
        for (int j = 0; j < 13; j++) composed = step.After(composed);
        Assert.True(MaxAbs(composed.Deviation - step.Power(13).Deviation) < 1e-14);
    }

    [Fact]
    public void Expm1MatchesExpMinusIdentityForModerateNorms()
    {
        var rng = new QuantumRandom(5);
        var a = rng.Ginibre(5, 5) * 0.9;
        var reference = MatrixExponential.Exp(a) - Matrix<Complex>.Build.DenseIdentity(5);
        Assert.True(MaxAbs(MatrixExpm1.Compute(a) - reference) < 1e-13);
    }

    [Fact]
    public void Expm1OfATinyMatrixKeepsItsSecondOrderTerm()
    {
        // For A = −iθσy, exp(A) − 1 has diagonal cos θ − 1 = −2 sin²(θ/2) ≈ −θ²/2: invisible in exp(A) − 1 done naively.
        double theta = 1e-9;
        var w = MatrixExpm1.Compute(Pauli.Y * new Complex(0, -theta));
        double expected = -2 * Math.Pow(Math.Sin(theta / 2), 2);
        Assert.Equal(expected, w[0, 0].Real, Math.Abs(expected) * 1e-15);
    }
}
