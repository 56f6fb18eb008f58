using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// <see cref="CollisionRunOptions.FirstStep"/>: step 0 is built once per options and shared by the checks and the
/// engine, equals a freshly built <see cref="CollisionProtocol.Step"/>, and never leaks into a copy with another δt.
/// </summary>
public class FirstStepTests
{
    private static CollisionRunOptions Decay(double timeStep)
    {
        var model = PaperModels.Decay(1, 0.5, 0.3, 0.6, AngleConvention.Paper, mixedEnvironment: true);
        return new() { Protocol = model.Protocol, InitialSystem = model.InitialState, Steps = 4, TimeStep = timeStep };
    }

    [Fact]
    public void The_first_step_is_built_once_and_equals_the_protocols_own_step_0()
    {
        var options = Decay(0.1);
        var first = options.FirstStep();
        options.Validate();
        Assert.Same(first, options.FirstStep());
        var fresh = options.Protocol.Step(0, 0.1);
        Assert.Equal(fresh.SystemBefore!.ToColumnMajorArray(), first.SystemBefore!.ToColumnMajorArray());
        Assert.Equal(fresh.Baths[0].Collision.ToColumnMajorArray(), first.Baths[0].Collision.ToColumnMajorArray());
    }

    [Fact]
    public void A_copy_with_another_time_step_builds_its_own_first_step()
    {
        var options = Decay(0.1);
        var first = options.FirstStep();
        var other = options with { TimeStep = 0.2 };
        Assert.Equal(0.2, other.FirstStep().TimeStep);
        Assert.NotEqual(first.Baths[0].Collision.ToColumnMajorArray(), other.FirstStep().Baths[0].Collision.ToColumnMajorArray());
        Assert.Equal(0.1, options.FirstStep().TimeStep);
    }

    [Fact]
    public void The_cached_step_takes_no_part_in_the_options_value_equality()
    {
        var options = Decay(0.1);
        // Built on its own (not a `with` copy, which would share the cache's holder): equal settings, equal options.
        var twin = new CollisionRunOptions
        {
            Protocol = options.Protocol,
            InitialSystem = options.InitialSystem,
            Steps = options.Steps,
            TimeStep = options.TimeStep,
        };
        options.FirstStep();
        Assert.Equal(options, twin);
        Assert.Equal(options.GetHashCode(), twin.GetHashCode());
    }
}
