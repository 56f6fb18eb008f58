using System.Text.Json.Nodes;
using CollisionModel.Cli.Sweeps;

namespace CollisionModel.Tests.Cli.Sweeps;

public class SweepSpecTests
{
    [Fact]
    public void GridIsCartesianWithTheLastKeyFastestThenRandomDraws()
    {
        var spec = SweepSpec.Parse(SweepHarness.MasterSpec);
        Assert.Equal(10, spec.PointCount);
        string[] expected = ["0.5/0", "0.5/0.25", "0.5/0.5", "1/0", "1/0.25", "1/0.5"];
        for (int p = 0; p < 6; p++)
        {
            var point = spec.PointAt(p);
            Assert.Equal(expected[p], $"{point.Parameters.Single(x => x.Name == "gamma").Value.ToJsonString()}/{point.Parameters.Single(x => x.Name == "kappa").Value.ToJsonString()}");
        }
        var random = spec.PointAt(6);
        Assert.Equal(["time", "points", "a", "eta"], random.Parameters.Select(x => x.Name));
    }

    [Fact]
    public void EachDrawDependsOnlyOnTheSeedAndThePointNumber()
    {
        // Growing the count must not move the existing draws (a sequential stream would be fine too; a shuffled one not),
        // and draw p must not depend on the draws before it: compare a 5-point and a 500-point spec.
        string Spec(int count, int seed) =>
            "{\"command\":\"master\",\"random\":{\"count\":" + count + ",\"seed\":" + seed +
            ",\"uniform\":{\"a\":[0,1]},\"log_uniform\":{\"gamma\":[0.01,100]}}}";
        var small = SweepSpec.Parse(Spec(5, 3));
        var large = SweepSpec.Parse(Spec(500, 3));
        var other = SweepSpec.Parse(Spec(5, 4));
        for (int p = 0; p < 5; p++)
        {
            Assert.Equal(small.PointAt(p).ParametersText(), large.PointAt(p).ParametersText());
            Assert.NotEqual(small.PointAt(p).ParametersText(), other.PointAt(p).ParametersText());
        }
    }

    [Fact]
    public void UniformAndLogUniformDrawsHaveTheRightDistribution()
    {
        // 4000 draws: mean of a ~ U[0,1] is 1/2 (σ/√n ≈ 0.0046), mean of log10 γ ~ U[−2, 2] is 0 (σ/√n ≈ 0.018); 4σ bands.
        var spec = SweepSpec.Parse("""{"command":"master","random":{"count":4000,"seed":1,"uniform":{"a":[0,1]},"log_uniform":{"gamma":[0.01,100]}}}""");
        var points = Enumerable.Range(0, 4000).Select(p => spec.PointAt(p).Parameters).ToList();
        var a = points.Select(x => x.Single(y => y.Name == "a").Value.GetValue<double>()).ToList();
        var logGamma = points.Select(x => Math.Log10(x.Single(y => y.Name == "gamma").Value.GetValue<double>())).ToList();
        Assert.All(a, x => Assert.InRange(x, 0, 1));
        Assert.All(logGamma, x => Assert.InRange(x, -2 - 1e-12, 2 + 1e-12));
        Assert.InRange(a.Average(), 0.5 - 4 * 0.0046, 0.5 + 4 * 0.0046);
        Assert.InRange(logGamma.Average(), -4 * 0.018, 4 * 0.018);
        Assert.InRange(logGamma.Count(x => x < 0) / 4000.0, 0.5 - 4 * 0.0079, 0.5 + 4 * 0.0079);
    }

    [Fact]
    public void NegativeAndStringValuesBecomeSingleTokens()
    {
        var point = new SweepPoint(0, [new SweepParameter("omega", JsonValue.Create(-0.5)), new SweepParameter("qubit", JsonValue.Create("both"))]);
        Assert.Equal(["master", "--omega=-0.5", "--qubit=both", "--format=json", "--quiet"], point.ToArguments("master"));
    }
}
