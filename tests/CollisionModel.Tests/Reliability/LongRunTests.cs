using CollisionModel.Engines;

namespace CollisionModel.Tests.Reliability;

/// <summary>
/// A million streaming collisions keep ρ_AB a state and stay on the master-equation solution. The 10⁸ and 10⁹ runs
/// are soak benchmarks (benchmarks/CollisionModel.Benchmarks/SoakBenchmarks.cs); the drift bound here is theirs,
/// 10⁻⁶ at 10⁸ steps, scaled linearly (the worst case for a per-step bias) to 10⁻⁸ at 10⁶.
/// </summary>
public class LongRunTests
{
    private const int Steps = 1_000_000;

    [Fact]
    public void AMillionBookedCollisionsStayAStateOnTheMasterEquationSolution()
    {
        var trajectory = CollisionSimulation.Run(LongRunScenario.Options(Steps, recordEvery: Steps), Representation.Streaming);
        var last = trajectory.Records[^1];
        Assert.Equal(Steps, last.Bookkeeping.Step);
        var (herm, trace, min, distance) = LongRunScenario.Diagnose(last.RhoAB);
        Assert.True(herm <= 1e-12, $"max |ρ − ρ†| = {herm:G3}");
        Assert.True(trace <= 1e-12, $"|tr ρ − 1| = {trace:G3}");
        Assert.True(min >= -1e-12, $"λ_min = {min:G3}");
        Assert.True(distance <= 1e-8, $"max |ρ − ρ_master| = {distance:G3}");
        // The bookkeeping ran at every step and stayed consistent: SSA slack never went below rounding.
        Assert.True(last.Bookkeeping.MinSsaSlack >= -1e-12, $"min SSA slack {last.Bookkeeping.MinSsaSlack:G3}");
    }

    [Fact]
    public void AMillionPlainPropagationsStayAStateOnTheMasterEquationSolution()
    {
        var engine = new StreamingCollisionEngine(LongRunScenario.Options(Steps, recordEvery: Steps));
        for (int k = 0; k < Steps; k++) engine.Propagate();
        var (herm, trace, min, distance) = LongRunScenario.Diagnose(engine.SystemState());
        Assert.True(herm <= 1e-12, $"max |ρ − ρ†| = {herm:G3}");
        Assert.True(trace <= 1e-12, $"|tr ρ − 1| = {trace:G3}");
        Assert.True(min >= -1e-12, $"λ_min = {min:G3}");
        Assert.True(distance <= 1e-8, $"max |ρ − ρ_master| = {distance:G3}");
    }
}
