using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines;

/// <summary>The partial swap with a thermal ancilla: generalised amplitude damping and entropy production (docs/conventions.md §5, §6).</summary>
public class PartialSwapCollisionTests
{
    private const double Gamma = 1.0, Kappa = 0.5;

    [Fact]
    public void Partial_swap_preset_unitary_is_the_closed_form_rotation_in_the_one_excitation_block()
    {
        // |00⟩, |11⟩ fixed; |01⟩ → cos θ|01⟩ − i sin θ|10⟩; |10⟩ → cos θ|10⟩ − i sin θ|01⟩, θ = √((γ+κ)δt) (paper).
        const double dt = 0.05;
        double theta = Math.Sqrt((Gamma + Kappa) * dt);
        var w = PaperModels.Decay(Gamma, Kappa, 0, 0.5, AngleConvention.Paper, mixedEnvironment: true).Protocol.Baths[0].Collision.UnitaryFor(0, 0, dt);
        double c = Math.Cos(theta), s = Math.Sin(theta);
        var reference = Matrix<Complex>.Build.Dense(4, 4);
        reference[0, 0] = 1; reference[3, 3] = 1; reference[1, 1] = c; reference[2, 2] = c;
        reference[1, 2] = new Complex(0, -s); reference[2, 1] = new Complex(0, -s);
        Assert.True((reference - w).FrobeniusNorm() < 1e-15);
    }

    [Fact]
    public void Partial_swap_with_thermal_ancilla_is_generalised_amplitude_damping_on_B()
    {
        var rng = new QuantumRandom(21);
        var rho0 = rng.MixedState(CollisionModel.Spaces.CompositeSpace.Qubits(2));
        double dt = 0.05;
        double theta = Math.Sqrt((Gamma + Kappa) * dt);
        var o = new CollisionRunOptions
        {
            Protocol = PaperModels.Decay(Gamma, Kappa, 0, 0.5, AngleConvention.Paper, mixedEnvironment: true).Protocol,
            InitialSystem = rho0,
            Grid = TimeGrid.OfStep(dt, 1),
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
        // H = (ω/2) σz on B commutes with ρ_T, so the identity must survive the Strang splitting.
        var model = PaperModels.Decay(Gamma, Kappa, omega, a, AngleConvention.Paper, mixedEnvironment: true);
        var ancilla = model.Protocol.Baths[0].Ancilla;
        var o = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(dt, steps),
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
        Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => PaperModels.Decay(1, 0.5, 0, 0.5, mixedEnvironment: false));
        Assert.True(PaperModels.Decay(1, 0, 0, 0.5, mixedEnvironment: false).Protocol.Baths[0].Ancilla.IsPure);
        var thermal = PaperModels.Decay(1, 0.5, 0, 0.5, mixedEnvironment: true).Protocol.Baths[0].Ancilla.State;
        Assert.Equal(1 / 1.5, thermal[0, 0].Real, 15); // p0 = γ/(γ+κ)
        Assert.Equal(0.5 / 1.5, thermal[1, 1].Real, 15); // p1 = κ/(γ+κ)
    }
}
