using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Operators;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.MasterEquation;

public class TrajectoryTests
{
    [Fact]
    public void Observer_records_the_closed_form_population_of_B_at_every_output_time()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0.0);
        var zB = Tensor.Kron(Pauli.I, Pauli.Z);
        var obs = new Observer<double>("<Z_B>", pt => (pt.State.ToMatrix() * zB).Trace().Real);
        var traj = new ExactPropagator(PaperMasterEquation.Create(p), 0.1).Run(PaperMasterEquation.InitialState(0.6), 20, [obs]);
        var values = traj.Values(obs);
        Assert.Equal(21, values.Count);
        Assert.Equal(["<Z_B>"], traj.Names);
        for (int k = 0; k < values.Count; k++)
        {
            double t = traj.Times[k];
            // ⟨σz_B⟩ = 1 − 2 P1, P1(t) = κ/G + (b² − κ/G) e^{−Gt}, b² = 0.64, G = 1.5.
            double p1 = 0.5 / 1.5 + (0.64 - 0.5 / 1.5) * Math.Exp(-1.5 * t);
            Assert.Equal(1 - 2 * p1, values[k], 12);
        }
    }

    [Fact]
    public void Point_derivative_is_the_finite_difference_of_the_trajectory()
    {
        var gen = PaperMasterEquation.Create(new(0.8, 1.0, 0.3, 0.2));
        var rho0 = PaperMasterEquation.InitialState(0.6);
        var obs = new Observer<Matrix<Complex>>("rhodot", pt => pt.Derivative);
        double h = 1e-5;
        var traj = new ExactPropagator(gen, h).Run(rho0, 2, [obs]);
        var fd = (traj.States[2].ToMatrix() - traj.States[0].ToMatrix()) / (2 * h);
        double diff = (traj.Values(obs)[1] - fd).Enumerate().Max(z => z.Magnitude);
        Assert.True(diff < 1e-8, $"ρ̇ vs central difference: {diff:G3}");
    }

    [Fact]
    public void States_can_be_left_out_while_observers_still_run()
    {
        var gen = PaperMasterEquation.Create(new(0, 1.0, 0.5, 0.0));
        var obs = new Observer<double>("purity", pt => pt.State.Purity);
        var traj = new ExactPropagator(gen, 0.1).Run(PaperMasterEquation.InitialState(0.6), 50, [obs], storeStates: false);
        Assert.Empty(traj.States);
        Assert.Equal(51, traj.Values<double>("purity").Count);
        Assert.Equal(5.0, traj.Times[^1], 12);
    }

    [Fact]
    public void Duplicate_observer_names_and_wrong_types_are_rejected()
    {
        var gen = PaperMasterEquation.Create(new(0, 1.0, 0.5, 0.0));
        var a = new Observer<double>("x", _ => 1.0);
        var b = new Observer<int>("x", _ => 1);
        var run = new ExactPropagator(gen, 0.1);
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => run.Run(PaperMasterEquation.InitialState(0.6), 2, [a, b]));
        var traj = run.Run(PaperMasterEquation.InitialState(0.6), 2, [a]);
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => traj.Values<int>("x"));
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => traj.Values<double>("y"));
    }
}
