using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Engines;

/// <summary>
/// A memoryless protocol step as ONE unitary on S ⊗ E_1 ⊗ … ⊗ E_m (E_j = bath j's fresh ancilla, in bath order,
/// least significant last): U = SystemAfter · W_m · … · W_1 · SystemBefore. Since the ancillas are fresh and traced
/// out afterwards, a step is one conjugation of ρ_S ⊗ η_1 ⊗ … ⊗ η_m by U. O(D³) for D = d_S Π d_Ej.
/// </summary>
internal static class StepUnitaries
{
    /// <summary>The joint space: the system's subsystems, then one subsystem per bath's ancilla.</summary>
    public static CompositeSpace JointSpace(CollisionProtocol protocol) =>
        new([.. protocol.SystemSpace.Dimensions, .. protocol.Baths.Select(b => b.Ancilla.Dimension)]);

    /// <summary>The product of the ancilla dimensions (the dimension of the joint E of one step).</summary>
    public static long AncillaDimension(CollisionProtocol protocol) => protocol.Baths.Aggregate(1L, (p, b) => p * b.Ancilla.Dimension);

    /// <summary>U of the step on <see cref="JointSpace"/>; the step must have no memory collisions.</summary>
    public static Matrix<Complex> Joint(CollisionProtocol protocol, ProtocolStep step)
    {
        var space = JointSpace(protocol);
        int ns = protocol.SystemSpace.Count;
        var system = Enumerable.Range(0, ns).ToArray();
        var u = step.SystemBefore is null
            ? Matrix<Complex>.Build.DenseIdentity(space.Dimension)
            : Tensor.Embed(step.SystemBefore, space, system);
        for (int j = 0; j < step.Baths.Count; j++)
        {
            if (step.Baths[j].Memory is not null) throw new InvalidOperationException("A memory step is not one unitary on S ⊗ fresh ancillas.");
            u = Tensor.Embed(step.Baths[j].Collision, space, [.. step.Baths[j].Bath.ActsOn, ns + j]) * u;
        }
        if (step.SystemAfter is not null) u = Tensor.Embed(step.SystemAfter, space, system) * u;
        return u;
    }

    /// <summary>η_1 ⊗ … ⊗ η_m, the joint state of one step's fresh ancillas.</summary>
    public static DensityMatrix JointAncilla(CollisionProtocol protocol) =>
        protocol.Baths.Count == 1 ? protocol.Baths[0].Ancilla.State : DensityMatrix.Product(protocol.Baths.Select(b => b.Ancilla.State).ToArray());
}
