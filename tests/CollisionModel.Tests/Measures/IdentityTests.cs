using CollisionModel.Channels;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Measures;

/// <summary>Entropy inequalities and identities on ≥ 200 random states per property, fixed seeds.</summary>
public class IdentityTests
{
    private const int Trials = 200;
    private const double Slack = 1e-12; // rounding allowance on an inequality

    private static readonly int[][] ThreePartyShapes = [[2, 2, 2], [2, 3, 2], [3, 2, 2], [2, 2, 3], [1, 2, 3]];

    private static DensityMatrix RandomState(QuantumRandom rng, int[] dims, int trial)
    {
        var space = new CompositeSpace(dims);
        // Alternate full-rank, low-rank and pure states: the inequalities are tight on different families.
        int rank = (trial % 3) switch { 0 => space.Dimension, 1 => 2, _ => 1 };
        return rng.MixedState(space, rank);
    }

    [Fact]
    public void StrongSubadditivity_ConditionalMutualInformationIsNonNegative()
    {
        var rng = new QuantumRandom(101);
        for (int t = 0; t < Trials; t++)
        {
            var rho = RandomState(rng, ThreePartyShapes[t % ThreePartyShapes.Length], t);
            double cmi = Correlations.ConditionalMutualInformation(rho, [0], [2], [1]);
            Assert.True(cmi >= -Slack, $"trial {t}: I(A:C|B) = {cmi}");
            // Second, independent route: S_AB + S_BC − S_ABC − S_B from MathNet eigenvalues of brute-force marginals.
            int[] dims = rho.Space.Dimensions.ToArray();
            var m = rho.ToMatrix();
            double expected = Reference.Entropy(BruteForce.PartialTrace(m, dims, [0, 1])) + Reference.Entropy(BruteForce.PartialTrace(m, dims, [1, 2]))
                - Reference.Entropy(m) - Reference.Entropy(BruteForce.PartialTrace(m, dims, [1]));
            Reference.AssertClose(expected, cmi, 1e-11, $"trial {t}");
        }
    }

    [Fact]
    public void ArakiLieb_DifferenceOfMarginalEntropiesIsAtMostJointEntropy()
    {
        var rng = new QuantumRandom(102);
        int[][] shapes = [[2, 2], [2, 3], [3, 2], [2, 4], [3, 3]];
        for (int t = 0; t < Trials; t++)
        {
            var rho = RandomState(rng, shapes[t % shapes.Length], t);
            double sa = Entropy.VonNeumann(rho, [0]), sb = Entropy.VonNeumann(rho, [1]), sab = Entropy.VonNeumann(rho);
            Assert.True(Math.Abs(sa - sb) <= sab + Slack, $"trial {t}: |{sa} − {sb}| > {sab}");
        }
    }

    [Fact]
    public void MutualInformation_IsNonNegative_AndEqualsDefinition()
    {
        var rng = new QuantumRandom(103);
        for (int t = 0; t < Trials; t++)
        {
            var rho = RandomState(rng, ThreePartyShapes[t % ThreePartyShapes.Length], t);
            double mi = Correlations.MutualInformation(rho, [0, 2], [1]);
            Assert.True(mi >= -Slack, $"trial {t}: I = {mi}");
            double expected = Entropy.VonNeumann(rho, [0, 2]) + Entropy.VonNeumann(rho, [1]) - Entropy.VonNeumann(rho);
            Reference.AssertClose(expected, mi, 1e-12, $"trial {t}");
        }
    }

    [Fact]
    public void MutualInformation_OfPureBipartiteState_IsTwiceEntanglementEntropy()
    {
        var rng = new QuantumRandom(104);
        int[][] shapes = [[2, 2], [2, 3], [3, 4], [2, 2, 2]];
        for (int t = 0; t < Trials; t++)
        {
            var dims = shapes[t % shapes.Length];
            var rho = DensityMatrix.FromKet(rng.Ket(new CompositeSpace(dims)));
            var rest = Enumerable.Range(1, dims.Length - 1).ToArray();
            double sa = Reference.Entropy(BruteForce.PartialTrace(rho.ToMatrix(), dims, [0]));
            Reference.AssertClose(2 * sa, Correlations.MutualInformation(rho, [0], rest), 1e-11, $"trial {t}");
            Reference.AssertClose(Entropy.VonNeumann(rho, [0]), Entropy.VonNeumann(rho, rest), 1e-11, $"trial {t}: S_A = S_B");
        }
    }

    [Fact]
    public void Klein_RelativeEntropyIsNonNegative_AndZeroOnlyForEqualStates()
    {
        var rng = new QuantumRandom(105);
        for (int t = 0; t < Trials; t++)
        {
            var space = new CompositeSpace(2 + t % 4);
            var rho = rng.MixedState(space, 1 + t % space.Dimension);
            var sigma = rng.MixedState(space);
            double d = RelativeEntropy.Compute(rho, sigma);
            Assert.True(d >= 0 && !double.IsNaN(d), $"trial {t}: S(ρ‖σ) = {d}");
            Assert.True(d > 1e-6, $"trial {t}: distinct states must have S(ρ‖σ) > 0, got {d}");
            Reference.AssertClose(0, RelativeEntropy.Compute(sigma, sigma), 1e-12, $"trial {t}: S(σ‖σ)");
        }
    }

    [Fact]
    public void RelativeEntropy_IsMonotoneUnderPartialTrace()
    {
        var rng = new QuantumRandom(106);
        int[][] shapes = [[2, 2], [2, 3], [3, 2], [2, 2, 2]];
        for (int t = 0; t < Trials; t++)
        {
            var space = new CompositeSpace(shapes[t % shapes.Length]);
            var rho = rng.MixedState(space, 1 + t % space.Dimension);
            var sigma = rng.MixedState(space);
            double full = RelativeEntropy.Compute(rho, sigma);
            double reduced = RelativeEntropy.Compute(rho.Reduced(0), sigma.Reduced(0));
            Assert.True(reduced <= full + Slack, $"trial {t}: S(ρ_A‖σ_A) = {reduced} > S(ρ‖σ) = {full}");
        }
    }

    [Fact]
    public void RelativeEntropy_IsMonotoneUnderRandomCptpMap()
    {
        var rng = new QuantumRandom(107);
        for (int t = 0; t < Trials; t++)
        {
            int n = 2 + t % 3;
            var space = new CompositeSpace(n);
            var channel = new KrausChannel(rng.Channel(n, 1 + t % 4));
            var rho = rng.MixedState(space, 1 + t % n);
            var sigma = rng.MixedState(space);
            double before = RelativeEntropy.Compute(rho, sigma);
            double after = RelativeEntropy.Compute(channel.Apply(rho), channel.Apply(sigma));
            Assert.True(after <= before + 1e-10, $"trial {t}: {after} > {before}");
        }
    }

    [Fact]
    public void Subadditivity_JointEntropyIsAtMostSumOfMarginals()
    {
        var rng = new QuantumRandom(108);
        for (int t = 0; t < Trials; t++)
        {
            var rho = RandomState(rng, ThreePartyShapes[t % ThreePartyShapes.Length], t);
            double sum = Entropy.VonNeumann(rho, [0]) + Entropy.VonNeumann(rho, [1, 2]);
            Assert.True(Entropy.VonNeumann(rho) <= sum + Slack, $"trial {t}");
        }
    }
}
