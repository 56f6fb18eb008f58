using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>
/// The matrix-product engine books entropy_production_total per collision: Σ_j I(AB′:E_j′) + D(ρ_{E_j′}‖η_j) with AB′
/// and E_j′ right after bath j's collision with the system (before its memory collision and the later baths'
/// collisions). References, both independent of the MPS: the streaming engine (density matrices of the system, the
/// step's ancillas and the carried ones) and <see cref="CollisionReference"/>, a brute-force MathNet run written in the
/// tests that takes each term at exactly that point.
/// </summary>
public class MpsPerCollisionProductionTests
{
    private const double Tolerance = 1e-10;

    private static Matrix<Complex> RandomHermitian(int n, Random rng)
    {
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        return g + g.ConjugateTranspose();
    }

    private static Matrix<Complex> RandomState(int n, Random rng)
    {
        var g = Matrix<Complex>.Build.Dense(n, n, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        var rho = g * g.ConjugateTranspose() + 0.05 * Matrix<Complex>.Build.DenseIdentity(n);
        return rho / rho.Trace();
    }

    private static Matrix<Complex> PureState(int n, Random rng)
    {
        var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(n, _ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        psi /= psi.L2Norm();
        return psi.OuterProduct(psi.Conjugate());
    }

    // Ancilla-diagonal coupling H_0 ⊗ |0⟩⟨0| + H_1 ⊗ |1⟩⟨1| on (A, ancilla): a pure ancilla |0⟩ stays |0⟩ (so its
    // D stays finite, 0) while it still rotates A by exp(−iθH_0).
    private static Matrix<Complex> AncillaDiagonal(Random rng)
    {
        var p0 = Matrix<Complex>.Build.DenseOfDiagonalArray([1, 0]);
        var p1 = Matrix<Complex>.Build.DenseOfDiagonalArray([0, 1]);
        return RandomHermitian(2, rng).KroneckerProduct(p0) + RandomHermitian(2, rng).KroneckerProduct(p1);
    }

    // Two qubits (B = qubit 1), random ρ_S(0) (mixed: purified by R_S in the MPS) and H_S; bath 0 on B with memory
    // φ = 0.7 and a random mixed ancilla; bath 1 on A memoryless: "mixed" (random η and coupling), "pure invariant"
    // (|0⟩ with an ancilla-diagonal coupling) or "pure" (a random ket and coupling: it leaves supp η, D = +∞).
    private static ReferenceModel Model(int seed, string second)
    {
        var rng = new Random(seed);
        var rho0 = RandomState(4, rng);
        var h = RandomHermitian(4, rng);
        var memory = new ReferenceBath([1], RandomState(2, rng), Coupling: RandomHermitian(4, rng), Rate: 1.4, MemoryAngle: 0.7);
        var ground = Matrix<Complex>.Build.DenseOfDiagonalArray([1, 0]);
        var other = second switch
        {
            "mixed" => new ReferenceBath([0], RandomState(2, rng), Coupling: RandomHermitian(4, rng), Angle: 0.45),
            "pure invariant" => new ReferenceBath([0], ground, Coupling: AncillaDiagonal(rng), Angle: 0.45),
            _ => new ReferenceBath([0], PureState(2, rng), Coupling: RandomHermitian(4, rng), Angle: 0.45),
        };
        return new ReferenceModel([2, 2], [1], rho0, h, [memory, other]);
    }

    private static (IReadOnlyList<StepRecord> Streaming, IReadOnlyList<StepRecord> Mps) Run(ReferenceModel model, int steps, double dt)
    {
        var definition = ModelFile.Parse(CollisionReference.ToJson(model));
        var options = new CollisionRunOptions { Protocol = definition.Protocol, InitialSystem = definition.InitialState, Grid = TimeGrid.OfStep(dt, steps) };
        return (CollisionSimulation.Run(options, Representation.Streaming).Records, CollisionSimulation.Run(options, Representation.Mps).Records);
    }

    private static void AssertProduction(IReadOnlyList<ReferenceRecord> reference, (IReadOnlyList<StepRecord> Streaming, IReadOnlyList<StepRecord> Mps) runs)
    {
        Assert.Equal(reference.Count, runs.Mps.Count);
        for (int k = 0; k < reference.Count; k++)
        {
            double actual = runs.Mps[k].Bookkeeping.EntropyProductionTotal;
            Reference.AssertClose(runs.Streaming[k].Bookkeeping.EntropyProductionTotal, actual, Tolerance, $"mps vs streaming, production at step {k}");
            Reference.AssertClose(reference[k].EntropyProductionTotal, actual, Tolerance, $"mps vs brute force, production at step {k}");
        }
    }

    [Theory]
    [InlineData("mixed")]
    [InlineData("pure invariant")]
    public void A_memory_model_books_each_collision_as_streaming_and_brute_force_do(string second)
    {
        const int steps = 3;
        const double dt = 0.16;
        var model = Model(44, second);
        var reference = CollisionReference.Run(model, steps, dt);
        // The step-end joint term Σ_n I(S′:E′_n) + D(ρ_{E′_n}‖η) is a different number here: the test tells the bookings apart.
        double joint = reference.Skip(1).Sum(r => r.SAB + r.SE - r.SABE + r.DE);
        Assert.True(double.IsFinite(joint) && Math.Abs(reference[^1].EntropyProductionTotal - joint) > 1e-3,
            $"per collision {reference[^1].EntropyProductionTotal:R} vs step end {joint:R}");
        AssertProduction(reference, Run(model, steps, dt));
    }

    [Fact]
    public void A_pure_ancilla_that_leaves_its_state_makes_the_production_infinite_from_its_first_collision()
    {
        const int steps = 2;
        const double dt = 0.16;
        var model = Model(45, "pure");
        var reference = CollisionReference.Run(model, steps, dt);
        Assert.Equal(0, reference[0].EntropyProductionTotal);
        Assert.True(double.IsPositiveInfinity(reference[1].EntropyProductionTotal), $"brute force at step 1: {reference[1].EntropyProductionTotal:R}");
        AssertProduction(reference, Run(model, steps, dt));
    }
}
