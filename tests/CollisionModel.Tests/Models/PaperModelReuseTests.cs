using CollisionModel.Models;

namespace CollisionModel.Tests.Models;

/// <summary>
/// A repeated preset is one model: <see cref="PaperModels"/> keeps the calling thread's latest model, keyed by the exact
/// bits of its parameters, so repeated short runs (e.g. from Python) build its unitaries and limit once.
/// </summary>
public class PaperModelReuseTests
{
    [Fact]
    public void The_same_parameters_give_the_same_immutable_model_object()
    {
        var first = PaperModels.Dephasing(0.37, 0.2, 0.6);
        Assert.Same(first, PaperModels.Dephasing(0.37, 0.2, 0.6));
        var decay = PaperModels.Decay(1, 0.5, 0.3, 0.6, AngleConvention.Paper, mixedEnvironment: true);
        Assert.Same(decay, PaperModels.Decay(1, 0.5, 0.3, 0.6, AngleConvention.Paper, mixedEnvironment: true));
    }

    [Fact]
    public void Any_changed_parameter_builds_the_model_it_names()
    {
        var slow = PaperModels.Dephasing(0.37, 0.2, 0.6);
        var fast = PaperModels.Dephasing(0.74, 0.2, 0.6);
        Assert.NotSame(slow, fast);
        // Coherence decay rate η: the limit's jump is √(2η)|1⟩⟨1|_B, the collision's rate 2η (0.74 and 1.48).
        Assert.Equal(0.74, slow.Protocol.Baths[0].Collision.Rate!.Value, 15);
        Assert.Equal(1.48, fast.Protocol.Baths[0].Collision.Rate!.Value, 15);
        Assert.NotSame(slow, PaperModels.Dephasing(0.37, 0.2, 0.6, mixedEnvironment: true));
        Assert.NotSame(slow, PaperModels.Dephasing(0.37, 0.2, 0.6, AngleConvention.Exact));
        Assert.NotSame(slow, PaperModels.Dephasing(0.37, 0.2, 0.5));
    }

    [Fact]
    public void Minus_zero_is_not_zero_for_the_key_since_the_collision_description_prints_the_sign()
    {
        var zero = PaperModels.Dephasing(0.0, 0, 0.6);
        var minusZero = PaperModels.Dephasing(-0.0, 0, 0.6);
        Assert.NotSame(zero, minusZero);
        Assert.Contains("η = 0,", zero.Protocol.Baths[0].Collision.Description, StringComparison.Ordinal);
        Assert.Contains("η = -0,", minusZero.Protocol.Baths[0].Collision.Description, StringComparison.Ordinal);
    }
}
