using CollisionModel.Reproduction;
using Xunit.Abstractions;

namespace CollisionModel.Tests.Reproduction;

/// <summary>Claim 8 (|σ_E| ≤ σ) in reduced mode.</summary>
public class ConjectureClaimTests(ITestOutputHelper output)
{
    private static readonly PaperSettings Reduced = new(Reduced: true);

    [Fact]
    public void PureDephasingSaturatesTheConjectureWithRatioOne()
    {
        var report = new Claim8Conjecture().Evaluate(Reduced);
        output.WriteLine(report.Finding);
        foreach (var f in report.Summary) output.WriteLine($"{f.Name} = {f.Value}");
        // σ_E = −σ exactly when σ* = ρ_T (shared/physics.md §6): the ratio is 1.
        var dephasing = report.Rows.Single(r => (string)r[1]! == "pure dephasing η=1");
        Assert.Equal(1.0, (double)dephasing[4]!, 1e-9);
        // The paper's own example stays below the bound.
        var paper = report.Rows.Single(r => (string)r[1]! == "paper γ=1 κ=0.5");
        Assert.InRange((double)paper[4]!, 0.0, 1.0);
    }
}
