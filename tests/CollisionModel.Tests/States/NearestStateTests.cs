using System.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Tests.States;

/// <summary>The nearest state to rounded entries, against the hand-computed clip-and-renormalise of a diagonal input.</summary>
public class NearestStateTests
{
    [Fact]
    public void A_diagonal_with_a_rounding_negative_is_clipped_and_renormalised()
    {
        // diag(0.5, 0.5, 0.001, −0.001): clip −0.001, divide by 1.001. Trace distance to the input:
        // ½(3·|p − p/1.001| summed over the kept entries + 0.001) = ½(1.001·(1 − 1/1.001) + 0.001) = 0.001.
        var entries = new Complex[4, 4];
        entries[0, 0] = 0.5; entries[1, 1] = 0.5; entries[2, 2] = 0.001; entries[3, 3] = -0.001;
        var nearest = NearestState.Of(entries);
        Assert.Equal(0.5 / 1.001, nearest.State[0, 0].Real, 14);
        Assert.Equal(0.001 / 1.001, nearest.State[2, 2].Real, 14);
        Assert.Equal(0, nearest.State[3, 3].Real, 15);
        Assert.Equal(0.001, nearest.ClippedNegativeWeight, 15);
        Assert.Equal(1.0, nearest.InputTrace, 15);
        Assert.Equal(0.001, nearest.TraceDistanceToInput, 14);
        Assert.Equal(0, nearest.HermiticityDefect);
    }

    [Fact]
    public void The_hermiticity_defect_is_half_the_largest_skew_entry()
    {
        var entries = new Complex[2, 2];
        entries[0, 0] = 0.5; entries[1, 1] = 0.5; entries[0, 1] = 0.002; entries[1, 0] = 0;
        Assert.Equal(0.001, NearestState.Of(entries).HermiticityDefect, 15);
    }

    [Fact]
    public void A_matrix_far_from_every_state_is_refused_naming_it()
    {
        var entries = new Complex[2, 2];
        entries[0, 0] = 1; entries[1, 1] = -0.5; // clipping −0.5 moves it by 0.25 in trace distance
        var e = Assert.Throws<ParameterOutOfRangeException>(() => NearestState.Of(entries, "rho"));
        Assert.Equal("rho", e.ParamName);
        Assert.Contains("more than rounding", e.Message);
    }
}
