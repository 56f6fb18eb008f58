using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Spaces;
using CollisionModel.States;

namespace CollisionModel.Tests.Engines;

/// <summary>What the engines cannot hold is refused by name, and the explicit cap follows the machine's memory.</summary>
public class EngineLimitTests
{
    [Fact]
    public void Streaming_refuses_a_working_dimension_above_its_limit_naming_it()
    {
        // 64-dimensional system, two memory baths of 8-level ancillas: carried 64·8·8 = 4096 > 2048.
        var ancilla = AncillaState.From(DensityMatrix.MaximallyMixed(new CompositeSpace(8)));
        var w = new QuantumRandom(9).Unitary(32);
        var protocol = new CollisionProtocol([4, 4, 4], [2],
            [new Bath([0], ancilla, BathCollision.WithUnitary(w), memoryAngle: 0.3), new Bath([1], ancilla, BathCollision.WithUnitary(w), memoryAngle: 0.3)]);
        var options = new CollisionRunOptions { Protocol = protocol, InitialSystem = DensityMatrix.MaximallyMixed(protocol.SystemSpace), Grid = TimeGrid.OfStep(0.1, 1) };
        var e = Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => new StreamingCollisionEngine(options));
        Assert.Contains(DensityMatrixStepper.MaxWorkingDimension.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Fact]
    public void Explicit_capacity_for_pure_paper_ancillas_is_the_largest_K_with_4_times_2_to_the_K_amplitudes_in_half_the_memory()
    {
        // Independent arithmetic: 16 bytes per amplitude, 2^(2+K) amplitudes, half of the available memory.
        long budget = Math.Min(Array.MaxLength, ExplicitCollisionEngine.AvailableMemoryBytes / 32);
        int expected = 0;
        while (4L << (expected + 1) <= budget) expected++;
        Assert.Equal(expected, ExplicitCollisionEngine.StepCapacity(PaperModels.Dephasing(1, 0, 0.6).Protocol));
    }

    [Fact]
    public void The_capacity_check_accepts_the_cap_and_refuses_one_more_naming_steps()
    {
        var protocol = PaperModels.Dephasing(1, 0, 0.6).Protocol;
        int cap = ExplicitCollisionEngine.StepCapacity(protocol);
        ExplicitCollisionEngine.EnsureCapacity(protocol, cap);
        var e = Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => ExplicitCollisionEngine.EnsureCapacity(protocol, cap + 1L));
        Assert.Equal("steps", e.ParamName);
        Assert.Contains($"at most {cap} collisions with pure ancillas (got {cap + 1})", e.Message);
    }
}
