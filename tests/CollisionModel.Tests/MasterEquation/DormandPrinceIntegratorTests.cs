using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class DormandPrinceIntegratorTests
{
    [Fact]
    public void Constant_generator_matches_exact_propagation_to_the_tolerance()
    {
        var rng = new QuantumRandom(41);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 2);
        var rho0 = rng.MixedState(CompositeSpace.Qubits(2));
        var times = Enumerable.Range(0, 21).Select(k => 0.25 * k).ToArray();
        var options = new IntegratorOptions(AbsoluteTolerance: 1e-10, RelativeTolerance: 1e-10);
        var driven = DormandPrinceIntegrator.Run(TimeDependentLindbladian.FromConstant(gen), rho0, times, options);
        double worst = 0;
        for (int k = 0; k < times.Length; k++) worst = Math.Max(worst, MaxDiff(driven.States[k], gen.Evolve(rho0, times[k])));
        // Local tolerance 1e-10 per step, ~10² steps: global error well below 1e-8.
        Assert.True(worst < 1e-8, $"worst |DP5 − exp(𝓛t)ρ0| = {worst:G3}");
    }

    [Fact]
    public void Tighter_tolerance_gives_a_smaller_error()
    {
        var rng = new QuantumRandom(42);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 1);
        var rho0 = rng.MixedState(CompositeSpace.Qubits(2));
        double[] times = [0, 3.0];
        var exact = gen.Evolve(rho0, 3.0);
        double Err(double tol) => MaxDiff(DormandPrinceIntegrator.Run(TimeDependentLindbladian.FromConstant(gen), rho0, times,
            new IntegratorOptions(tol, tol)).FinalState, exact);
        double loose = Err(1e-5), tight = Err(1e-10);
        Assert.True(tight < loose && tight < 1e-8, $"error at 1e-5: {loose:G3}, at 1e-10: {tight:G3}");
    }

    [Fact]
    public void Driven_generator_with_commuting_parts_matches_the_exact_integrated_propagator()
    {
        // H(t) = f(t) H₀, jump √η H₀: the superoperators of the Hamiltonian and the dissipator commute, so
        // ρ(t) = exp(F(t)𝓐 + t𝓓)ρ0 with F(t) = ∫₀ᵗ f = t + (0.5/3)(1 − cos 3t): the constant generator with
        // H = (F(t)/t) H₀ and the same jump evolved for time t. An exact reference for a genuinely driven problem.
        var rng = new QuantumRandom(43);
        var space = CompositeSpace.Qubits(2);
        var h0 = rng.Hermitian(4);
        var jump = Math.Sqrt(0.3) * h0;
        double F(double t) => t + 0.5 / 3 * (1 - Math.Cos(3 * t));
        var driven = new TimeDependentLindbladian(space, t => (1 + 0.5 * Math.Sin(3 * t)) * h0, [jump]);
        var rho0 = DensityMatrix.FromKet(rng.Ket(space));
        var times = Enumerable.Range(0, 11).Select(k => 0.3 * k).ToArray();
        var traj = DormandPrinceIntegrator.Run(driven, rho0, times, new IntegratorOptions(1e-11, 1e-11));
        double worst = 0;
        for (int k = 1; k < times.Length; k++)
        {
            double t = times[k];
            var reference = new Lindbladian(space, F(t) / t * h0, [jump]).Evolve(rho0, t);
            worst = Math.Max(worst, MaxDiff(traj.States[k], reference));
        }
        Assert.True(worst < 1e-8, $"worst |DP5 − exact| = {worst:G3}");
    }

    [Fact]
    public void Time_dependent_span_kernel_at_fixed_time_equals_the_frozen_generator()
    {
        var rng = new QuantumRandom(44);
        var h0 = rng.Hermitian(4);
        var l = rng.Ginibre(4, 4);
        var driven = new TimeDependentLindbladian(CompositeSpace.Qubits(2), t => Math.Cos(t) * h0, [l]);
        var x = rng.Ginibre(4, 4);
        var dest = new Complex[16];
        driven.Apply(0.7, x.ToColumnMajorArray(), dest, new Complex[32]);
        var reference = TextbookLindblad(Math.Cos(0.7) * h0, [l], x);
        Assert.True(MaxDiff(Matrix<Complex>.Build.DenseOfColumnMajor(4, 4, dest), reference) < 1e-13);
    }

    [Fact]
    public void Unsorted_output_times_are_rejected()
    {
        var gen = TimeDependentLindbladian.FromConstant(PaperMasterEquation.Create(new(0, 1, 0, 0)));
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(
            () => DormandPrinceIntegrator.Run(gen, PaperMasterEquation.InitialState(0.6), [0, 1, 0.5]));
    }
}
