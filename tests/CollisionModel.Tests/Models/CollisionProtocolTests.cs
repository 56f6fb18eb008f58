using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

/// <summary>
/// CollisionProtocol: construction refuses every mis-shaped piece where it is built, naming it; a step's unitaries
/// against closed forms (H_S = (ω/2)σz_B is diagonal, so e^{−iH_S τ} = diag(e^{∓iωτ/2}) on B).
/// </summary>
public class CollisionProtocolTests
{
    private static Matrix<Complex> Swap() => Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    private static Bath SwapBath(int on = 1) => new([on], AncillaState.Ground, BathCollision.WithRate(Swap(), 1));

    private static Matrix<Complex> PhaseOnB(double omega, double tau)
    {
        // |ab⟩ with b = 0 gets e^{−iωτ/2}, b = 1 gets e^{+iωτ/2}.
        var d = new Complex[4];
        for (int ab = 0; ab < 4; ab++) d[ab] = Complex.FromPolarCoordinates(1, (ab % 2 == 0 ? -1 : 1) * omega * tau / 2);
        return Matrix<Complex>.Build.DiagonalOfDiagonalArray(d);
    }

    private static double MaxDiff(Matrix<Complex> a, Matrix<Complex> b) => (a - b).Enumerate().Max(z => z.Magnitude);

    [Fact]
    public void Strang_splitting_puts_half_of_the_system_step_on_each_side()
    {
        var protocol = new CollisionProtocol([2, 2], [1], [SwapBath()], PaperModels.SystemHamiltonian(1.3));
        var step = protocol.Step(2, 0.1);
        Assert.Equal(0.2, step.Time, 15);
        Assert.True(MaxDiff(step.SystemBefore!, PhaseOnB(1.3, 0.05)) < 1e-15);
        Assert.True(MaxDiff(step.SystemAfter!, PhaseOnB(1.3, 0.05)) < 1e-15);
    }

    [Fact]
    public void Lie_splitting_puts_the_whole_system_step_before_the_collisions()
    {
        var protocol = new CollisionProtocol([2, 2], [1], [SwapBath()], PaperModels.SystemHamiltonian(1.3), SplittingOrder.Lie);
        var step = protocol.Step(0, 0.1);
        Assert.True(MaxDiff(step.SystemBefore!, PhaseOnB(1.3, 0.1)) < 1e-15);
        Assert.Null(step.SystemAfter);
    }

    [Fact]
    public void Each_bath_collides_with_the_angle_of_its_own_law()
    {
        // √(rate·δt) = √(1·0.09) = 0.3: W = 1 − (1 − cos 0.3)V² − i sin 0.3 V (V³ = V).
        var protocol = new CollisionProtocol([2, 2], [1], [SwapBath()]);
        var v = Swap();
        var expected = Matrix<Complex>.Build.DenseIdentity(4) - (1 - Math.Cos(0.3)) * (v * v) - new Complex(0, Math.Sin(0.3)) * v;
        var step = protocol.Step(0, 0.09);
        Assert.Null(step.SystemBefore);
        Assert.True(MaxDiff(step.Baths.Single().Collision, expected) < 1e-15);
    }

    [Fact]
    public void A_coupling_of_the_wrong_shape_is_refused_naming_the_bath()
    {
        // A two-qubit bath (acts_on [0, 1]) needs an 8×8 coupling; the 4×4 swap is refused at construction.
        var bath = new Bath([0, 1], AncillaState.Ground, BathCollision.WithRate(Swap(), 1));
        var e = Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 2], [1], [SwapBath(), bath]));
        Assert.Equal("baths[1].coupling", e.ParamName);
    }

    [Fact]
    public void A_Hamiltonian_of_the_wrong_dimension_is_refused_naming_it()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 2], [1], [SwapBath()], Pauli.Z));
        Assert.Equal("hamiltonian", e.ParamName);
    }

    [Fact]
    public void A_bath_on_a_subsystem_that_does_not_exist_is_refused_naming_it()
    {
        var e = Assert.ThrowsAny<QuantumInputException>(() => new CollisionProtocol([2, 2], [1], [SwapBath(on: 2)]));
        Assert.Equal("baths[0].acts_on", e.ParamName);
    }

    [Fact]
    public void A_protocol_without_baths_or_with_an_empty_B_is_refused()
    {
        Assert.Equal("baths", Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 2], [1], [])).ParamName);
        Assert.Equal("b", Assert.Throws<DimensionMismatchException>(() => new CollisionProtocol([2, 2], [], [SwapBath()])).ParamName);
    }

    [Fact]
    public void A_negative_step_index_or_a_non_positive_step_is_refused()
    {
        var protocol = new CollisionProtocol([2, 2], [1], [SwapBath()]);
        Assert.Equal("stepIndex", Assert.Throws<ParameterOutOfRangeException>(() => protocol.Step(-1, 0.1)).ParamName);
        Assert.Equal("timeStep", Assert.Throws<ParameterOutOfRangeException>(() => protocol.Step(0, 0)).ParamName);
    }

    [Fact]
    public void A_bath_whose_collision_has_no_ancilla_factor_is_refused_where_it_is_built_naming_the_coupling()
    {
        // A 4×4 coupling cannot act on (a subsystem ⊗ a qutrit ancilla): 4 is not a multiple of 3.
        var qutrit = AncillaState.From(DensityMatrix.Diagonal([1.0, 0, 0]));
        var e = Assert.Throws<DimensionMismatchException>(() => new Bath([1], qutrit, BathCollision.WithRate(Swap(), 1)));
        Assert.Equal("coupling", e.ParamName);
    }
}
