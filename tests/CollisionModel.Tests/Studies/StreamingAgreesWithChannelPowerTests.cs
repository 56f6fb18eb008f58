using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Tests.Studies;

/// <summary>
/// The k-th power of the one-step channel (ConvergenceStudy) and the streaming collision engine run collision by
/// collision are two independent computations of the same ρ_AB; with one angle source they agree to roundoff.
/// </summary>
public class StreamingAgreesWithChannelPowerTests
{
    [Theory]
    [InlineData(false, AngleConvention.Paper, 37)]
    [InlineData(true, AngleConvention.Paper, 4000)]
    [InlineData(false, AngleConvention.Exact, 37)]
    [InlineData(true, AngleConvention.Paper, 37)]
    [InlineData(true, AngleConvention.Exact, 37)]
    [InlineData(false, AngleConvention.Paper, 100_000)]
    [InlineData(false, AngleConvention.Exact, 100_000)]
    [InlineData(true, AngleConvention.Paper, 100_000)]
    [InlineData(true, AngleConvention.Exact, 100_000)]
    public void ChannelPowerStateEqualsTheStreamedStateAfterKCollisions(bool decay, AngleConvention angle, int k)
    {
        var paper = decay
            ? PaperModels.Decay(1, 0.5, 2, 0.6, angle, mixedEnvironment: true)
            : PaperModels.Dephasing(0.8, 2, 0.6, angle);
        double dt = 1.3 / k;
        var byPower = CollisionStepChannel.Build(paper.Protocol, dt).Power(k).Apply(paper.InitialState);

        var options = new CollisionRunOptions
        {
            Protocol = paper.Protocol,
            InitialSystem = paper.InitialState,
            Grid = TimeGrid.OfStep(dt, k),
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
        // The protocol's W (series) must be exp(−iθV) by an independent eigendecomposition, θ from the angle law.
        double dt = 0.05;
        var dephasing = PaperModels.Dephasing(0.7, 0, 0.5, AngleConvention.Paper).Protocol.Baths[0].Collision;
        var swap = PaperModels.Decay(1, 0.5, 0, 0.5, AngleConvention.Exact, mixedEnvironment: true).Protocol.Baths[0].Collision;
        double thetaD = Math.Acos(1 - 0.7 * dt), thetaS = Math.Asin(Math.Sqrt(1 - Math.Exp(-1.5 * dt)));
        var refD = CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(PaperModels.DephasingCoupling(), thetaD);
        var refS = CollisionModel.Numerics.MatrixFunctions.UnitaryPropagator(PaperModels.DecayCoupling(), thetaS);
        Assert.True((dephasing.UnitaryFor(0, 0, dt) - refD).Enumerate().Max(z => z.Magnitude) < 1e-14);
        Assert.True((swap.UnitaryFor(0, 0, dt) - refS).Enumerate().Max(z => z.Magnitude) < 1e-14);
    }

    [Fact]
    public void StreamedDephasingCoherenceIsThePaperFactorToFullPrecisionAtTinySteps()
    {
        // θ from 2 sin²(θ/2) = η δt keeps η δt = 1e-9 exact: coherence after 10 collisions = ab (1 − η δt)^10.
        double eta = 1, dt = 1e-9, a = 0.6, b = 0.8;
        var options = new CollisionRunOptions
        {
            Protocol = PaperModels.Dephasing(eta, 0, a, AngleConvention.Paper).Protocol,
            InitialSystem = PaperModels.InitialState(a),
            Grid = TimeGrid.OfStep(dt, 10),
        };
        var rho = CollisionSimulation.Run(options, Representation.Streaming).Records[^1].RhoAB;
        double expectedLoss = 1 - Math.Pow(1 - eta * dt, 10); // ≈ 1e-8, known to ~1e-16 absolute
        Assert.Equal(expectedLoss, 1 - rho[0, 3].Real / (a * b), 1e-14);
        Assert.Equal(Complex.Zero.Imaginary, rho[0, 3].Imaginary, 1e-15);
    }
}
