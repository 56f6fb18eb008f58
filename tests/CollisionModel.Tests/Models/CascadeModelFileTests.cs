using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Tests.TestSupport;
using Plain = CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Models;

public class CascadeModelFileTests
{
    [Fact]
    public void A_cascade_bath_reads_as_the_product_of_its_entries_on_the_union_of_their_parts()
    {
        // Reference: W = exp(−i√(0.5δt) σx_B σx_E) · exp(−i√(δt) σx_A σx_E) on (A, B, E), by the test's own exponentials.
        const double dt = 0.1;
        var p = ModelFile.Parse(ModelFileCases.Cascade).Protocol;
        var bath = p.Baths[0];
        Assert.Equal(BathCollisionKind.Cascade, bath.Collision.Kind);
        Assert.Equal([0, 1], bath.ActsOn);
        var xx = Plain.Kron(Pauli.X, Pauli.X);
        var abe = CompositeSpace.Qubits(3);
        var reference = Tensor.Embed(Plain.Propagator(xx, Math.Sqrt(0.5 * dt)), abe, 1, 2) * Tensor.Embed(Plain.Propagator(xx, Math.Sqrt(dt)), abe, 0, 2);
        var w = p.Step(0, dt).Baths[0].Collision;
        Assert.True((w - reference).FrobeniusNorm() < 1e-13, $"‖W − W_ref‖ = {(w - reference).FrobeniusNorm():E2}");
    }
}
