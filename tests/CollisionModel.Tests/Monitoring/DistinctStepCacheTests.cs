using CollisionModel.Models;
using CollisionModel.Monitoring;

namespace CollisionModel.Tests.Monitoring;

/// <summary>
/// Counting's per-step maps are built once per distinct step (bit-equal drive factors of H_S and every bath). Reference:
/// the drive factors of an Otto cycle of 3 hot and 2 cold steps, read step by step.
/// </summary>
public class DistinctStepCacheTests
{
    [Fact]
    public void An_otto_cycle_builds_one_map_per_distinct_step_over_many_periods()
    {
        var protocol = new OttoCycle(2, 1, 0.25, 2, 0.3, 0.4, 3, 2, 0.1).Protocol;
        var built = new List<int>();
        var cache = new DistinctStepCache<object>(protocol, 0.1, n =>
        {
            built.Add(n);
            return new object();
        });
        const int steps = 250;
        var maps = Enumerable.Range(0, steps).Select(cache.Of).ToArray();
        // The drive factors at t = n·δt, read here: steps with bit-equal factors must share one map (bit-equal
        // factors give bit-identical unitaries, so the counts are unchanged to the last digit); the interpolation's
        // rounding makes a few steps of a stroke differ in the last bit, and those get their own map.
        string Factors(int n) => string.Join(",", protocol.Baths.Select(b => b.Drive!.AtStep(n, 0.1)).Append(protocol.SystemDriveFactor(n, 0.1)).Select(f => f.ToString("R")));
        var firstWith = new Dictionary<string, int>();
        for (int n = 0; n < steps; n++) firstWith.TryAdd(Factors(n), n);
        Assert.Equal(firstWith.Values.Order(), built);
        Assert.True(built.Count < steps / 10, $"{built.Count} maps built over {steps} steps");
        for (int n = 0; n < steps; n++) Assert.Same(maps[firstWith[Factors(n)]], maps[n]);
    }

    [Fact]
    public void A_time_independent_protocol_builds_one_map()
    {
        var undriven = new TwoQubitAbsorptionRefrigerator(1, 2, 1.25, 1, 0.25, 0.5, 0.5, 0.5).Protocol;
        int builds = 0;
        var cache = new DistinctStepCache<object>(undriven, 0.1, _ => new object[++builds]);
        Assert.Same(cache.Of(0), cache.Of(7));
        Assert.Equal(1, builds);
    }
}
