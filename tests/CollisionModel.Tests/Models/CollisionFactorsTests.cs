using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

/// <summary>
/// A collision built from a <see cref="SubsystemOperator"/> knows its factors (the touched subsystems, then the
/// ancilla), so every wrong shape is refused where it is first visible, naming the coupling: by the collision (fewer
/// than two factors), by the bath (the ancilla factor, the number of system factors) and by the protocol or cascade
/// (a factor that differs from its subsystem's dimension, also when the total dimension agrees).
/// </summary>
public class CollisionFactorsTests
{
    // A Hermitian coupling on any factors: the identity is Hermitian and of every size.
    private static SubsystemOperator Coupling(params int[] factors) =>
        new(Matrix<Complex>.Build.DenseIdentity(factors.Aggregate(1, (p, d) => p * d)), factors, "V");

    private static AncillaState Qutrit() => AncillaState.From(DensityMatrix.Diagonal([1.0, 0.0, 0.0]));

    [Fact]
    public void A_coupling_with_one_factor_has_no_ancilla_and_is_refused_by_the_collision()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => BathCollision.WithRate(Coupling(4), 1));
        Assert.Equal("V", e.ParamName);
        Assert.Throws<DimensionMismatchException>(() => BathCollision.WithAngle(Coupling(4), 0.3));
        Assert.Throws<DimensionMismatchException>(() => BathCollision.TimeDependent(new CompositeSpace(4), (_, _, _) => Matrix<Complex>.Build.DenseIdentity(4)));
    }

    [Fact]
    public void A_collision_keeps_the_factors_and_the_name_of_its_coupling()
    {
        var collision = BathCollision.WithRate(Coupling(3, 2), 1);
        Assert.Equal(new CompositeSpace(3, 2), collision.Space);
        Assert.Equal("V", collision.OperatorName);
        Assert.Equal(6, collision.Dimension);
    }

    [Fact]
    public void A_coupling_ending_in_a_qutrit_is_refused_by_a_bath_of_qubit_ancillas()
    {
        // 2⊗3 = 6 = 3⊗2, a qutrit ⊗ qubit coupling would fit by size; the last factor says the ancilla is a qutrit.
        var e = Assert.Throws<DimensionMismatchException>(() => new Bath([0], AncillaState.Ground, BathCollision.WithRate(Coupling(2, 3), 1)));
        Assert.Equal("coupling", e.ParamName);
        Assert.Contains("V acts on 2⊗3", e.Message);
        Assert.Contains("ancilla of dimension 2", e.Message);
    }

    [Fact]
    public void A_coupling_with_more_system_factors_than_acts_on_lists_is_refused_by_the_bath()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => new Bath([0], AncillaState.Ground, BathCollision.WithAngle(Coupling(2, 2, 2), 0.1)));
        Assert.Contains("1 subsystem(s) [0]", e.Message);
    }

    [Fact]
    public void A_coupling_for_qutrit_then_qubit_is_refused_on_a_qubit_then_qutrit_naming_the_bath_key()
    {
        // System [2, 3], acts_on [0, 1], qubit ancilla: the coupling must act on 2⊗3⊗2; 3⊗2⊗2 has the same size.
        var bath = new Bath([0, 1], AncillaState.Ground, BathCollision.WithRate(Coupling(3, 2, 2), 1));
        var e = Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 3], [1], [bath]));
        Assert.Equal("baths[0].coupling", e.ParamName);
        Assert.Contains("V acts on 3⊗2⊗2", e.Message);
        Assert.Contains("2⊗3⊗2", e.Message);
        // The same coupling with its factors in the system's order is accepted.
        var right = new Bath([0, 1], AncillaState.Ground, BathCollision.WithRate(Coupling(2, 3, 2), 1));
        Assert.Equal(12, new CollisionProtocol([2, 3], [1], [right]).Baths[0].Collision.Dimension);
    }

    [Fact]
    public void A_unitary_and_a_time_dependent_collision_are_checked_the_same_way()
    {
        var unitary = BathCollision.WithUnitary(new SubsystemOperator(Matrix<Complex>.Build.DenseIdentity(12), [3, 2, 2], "W"));
        var e = Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 3], [1], [new Bath([0, 1], AncillaState.Ground, unitary)]));
        Assert.Equal("baths[0].coupling", e.ParamName);
        Assert.Contains("W acts on 3⊗2⊗2", e.Message);
        var timed = BathCollision.TimeDependent(new CompositeSpace(3, 2, 2), (_, _, _) => Matrix<Complex>.Build.DenseIdentity(12));
        Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 3], [1], [new Bath([0, 1], AncillaState.Ground, timed)]));
    }

    [Fact]
    public void A_cascade_entry_of_the_wrong_shape_is_refused_naming_the_entry()
    {
        // System [2, 3], qutrit ancilla: entry 0 on [0, 1] must act on 2⊗3⊗3; 3⊗2⊗3 has the same size and is refused.
        CascadeEntry[] entries = [new([0, 1], BathCollision.WithRate(Coupling(3, 2, 3), 1)), new([1], BathCollision.WithRate(Coupling(3, 3), 1))];
        var e = Assert.Throws<DimensionMismatchException>(() => Bath.Cascaded(entries, [2, 3], Qutrit()));
        Assert.Equal("cascade[0].coupling", e.ParamName);
        Assert.Contains("V acts on 3⊗2⊗3", e.Message);
    }

    [Fact]
    public void A_model_files_collisions_carry_the_factors_of_acts_on_and_the_ancilla()
    {
        // acts_on [1, 0] on dims [2, 3]: the coupling acts on (qutrit, qubit) ⊗ qubit ancilla, in acts_on's order.
        string row(int i) => "[" + string.Join(",", Enumerable.Range(0, 12).Select(j => i == j ? "1" : "0")) + "]";
        string json = "{\"system\":{\"dims\":[2,3],\"b\":[1],\"ket\":[1,0,0,0,0,0]},\"baths\":[{\"acts_on\":[1,0],"
            + "\"ancilla\":{\"dim\":2,\"state\":[[1,0],[0,0]]},\"coupling\":[" + string.Join(",", Enumerable.Range(0, 12).Select(row)) + "],\"rate\":1}]}";
        var collision = ModelFile.Parse(json).Protocol.Baths[0].Collision;
        Assert.Equal(new CompositeSpace(3, 2, 2), collision.Space);
        Assert.Equal("coupling", collision.OperatorName);
    }

    [Fact]
    public void The_paper_models_couplings_act_on_one_system_qubit_and_one_ancilla_qubit()
    {
        foreach (var protocol in (CollisionProtocol[])[PaperModels.Dephasing(1, 0, 0.6).Protocol, PaperModels.Decay(1, 0, 0, 0.6).Protocol])
            Assert.Equal(new CompositeSpace(2, 2), protocol.Baths[0].Collision.Space);
    }
}
