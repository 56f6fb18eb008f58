using CollisionModel.Engines.Mps;

namespace CollisionModel.Tests.Engines.Mps;

public class WholeEnvironmentRenyiTests
{
    [Theory]
    [InlineData("mixed + memory", 3)]
    [InlineData("two baths, qutrits", 2)]
    public void Renyi_two_entropies_of_the_whole_environment_equal_brute_force(string model, int steps)
    {
        // Reference: −ln tr ρ_X² of the reduced states of the dense state evolved in the test (partners traced).
        var (mps, reference) = CollisionMpsTests.Run(CollisionMpsTests.Model(model), steps, 0.4);
        var renyi = WholeEnvironmentRenyi.Compute(mps);
        var e = reference.Ancillas(Enumerable.Range(0, reference.Collisions));
        double S2(int[] keep)
        {
            var rho = reference.Reduced(keep);
            return -Math.Log((rho * rho).Trace().Real);
        }
        Assert.True(Math.Abs(S2(e) - renyi.E) < 1e-10, $"S₂(E): {S2(e)} vs {renyi.E}");
        Assert.True(Math.Abs(S2([0, .. e]) - renyi.AE) < 1e-10, "S₂(AE)");
        Assert.True(Math.Abs(S2([1, .. e]) - renyi.BE) < 1e-10, "S₂(BE)");
        Assert.True(Math.Abs(S2([0, 1, .. e]) - renyi.ABE) < 1e-10, "S₂(ABE)");
    }
}
