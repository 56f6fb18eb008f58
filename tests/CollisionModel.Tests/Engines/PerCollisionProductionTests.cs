using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// entropy_production_total = Σ over collisions j of I(AB′:E_j′) + D(ρ_{E_j}′‖η_j), each term taken right after bath
/// j's collision with the system (before its memory collision and the later baths' collisions). Reference:
/// <see cref="CollisionReference"/>, a brute-force density-matrix run written in the tests (MathNet only) that takes
/// each term at exactly that point. For memoryless protocols the per-collision sum equals the joint-step term
/// I(AB′:E′) + D(ρ_E′‖η) that the precomputed path books; with memory it does not, and the engines must follow the
/// per-collision definition.
/// </summary>
public class PerCollisionProductionTests
{
    private const double Tolerance = 1e-10;

    // Two qubits, H_S random; bath 0 on B, bath 1 on A, random couplings and mixed ancillas; bath 0 optionally with memory.
    private static ReferenceModel TwoBaths(int seed, double? memoryAngle)
    {
        var rng = new Random(seed);
        return new ReferenceModel([2, 2], [1], RandomMatrices.State(4, rng), RandomMatrices.Hermitian(4, rng),
        [
            new ReferenceBath([1], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Rate: 1.4, MemoryAngle: memoryAngle),
            new ReferenceBath([0], RandomMatrices.State(2, rng), Coupling: RandomMatrices.Hermitian(4, rng), Angle: 0.45),
        ]);
    }

    // The same protocol with every collision wrapped as time dependent: forces the general (index-arithmetic) path.
    private static CollisionProtocol Generic(CollisionProtocol p) =>
        new(p.SystemSpace.Dimensions, p.SubsystemsB, p.Baths.Select(b =>
        {
            var w = b.Collision;
            return new Bath(b.ActsOn, b.Ancilla, BathCollision.TimeDependent(b.Ancilla.Dimension * b.ActsOn.Aggregate(1, (x, k) => x * p.SystemSpace.Dimensions[k]),
                (n, t, dt) => w.UnitaryFor(n, t, dt)), b.MemoryAngle);
        }).ToArray(), p.SystemHamiltonian);

    private static IReadOnlyList<StepRecord> Run(CollisionProtocol protocol, ModelDefinition model, int steps, double dt, Representation representation) =>
        CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(dt, steps) }, representation).Records;

    private static void AssertProduction(IReadOnlyList<ReferenceRecord> reference, IReadOnlyList<StepRecord> records, string what)
    {
        Assert.Equal(reference.Count, records.Count);
        for (int k = 0; k < reference.Count; k++)
            Reference.AssertClose(reference[k].EntropyProductionTotal, records[k].Bookkeeping.EntropyProductionTotal, Tolerance, $"{what}: production at step {k}");
    }

    // Σ over steps of the joint term I(S′:E′) + D(ρ_E′‖η), E = the step's ancillas at the step's end (brute force).
    private static double JointStepSum(IReadOnlyList<ReferenceRecord> reference) =>
        reference.Skip(1).Sum(r => r.SAB + r.SE - r.SABE + r.DE);

    [Fact]
    public void Two_memoryless_baths_the_joint_step_term_equals_the_per_collision_sum()
    {
        const int steps = 6;
        const double dt = 0.15;
        var model = TwoBaths(7, memoryAngle: null);
        var reference = CollisionReference.Run(model, steps, dt);
        // The identity itself, by brute force: Σ_j per-collision terms = the joint-step term (ΔS_S − Σ_j tr Δρ_{E_j} ln η_j).
        Assert.Equal(reference[^1].EntropyProductionTotal, JointStepSum(reference), 1e-12);
        var definition = ModelFile.Parse(CollisionReference.ToJson(model));
        var options = new CollisionRunOptions { Protocol = definition.Protocol, InitialSystem = definition.InitialState, Grid = TimeGrid.OfStep(dt, steps) };
        Assert.True(StreamingCollisionEngine.UsesFastMap(options));
        AssertProduction(reference, Run(definition.Protocol, definition, steps, dt, Representation.Streaming), "fast path");
        AssertProduction(reference, Run(Generic(definition.Protocol), definition, steps, dt, Representation.Streaming), "general path");
    }

    [Fact]
    public void A_memory_bath_books_each_term_right_after_the_system_collision()
    {
        const int steps = 5;
        const double dt = 0.16;
        var model = TwoBaths(44, memoryAngle: 0.7);
        var reference = CollisionReference.Run(model, steps, dt);
        // With memory the step-end joint term is a different number: the test tells the two bookings apart.
        Assert.True(Math.Abs(reference[^1].EntropyProductionTotal - JointStepSum(reference)) > 1e-3,
            $"per-collision {reference[^1].EntropyProductionTotal:R} vs step-end {JointStepSum(reference):R}");
        var definition = ModelFile.Parse(CollisionReference.ToJson(model));
        AssertProduction(reference, Run(definition.Protocol, definition, steps, dt, Representation.Streaming), "streaming");
    }

    [Fact]
    public void The_explicit_general_path_books_each_term_right_after_the_system_collision()
    {
        const int steps = 2;
        const double dt = 0.16;
        var model = TwoBaths(44, memoryAngle: 0.7) with { Rho0 = PureState(4, new Random(5)) };
        var definition = ModelFile.Parse(CollisionReference.ToJson(model));
        AssertProduction(CollisionReference.RunExplicit(model, steps, dt), Run(definition.Protocol, definition, steps, dt, Representation.Explicit), "explicit");
    }

    private static Matrix<Complex> PureState(int n, Random rng)
    {
        var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(n, _ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        psi /= psi.L2Norm();
        return psi.OuterProduct(psi.Conjugate());
    }
}
