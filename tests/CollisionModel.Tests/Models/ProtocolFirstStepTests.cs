using System.Numerics;
using CollisionModel.Models;
using MathNet.Numerics.LinearAlgebra;

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

    // Not PaperModels' per-thread cached model: these tests count the protocol's kept steps from empty.
    private static CollisionProtocol FreshDecay(double rate = 1.5) => new(PaperModels.SystemDimensions, PaperModels.SubsystemsB,
        [new Bath(PaperModels.SubsystemsB, AncillaState.Ground, BathCollision.WithRate(PaperModels.DecayCoupling(), rate))],
        PaperModels.SystemHamiltonian(0.3));

    [Fact]
    public void The_protocol_keeps_step_0_of_its_sixteen_latest_time_steps_and_drops_the_oldest()
    {
        var protocol = FreshDecay();
        var first = protocol.Step(0, TimeGrid.OfStep(0.01, 1));
        for (int i = 2; i <= CollisionProtocol.KeptFirstSteps; i++) protocol.Step(0, TimeGrid.OfStep(0.01 * i, 1));
        Assert.Same(first, protocol.Step(0, TimeGrid.OfStep(0.01, 1)));
        protocol.Step(0, TimeGrid.OfStep(0.5, 1));
        Assert.NotSame(first, protocol.Step(0, TimeGrid.OfStep(0.01, 1)));
    }

    [Fact]
    public void Step_0_carries_the_partial_swaps_W_minus_1_in_closed_form()
    {
        // W = exp(−iθV), V = σ⁺σ⁻ + σ⁻σ⁺: on |01⟩, |10⟩ W − 1 = (cos θ − 1)·1 − i sin θ·X, zero elsewhere; θ = √(rate·δt).
        double rate = 1.5, dt = 1e-3, theta = Math.Sqrt(rate * dt);
        var d = FreshDecay(rate).Step(0, TimeGrid.OfStep(dt, 1)).Baths[0].Deviation!;
        var expected = Matrix<Complex>.Build.Dense(4, 4);
        expected[1, 1] = expected[2, 2] = -2 * Math.Pow(Math.Sin(theta / 2), 2);
        expected[1, 2] = expected[2, 1] = new Complex(0, -Math.Sin(theta));
        Assert.True((d - expected).Enumerate().Max(Complex.Abs) < 1e-15 * theta * theta, $"W − 1 off by {(d - expected).Enumerate().Max(Complex.Abs):G3}");
    }

    [Fact]
    public void A_collision_given_as_a_unitary_and_a_time_dependent_protocol_carry_no_W_minus_1()
    {
        var swap = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 1, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 } });
        var unitary = new CollisionProtocol(PaperModels.SystemDimensions, PaperModels.SubsystemsB,
            [new Bath(PaperModels.SubsystemsB, AncillaState.Ground, BathCollision.WithUnitary(swap))], null);
        Assert.Null(unitary.Step(0, TimeGrid.OfStep(0.1, 1)).Baths[0].Deviation);
        var timeDependent = new CollisionProtocol(PaperModels.SystemDimensions, PaperModels.SubsystemsB,
            [new Bath(PaperModels.SubsystemsB, AncillaState.Ground, BathCollision.TimeDependent(4, (n, t, dt) => swap))], null);
        Assert.Null(timeDependent.Step(0, TimeGrid.OfStep(0.1, 1)).Baths[0].Deviation);
    }
}
