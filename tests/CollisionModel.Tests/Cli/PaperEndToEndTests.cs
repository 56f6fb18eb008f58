using System.Text.Json;

namespace CollisionModel.Tests.Cli;

public class PaperEndToEndTests
{
    private static readonly string[] ClaimIds =
    [
        "1-entropy-production", "2-entanglement-production", "3-separable-is-stationary", "4-sudden-death",
        "5-ssa-bookkeeping", "6-dephasing-convergence", "7-pure-vs-mixed-environment", "8-conjecture", "9-errata",
        "10-second-law-per-collision",
    ];

    [Fact]
    public void ReducedPaperRunWritesEveryClaimsDataAndPlotsWithTheRealEngines()
    {
        string folder = Path.Combine(CliHarness.TempFolder(), "paper");
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "paper", "--out", folder, "--reduced", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var claims = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(ClaimIds, claims.Select(c => c.GetProperty("id").GetString()));
        foreach (var claim in claims)
        {
            string id = claim.GetProperty("id").GetString()!;
            Assert.True(File.Exists(Path.Combine(folder, id + ".json")), $"{id}.json missing");
            Assert.True(File.Exists(Path.Combine(folder, id + ".csv")), $"{id}.csv missing");
            Assert.NotEmpty(Directory.GetFiles(folder, id + "_*.png"));
        }
    }

    [Fact]
    public void EveryCorrectedClaimHoldsAndTheConjectureReportsWhatItFinds()
    {
        // Claims 1–7, 9 and 10 are theorems or corrected formulas: they must hold. Claim 8 (|σ_E| ≤ σ) is the paper's
        // conjecture: the engine reports its verdict either way, and on eq. (5) the worst ratio is 1 (pure dephasing).
        string folder = Path.Combine(CliHarness.TempFolder(), "paper");
        CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "paper", "--out", folder, "--reduced", "--quiet");
        foreach (string id in ClaimIds)
        {
            var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, id + ".json"))).RootElement;
            if (id == "8-conjecture")
            {
                Assert.Equal(1.0, doc.GetProperty("worst_ratio_eq5").GetDouble(), 1e-9);
                continue;
            }
            Assert.True(doc.GetProperty("holds").GetBoolean(), $"claim {id} does not hold: {doc.GetProperty("finding").GetString()}");
        }
    }
}
