using System.Numerics;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Engines.Mps;

public class CorrelatedStreamTests
{
    private const int Chi = 2, Steps = 5;

    /// <summary>A random right-canonical stream of qubits: the rows of M[γ, (e γ′)] are the first χ rows of a random unitary.</summary>
    private static CorrelatedAncillaStream RandomStream(out Complex[,] m, out Complex[] left)
    {
        var h = CollisionMpsTests.RandomHermitian(2 * Chi, 21);
        var u = CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(h, 1.0);
        m = new Complex[Chi, 2 * Chi];
        for (int g = 0; g < Chi; g++)
            for (int c = 0; c < 2 * Chi; c++) m[g, c] = u[g, c];
        var tensors = new List<Complex[,]>();
        for (int e = 0; e < 2; e++)
        {
            var b = new Complex[Chi, Chi];
            for (int g = 0; g < Chi; g++)
                for (int gp = 0; gp < Chi; gp++) b[g, gp] = m[g, e * Chi + gp];
            tensors.Add(b);
        }
        left = CollisionMpsTests.RandomKet(Chi, 22);
        return new CorrelatedAncillaStream(tensors, left);
    }

    /// <summary>The brute-force global vector (A, B, e_1 … e_K, γ): the stream's first K ancillas and its rest, then K steps.</summary>
    private static Complex[] BruteForce(CollisionProtocol protocol, Complex[] system, Complex[,] m, Complex[] left, double dt)
    {
        // ψ_stream[e_1 … e_K, γ] = (l^T B^{e_1} … B^{e_K})_γ, B^e[γ, γ′] = m[γ, e χ + γ′].
        var stream = left.ToArray();
        int width = 1;
        for (int k = 0; k < Steps; k++)
        {
            var next = new Complex[width * 2 * Chi];
            for (int x = 0; x < width; x++)
                for (int g = 0; g < Chi; g++)
                    for (int e = 0; e < 2; e++)
                        for (int gp = 0; gp < Chi; gp++)
                            next[(x * 2 + e) * Chi + gp] += stream[x * Chi + g] * m[g, e * Chi + gp];
            stream = next;
            width *= 2;
        }
        var dims = new[] { 2, 2 }.Concat(Enumerable.Repeat(2, Steps)).Append(Chi).ToArray();
        var space = new CompositeSpace(dims);
        var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(space.Dimension, i => system[i / stream.Length] * stream[i % stream.Length]);
        for (int n = 0; n < Steps; n++)
        {
            var step = protocol.Step(n, dt);
            if (step.SystemBefore is not null) psi = Tensor.Embed(step.SystemBefore, space, 0, 1) * psi;
            psi = Tensor.Embed(step.Baths[0].Collision, space, [.. protocol.Baths[0].ActsOn, 2 + n]) * psi;
            if (step.SystemAfter is not null) psi = Tensor.Embed(step.SystemAfter, space, 0, 1) * psi;
        }
        return psi.ToArray();
    }

    [Fact]
    public void A_correlated_input_stream_gives_the_brute_force_global_state_and_fragments()
    {
        // Reference: the stream's first K ancillas and its rest written out densely, then the K collisions applied by
        // embedded unitaries; I(AB : oldest m) from its reduced states.
        var protocol = CollisionMpsTests.DecayWithHamiltonian();
        var stream = RandomStream(out var m, out var left);
        var ket = CollisionMpsTests.RandomKet(4, 23);
        var mps = new CollisionMps(protocol, DensityMatrix.FromKet(Ket.Create(ket, protocol.SystemSpace)), null, [stream]);
        for (int n = 0; n < Steps; n++) mps.Advance(protocol.Step(n, 0.3));
        var expected = BruteForce(protocol, ket, m, left, 0.3);
        var actual = mps.ToStateVector();
        Complex overlap = 0;
        for (int i = 0; i < expected.Length; i++) overlap += Complex.Conjugate(expected[i]) * actual[i];
        Assert.True(1 - overlap.Magnitude < 1e-12, $"1 − |⟨ψ_ref|ψ_mps⟩| = {1 - overlap.Magnitude:G3}");

        var dims = new[] { 2, 2 }.Concat(Enumerable.Repeat(2, Steps)).Append(Chi).ToArray();
        var rho = TestSupport.BruteForce.Outer(expected);
        double S(int[] keep) => Reference.Entropy(TestSupport.BruteForce.PartialTrace(rho, dims, keep));
        var curves = EnvironmentFragments.Curves(mps);
        for (int k = 1; k <= Steps; k++)
        {
            var f = Enumerable.Range(2, k).ToArray();
            double i = S([0, 1]) + S(f) - S([0, 1, .. f]);
            Assert.True(Math.Abs(i - curves.Oldest[k]) < 1e-10, $"oldest m = {k}: {i} vs {curves.Oldest[k]}");
        }
    }

    [Fact]
    public void A_stream_that_is_not_right_canonical_is_refused()
    {
        var b = new Complex[,] { { 1, 0 }, { 0, 1 } };
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => new CorrelatedAncillaStream([b, b], [1, 0]));
    }
}
