using System.Numerics;
using CollisionModel.Protocols;
using CollisionModel.Collisions;
using CollisionModel.Convergence;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;

namespace CollisionModel.Tests.Convergence;

/// <summary>
/// The k-th power of the one-step channel (ConvergenceStudy) and the streaming collision engine run collision by
/// collision are two independent computations of the same ρ_AB; with one angle source they agree to roundoff.
/// </summary>
public class StreamingAgreesWithChannelPowerTests
{
    [Theory]
    [InlineData(CollisionModelKind.Dephasing, AngleConvention.Paper, 37)]
    [InlineData(CollisionModelKind.Decay, AngleConvention.Paper, 4000)]
    [InlineData(CollisionModelKind.Dephasing, AngleConvention.Exact, 37)]
    [InlineData(CollisionModelKind.Decay, AngleConvention.Paper, 37)]
    [InlineData(CollisionModelKind.Decay, AngleConvention.Exact, 37)]
    [InlineData(CollisionModelKind.Dephasing, AngleConvention.Paper, 100_000)]
    [InlineData(CollisionModelKind.Dephasing, AngleConvention.Exact, 100_000)]
    [InlineData(CollisionModelKind.Decay, AngleConvention.Paper, 100_000)]
    [InlineData(CollisionModelKind.Decay, AngleConvention.Exact, 100_000)]
    public void ChannelPowerStateEqualsTheStreamedStateAfterKCollisions(CollisionModelKind model, AngleConvention angle, int k)
    {
        var setup = new ConvergenceSetup(Model: model, A: 0.6, Gamma: 1, Kappa: 0.5, Eta: 0.8, Omega: 2, Time: 1.3, Angle: angle);
        var byPower = CollisionStepChannel.Build(setup, k).Power(k).Apply(MasterReference.InitialState(setup));

        double dt = setup.Time / k;
        var options = new CollisionRunOptions
        {
            InitialSystem = DensityMatrix.FromKet(Ket.PaperState(setup.A)),
            Collision = model == CollisionModelKind.Dephasing
                ? CollisionPresets.Dephasing(setup.Eta, dt, angle)
                : CollisionPresets.Decay(setup.Gamma, setup.Kappa, dt, angle),
            Ancilla = model == CollisionModelKind.Dephasing
                ? CollisionPresets.DephasingAncilla(mixed: false)
                : CollisionPresets.ThermalAncilla(setup.Gamma, setup.Kappa),
            Steps = k,
            TimeStep = dt,
            SystemHamiltonian = setup.Omega == 0 ? null : Tensor.Embed(setup.Omega / 2 * Pauli.Z, CompositeSpace.Qubits(2), 1),
            RecordEvery = k,
        };
        var streamed = CollisionSimulation.Run(options, Representation.Streaming).Records[^1].RhoAB;

        // The power costs O(log k) roundings; the stream rounds once per collision, so its roundoff grows ~ k·ε
        // (measured 1.1e-11 at k = 10⁵ with ω, 4e-12 without): 1e-13 + 2e-16·k, i.e. ≤ 1e-12 up to k ≈ 4500.
        double tolerance = 1e-13 + 2e-16 * k;
        double maxDifference = (byPower.ToMatrix() - streamed.ToMatrix()).Enumerate().Max(z => z.Magnitude);
        Assert.True(maxDifference < tolerance, $"max |Δρ| = {maxDifference:E3} > {tolerance:E3}");
        // The states are far from trivial: the coherence has decayed but not vanished, and it rotated with ω.
        Assert.InRange(streamed[0, 3].Magnitude, 0.05, 0.49);
    }

    [Fact]
    public void EngineUnitariesAreExpOfMinusIThetaTimesThePresetCouplings()
    {
        // The closed forms in Collision must be exp(−iθV) for the V the convergence channel exponentiates.
        double theta = 0.37;
        var dephasing = CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(CollisionPresets.DephasingCoupling(), theta);
        var swap = CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(CollisionPresets.PartialSwapCoupling(), theta);
        Assert.True((Collision.ControlledRotation(theta).Unitary - dephasing).Enumerate().Max(z => z.Magnitude) < 1e-15);
        Assert.True((Collision.PartialSwap(theta).Unitary - swap).Enumerate().Max(z => z.Magnitude) < 1e-15);
    }

    [Fact]
    public void StreamedDephasingCoherenceIsThePaperFactorToFullPrecisionAtTinySteps()
    {
        // θ from 2 sin²(θ/2) = η δt keeps η δt = 1e-9 exact: coherence after 10 collisions = ab (1 − η δt)^10.
        double eta = 1, dt = 1e-9, a = 0.6, b = 0.8;
        var options = new CollisionRunOptions
        {
            InitialSystem = DensityMatrix.FromKet(Ket.PaperState(a)),
            Collision = CollisionPresets.Dephasing(eta, dt, AngleConvention.Paper),
            Ancilla = AncillaState.Ground,
            Steps = 10,
            TimeStep = dt,
        };
        var rho = CollisionSimulation.Run(options, Representation.Streaming).Records[^1].RhoAB;
        double expectedLoss = 1 - Math.Pow(1 - eta * dt, 10); // ≈ 1e-8, known to ~1e-16 absolute
        Assert.Equal(expectedLoss, 1 - rho[0, 3].Real / (a * b), 1e-14);
        Assert.Equal(Complex.Zero.Imaginary, rho[0, 3].Imaginary, 1e-15);
    }
}
