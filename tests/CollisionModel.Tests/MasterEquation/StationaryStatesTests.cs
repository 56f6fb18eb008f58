using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.MasterEquation;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.MasterEquation.DynamicsTestHelpers;

namespace CollisionModel.Tests.MasterEquation;

public class StationaryStatesTests
{
    [Fact]
    public void Random_generator_has_a_unique_stationary_state_annihilated_by_L()
    {
        var gen = RandomLindbladian(new QuantumRandom(21), CompositeSpace.Qubits(2), jumps: 2);
        Assert.Equal(1, StationaryStates.NullSpaceDimension(gen));
        var basis = StationaryStates.Basis(gen);
        Assert.Single(basis);
        double residual = gen.Apply(basis[0]).Enumerate().Max(z => z.Magnitude);
        Assert.True(residual < 1e-13, $"‖L(ρ_ss)‖ = {residual:G3}");
    }

    [Fact]
    public void Reached_state_equals_long_time_limit_of_exact_propagation()
    {
        var rng = new QuantumRandom(22);
        var gen = RandomLindbladian(rng, CompositeSpace.Qubits(2), jumps: 2, rate: 1.0);
        var rho0 = rng.MixedState(CompositeSpace.Qubits(2));
        var longTime = gen.Evolve(rho0, 400);
        double diff = MaxDiff(StationaryStates.ReachedFrom(gen, rho0), longTime);
        Assert.True(diff < 1e-10, $"projector vs exp(400 𝓛)ρ(0): {diff:G3}");
    }

    [Fact]
    public void Eq5_on_B_has_a_four_dimensional_stationary_space_because_A_is_idle()
    {
        var gen = PaperMasterEquation.Create(new(1, 1, 0.5, 0.2));
        Assert.Equal(4, StationaryStates.NullSpaceDimension(gen));
        var basis = StationaryStates.Basis(gen);
        Assert.Equal(4, basis.Count);
        foreach (var s in basis)
            Assert.True(gen.Apply(s).Enumerate().Max(z => z.Magnitude) < 1e-13);
        // Linear independence: the Gram matrix of the vectorised states is non-singular.
        var m = Matrix<Complex>.Build.Dense(16, 4, (i, c) => basis[c].ColumnMajor[i]);
        Assert.True(Math.Abs((m.ConjugateTranspose() * m).Determinant().Magnitude) > 1e-8);
    }

    [Fact]
    public void Undamped_precession_reaches_the_Cesaro_limit_the_dephased_state()
    {
        // No dissipation: exp(𝓛t) oscillates forever; the time average of |+⟩⟨+| under (ω/2)σz is 1/2.
        var gen = new Lindbladian(new CompositeSpace(2), 0.5 * 1.3 * Pauli.Z, []);
        var plus = DensityMatrix.FromKet(Ket.Normalized([1, 1], new CompositeSpace(2)));
        var reached = StationaryStates.ReachedFrom(gen, plus);
        Assert.True(MaxDiff(reached, DensityMatrix.MaximallyMixed(new CompositeSpace(2))) < 1e-13);
    }

    [Fact]
    public void Fixed_point_of_a_random_channel_is_invariant_and_the_limit_of_iteration()
    {
        var rng = new QuantumRandom(23);
        var channel = new KrausChannel(rng.Channel(4, 3));
        var rho0 = rng.MixedState(CompositeSpace.Qubits(2));
        var fixedPoint = StationaryStates.FixedPoint(channel, rho0);
        Assert.True(MaxDiff(channel.Apply(fixedPoint), fixedPoint) < 1e-13, "Φ(ρ*) ≠ ρ*");
        var iterated = rho0;
        for (int n = 0; n < 500; n++) iterated = channel.Apply(iterated);
        Assert.True(MaxDiff(iterated, fixedPoint) < 1e-10, $"Φ⁵⁰⁰(ρ0) vs ρ*: {MaxDiff(iterated, fixedPoint):G3}");
    }

    [Fact]
    public void Amplitude_damping_channel_fixes_the_ground_state()
    {
        double g = 0.3;
        var k0 = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 1, 0 }, { 0, Math.Sqrt(1 - g) } });
        var k1 = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, Math.Sqrt(g) }, { 0, 0 } });
        var channel = new KrausChannel([k0, k1]);
        var fp = StationaryStates.FixedPoint(channel, DensityMatrix.MaximallyMixed(new CompositeSpace(2)));
        Assert.True(MaxDiff(fp, DensityMatrix.Diagonal([1.0, 0.0])) < 1e-13);
    }

    [Fact]
    public void Identity_channel_has_every_state_as_fixed_point()
    {
        var s = Matrix<Complex>.Build.DenseIdentity(4);
        var fps = StationaryStates.FixedPoints(s, new CompositeSpace(2));
        Assert.Equal(4, fps.Count);
    }
}
