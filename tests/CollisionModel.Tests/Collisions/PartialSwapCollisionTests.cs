using System.Numerics;
using CollisionModel.Collisions;
using CollisionModel.Information;
using CollisionModel.Operators;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Collisions;

/// <summary>The partial swap with a thermal ancilla: generalised amplitude damping and entropy production (docs/conventions.md §5, §6).</summary>
public class PartialSwapCollisionTests
{
    private const double Gamma = 1.0, Kappa = 0.5;

    [Fact]
    public void Partial_swap_preset_equals_exp_minus_i_theta_times_sigma_plus_sigma_minus_plus_hc()
    {
        const double theta = 0.37;
        var v = Tensor.Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Tensor.Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var reference = Collision.FromCoupling(v, theta, [1]).Unitary;
        var preset = Collision.PartialSwap(theta).Unitary;
        Assert.True((reference - preset).FrobeniusNorm() < 1e-13);
    }

    [Fact]
    public void Partial_swap_with_thermal_ancilla_is_generalised_amplitude_damping_on_B()
    {
        var rng = new QuantumRandom(21);
        var rho0 = rng.MixedState(CollisionModel.Spaces.CompositeSpace.Qubits(2));
        double dt = 0.05;
        double theta = CollisionPresets.PartialSwapAngle(Gamma, Kappa, dt, AngleConvention.Paper);
        var o = new CollisionRunOptions
        {
            InitialSystem = rho0,
            Collision = Collision.PartialSwap(theta),
            Ancilla = CollisionPresets.ThermalAncilla(Gamma, Kappa),
            Steps = 1,
            TimeStep = dt,
        };
        var after = CollisionSimulation.Run(o, Representation.Streaming).Records[^1].RhoAB.Reduced(1);
        var b0 = rho0.Reduced(1);
        double c = Math.Cos(theta), s = Math.Sin(theta), p1 = Kappa / (Gamma + Kappa);
        Assert.Equal(c * c * b0[1, 1].Real + s * s * p1, after[1, 1].Real, 14);
        Assert.Equal((c * b0[0, 1]).Real, after[0, 1].Real, 14);
        Assert.Equal((c * b0[0, 1]).Imaginary, after[0, 1].Imaginary, 14);
    }

    [Theory]
    [InlineData(Representation.Streaming, 60)]
    [InlineData(Representation.Explicit, 5)]
    public void Summed_entropy_production_equals_relative_entropy_drop_to_the_stationary_state_at_every_k(Representation rep, int steps)
    {
        const double a = 0.6, time = 1.5, omega = 0.8;
        double dt = time / steps;
        var ancilla = CollisionPresets.ThermalAncilla(Gamma, Kappa);
        var o = new CollisionRunOptions
        {
            InitialSystem = CollisionTestSetups.Paper(a),
            Collision = CollisionPresets.Decay(Gamma, Kappa, dt, AngleConvention.Paper),
            Ancilla = ancilla,
            Steps = steps,
            TimeStep = dt,
            // H = (ω/2) σz on B commutes with ρ_T, so the identity must survive the Strang splitting.
            SystemHamiltonian = 0.5 * omega * Tensor.Kron(Pauli.I, Pauli.Z),
        };
        // ρ_T = diag(a², b²)_A ⊗ diag(γ, κ)/(γ+κ)_B (docs/conventions.md §1).
        var rhoT = DensityMatrix.Product(DensityMatrix.Diagonal([a * a, 1 - a * a]), ancilla.State);
        var records = CollisionSimulation.Run(o, rep).Records;
        double d0 = RelativeEntropy.Compute(records[0].RhoAB, rhoT);
        Assert.True(double.IsFinite(d0));
        foreach (var r in records)
        {
            double expected = d0 - RelativeEntropy.Compute(r.RhoAB, rhoT);
            Assert.Equal(expected, r.Bookkeeping.EntropyProductionTotal, 10);
        }
        Assert.True(records[^1].Bookkeeping.EntropyProductionTotal > 0.01);
    }
}

/// <summary>The decay model's environment choices.</summary>
public class DecayAncillaTests
{
    [Fact]
    public void Pure_environment_for_decay_requires_kappa_zero_and_mixed_is_B_stationary_state()
    {
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => CollisionPresets.DecayAncilla(1, 0.5, mixed: false));
        Assert.True(CollisionPresets.DecayAncilla(1, 0, mixed: false).IsPure);
        var thermal = CollisionPresets.DecayAncilla(1, 0.5, mixed: true).State;
        Assert.Equal(1 / 1.5, thermal[0, 0].Real, 15); // p0 = γ/(γ+κ)
        Assert.Equal(0.5 / 1.5, thermal[1, 1].Real, 15); // p1 = κ/(γ+κ)
    }
}
