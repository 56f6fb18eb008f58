using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

/// <summary>
/// BathCollision against closed forms: the partial swap V satisfies V³ = V (V² projects on span{|01⟩, |10⟩}), so
/// exp(−iθV) = 1 − (1 − cos θ)V² − i sin θ V exactly.
/// </summary>
public class BathCollisionTests
{
    private static Matrix<Complex> Swap() => Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    private static Matrix<Complex> ClosedForm(double theta)
    {
        var v = Swap();
        return Matrix<Complex>.Build.DenseIdentity(4) - (1 - Math.Cos(theta)) * (v * v) - new Complex(0, Math.Sin(theta)) * v;
    }

    private static double MaxDiff(Matrix<Complex> a, Matrix<Complex> b) => (a - b).Enumerate().Max(z => z.Magnitude);

    [Fact]
    public void With_rate_the_angle_is_the_square_root_of_rate_times_the_step()
    {
        var collision = BathCollision.WithRate(Swap(), 1.5);
        Assert.Equal(Math.Sqrt(1.5 * 0.04), collision.AngleFor(0.04)!.Value, 15);
        Assert.True(MaxDiff(collision.UnitaryFor(3, 0.12, 0.04), ClosedForm(Math.Sqrt(0.06))) < 1e-15);
    }

    [Fact]
    public void With_an_angle_law_the_law_decides_and_a_non_finite_angle_names_the_rate_key()
    {
        var collision = BathCollision.WithRate(Swap(), 1.0, dt => dt < 1 ? 2 * dt : double.NaN, "test law");
        Assert.Equal(0.2, collision.AngleFor(0.1)!.Value, 15);
        // The model-file key the user can change is the bath's rate (the CLI names baths[j].rate from it).
        var e = Assert.Throws<ParameterOutOfRangeException>(() => collision.AngleFor(2));
        Assert.Equal("rate", e.ParamName);
    }

    [Fact]
    public void A_fixed_angle_does_not_depend_on_the_step()
    {
        var collision = BathCollision.WithAngle(Swap(), 0.7);
        Assert.True(MaxDiff(collision.UnitaryFor(0, 0, 0.01), ClosedForm(0.7)) < 1e-15);
        Assert.True(MaxDiff(collision.UnitaryFor(5, 5, 1.0), ClosedForm(0.7)) < 1e-15);
    }

    [Fact]
    public void The_deviation_is_the_unitary_minus_one_without_cancellation()
    {
        // θ = 1e-9: W − 1 = −iθV − (θ²/2)V² + …; the V² entries (5e-19) survive, which W − 1 in doubles would lose.
        var collision = BathCollision.WithAngle(Swap(), 1e-9);
        var deviation = collision.DeviationFor(1)!;
        Assert.Equal(-0.5e-18, deviation[1, 1].Real, 1e-33);
        Assert.Equal(-1e-9, deviation[1, 2].Imaginary, 1e-24);
    }

    [Fact]
    public void A_non_Hermitian_coupling_is_refused_naming_it()
    {
        var e = Assert.Throws<NotHermitianException>(() => BathCollision.WithRate(Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus), 1));
        Assert.Equal("coupling", e.ParamName);
    }

    [Fact]
    public void A_coupling_too_small_to_hold_a_subsystem_and_an_ancilla_is_refused_naming_it()
    {
        var e = Assert.Throws<DimensionMismatchException>(() => BathCollision.WithAngle(Pauli.X, 1));
        Assert.Equal("coupling", e.ParamName);
    }

    [Fact]
    public void A_non_unitary_matrix_is_refused_as_a_unitary()
    {
        Assert.ThrowsAny<QuantumInputException>(() => BathCollision.WithUnitary(2 * Matrix<Complex>.Build.DenseIdentity(4)));
    }
}
