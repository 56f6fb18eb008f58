using CollisionModel.Models;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Models;

public class TimeGridTests
{
    [Fact]
    public void Step_length_is_T_over_K_and_step_times_are_n_delta_t()
    {
        var grid = TimeGrid.Over(1.3, 40);
        Assert.Equal(1.3 / 40, grid.TimeStep);
        Assert.Equal(7 * (1.3 / 40), grid.TimeAt(7));
        Assert.Equal(40, grid.Steps);
    }

    [Theory]
    [InlineData(0.0, 10L)]
    [InlineData(double.NaN, 10L)]
    [InlineData(1.0, 0L)]
    public void Bad_time_or_steps_are_refused(double time, long steps) =>
        Assert.ThrowsAny<QuantumInputException>(() => TimeGrid.Over(time, steps));

    [Fact]
    public void Strang_splits_the_free_evolution_in_halves_and_Lie_puts_it_first()
    {
        Assert.Equal(new SystemSplit(0.5, 0.5), SystemSplit.Of(SplittingOrder.Strang));
        Assert.Equal(new SystemSplit(1, 0), SystemSplit.Of(SplittingOrder.Lie));
        Assert.False(SystemSplit.Of(SplittingOrder.Lie).HasAfter);
    }
}
