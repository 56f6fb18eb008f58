using CollisionModel.Models;

namespace CollisionModel.Tests.Models;

/// <summary>
/// <see cref="CollisionProtocol.Step(int, TimeGrid)"/>: step 0 of a grid is built once per protocol and δt and then
/// shared (the run's checks, its validation and the engine), equals a freshly built step 0 of the grid's δt, and is
/// never returned for another δt; other steps are the grid's δt and t_n.
/// </summary>
public class ProtocolFirstStepTests
{
    private static CollisionProtocol Decay() =>
        PaperModels.Decay(1, 0.5, 0.3, 0.6, AngleConvention.Paper, mixedEnvironment: true).Protocol;

    [Fact]
    public void Step_0_of_a_grid_is_built_once_and_equals_a_fresh_step_0_of_its_time_step()
    {
        var protocol = Decay();
        var first = protocol.Step(0, TimeGrid.OfStep(0.1, 4));
        Assert.Same(first, protocol.Step(0, TimeGrid.OfStep(0.1, 9)));
        var fresh = protocol.Step(0, 0.1);
        Assert.NotSame(fresh, first);
        Assert.Equal(fresh.SystemBefore!.ToColumnMajorArray(), first.SystemBefore!.ToColumnMajorArray());
        Assert.Equal(fresh.Baths[0].Collision.ToColumnMajorArray(), first.Baths[0].Collision.ToColumnMajorArray());
    }

    [Fact]
    public void Another_time_step_builds_its_own_step_0()
    {
        var protocol = Decay();
        var first = protocol.Step(0, TimeGrid.OfStep(0.1, 4));
        var other = protocol.Step(0, TimeGrid.OfStep(0.2, 4));
        Assert.Equal(0.2, other.TimeStep);
        Assert.NotEqual(first.Baths[0].Collision.ToColumnMajorArray(), other.Baths[0].Collision.ToColumnMajorArray());
        Assert.Equal(0.1, protocol.Step(0, TimeGrid.OfStep(0.1, 4)).TimeStep);
    }

    [Fact]
    public void Step_n_of_a_grid_starts_at_the_grids_t_n()
    {
        var grid = TimeGrid.Over(1.3, 40);
        var step = Decay().Step(7, grid);
        Assert.Equal(grid.TimeAt(7), step.Time);
        Assert.Equal(grid.TimeStep, step.TimeStep);
    }
}
