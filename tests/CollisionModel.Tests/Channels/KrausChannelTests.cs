using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Channels;

public class KrausChannelTests
{
    [Fact]
    public void AmplitudeDamping_MovesPopulationFromOneToZero_AndDampsCoherenceBySqrt()
    {
        // K0 = diag(1, √(1−p)), K1 = √p σ⁻: P1′ = (1−p) P1, ρ01′ = √(1−p) ρ01.
        double p = 0.3;
        var k0 = Reference.Diag(1, Math.Sqrt(1 - p));
        var k1 = Math.Sqrt(p) * Pauli.SigmaMinus;
        var channel = new KrausChannel([k0, k1]);
        var rho = DensityMatrix.Create(Reference.M(new Complex[,] { { 0.4, 0.2 }, { 0.2, 0.6 } }));
        var out1 = channel.Apply(rho);
        Reference.AssertClose(0.6 * (1 - p), out1[1, 1].Real, 1e-15, "P1");
        Reference.AssertClose(0.2 * Math.Sqrt(1 - p), out1[0, 1].Real, 1e-15, "ρ01");
    }

    [Fact]
    public void RandomChannel_OutputIsAValidState()
    {
        var rng = new QuantumRandom(161);
        var channel = new KrausChannel(rng.Channel(4, 3));
        var rho = rng.MixedState(CompositeSpace.Qubits(2));
        var out1 = channel.Apply(rho);
        // Re-validating the output through the public factory must succeed.
        var validated = DensityMatrix.Create(out1.ToMatrix(), out1.Space);
        Assert.Equal(rho.Space, validated.Space);
        Reference.AssertClose(1, out1.ToMatrix().Trace().Real, 1e-13);
    }

    [Fact]
    public void UnitaryChannel_EqualsConjugation()
    {
        var rng = new QuantumRandom(162);
        var u = rng.Unitary(3);
        var rho = rng.MixedState(new CompositeSpace(3));
        var out1 = new KrausChannel([u]).Apply(rho);
        Reference.AssertClose(u * rho.ToMatrix() * u.ConjugateTranspose(), out1.ToMatrix(), 1e-14);
    }

    [Fact]
    public void KrausAccessor_ReturnsCopies()
    {
        var channel = new KrausChannel([Matrix<Complex>.Build.DenseIdentity(2)]);
        channel.Kraus[0][0, 0] = 5;
        Assert.Equal(Complex.One, channel.Kraus[0][0, 0]);
    }
}
