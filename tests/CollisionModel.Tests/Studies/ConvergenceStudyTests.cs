using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Studies;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Studies.ConvergenceModels;

namespace CollisionModel.Tests.Studies;

public class ConvergenceStudyTests
{
    private static readonly long[] Decades = [100, 1_000, 10_000, 100_000, 1_000_000];

    [Fact]
    public void PaperDephasingConvergesAtFirstOrder()
    {
        var result = ConvergenceStudy.Run(Dephasing(eta: 1), 1, Decades);
        Assert.InRange(result.Order!.Value, 0.98, 1.02);
    }

    [Fact]
    public void SmallAnglePartialSwapConvergesAtFirstOrder()
    {
        var result = ConvergenceStudy.Run(Decay(gamma: 1, kappa: 0.5), 1, Decades);
        Assert.InRange(result.Order!.Value, 0.98, 1.02);
    }

    [Fact]
    public void CustomQutritModelWithAZeroMeanCouplingConvergesAtFirstOrder()
    {
        // A qutrit system (spin 1, H_S = diag(0, 1, 2.2)) collides with thermal qubits diag(0.7, 0.3) through
        // V = J_x⊗σx + J_z⊗σy (tr_E V(1⊗η) = 0, so a Lindblad limit exists) at rate 1.3, θ = √(rate·δt).
        double s = Math.Sqrt(0.5);
        var jx = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, s, 0 }, { s, 0, s }, { 0, s, 0 } });
        var jz = Matrix<Complex>.Build.DenseOfDiagonalArray([1, 0, -1]);
        var v = Tensor.Kron(jx, Pauli.X) + Tensor.Kron(jz, Pauli.Y);
        var protocol = new CollisionProtocol([3], [0], [new Bath([0], AncillaState.Thermal(0.7, 0.3), BathCollision.WithRate(v, 1.3))],
            Matrix<Complex>.Build.DenseOfDiagonalArray([0, 1, 2.2]));
        var initial = DensityMatrix.FromKet(new QuantumRandom(31).Ket(protocol.SystemSpace));
        var result = ConvergenceStudy.Run(protocol, initial, 1, [1_000, 10_000, 100_000]);
        Assert.InRange(result.Order!.Value, 0.95, 1.05);
        Assert.True(result.Records[0].TraceDistance > 1e-5, "the study must measure a real error");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExactAnglesMatchTheMasterEquationAtEveryK(bool decay)
    {
        // cos θ = e^{−ηδt} (dephasing) and cos²θ = e^{−(γ+κ)δt} (partial swap) are exact at every k.
        var model = decay ? Decay(1, 0.5, omega: 2, angle: AngleConvention.Exact) : Dephasing(0.7, omega: 2, angle: AngleConvention.Exact);
        var result = ConvergenceStudy.Run(model, 1.3, [1, 7, 1000, 123_456_789, 1_000_000_000_000]);
        foreach (var r in result.Records) Assert.True(r.TraceDistance < 1e-13, $"k = {r.Steps}: distance {r.TraceDistance:G3}");
    }

    [Fact]
    public void StrangWithExactCollisionsIsSecondOrder()
    {
        var model = Decay(1, 0.5, angle: AngleConvention.Exact);
        var result = ConvergenceStudy.Run(Driven(model, 0, 2, SplittingOrder.Strang), model.InitialState, 1, [100, 1_000, 10_000]);
        Assert.InRange(result.Order!.Value, 1.95, 2.05);
    }

    [Fact]
    public void StrangWithSmallAngleCollisionsStaysFirstOrder()
    {
        var model = Decay(1, 0.5, angle: AngleConvention.Paper);
        var result = ConvergenceStudy.Run(Driven(model, 0, 2, SplittingOrder.Strang), model.InitialState, 1, [1_000, 10_000, 100_000]);
        Assert.InRange(result.Order!.Value, 0.95, 1.05);
    }

    [Fact]
    public void LieOrderingWithANonCommutingDriveIsFirstOrderEvenWithExactCollisions()
    {
        var model = Dephasing(1, angle: AngleConvention.Exact);
        var result = ConvergenceStudy.Run(Driven(model, 0, 2, SplittingOrder.Lie), model.InitialState, 1, [1_000, 10_000, 100_000]);
        Assert.InRange(result.Order!.Value, 0.95, 1.05);
    }

    [Fact]
    public void RichardsonExtrapolationBeatsTheLargestK()
    {
        var result = ConvergenceStudy.Run(Dephasing(1), 1, [1_000, 2_000]);
        double best = result.Records.Min(r => r.TraceDistance);
        Assert.True(result.Richardson!.Value < 1e-3 * best, $"Richardson {result.Richardson:G3} vs best k {best:G3}");
    }

    [Fact]
    public void ErrorKeepsFallingAsOneOverKUpToTenToTheTwelve()
    {
        // Without the deviation form the error flattens near 1e-5 (1 − ηδt rounds); here d·k stays at ≈ ab e^{−1}/2.
        // Tolerance 1e-3 relative: at k = 10¹² the distance (≈ 1e-13) is resolved only to the ulp of the 0.18 entries.
        var result = ConvergenceStudy.Run(Dephasing(1), 1, [1_000_000, 1_000_000_000, 1_000_000_000_000]);
        double expected = 0.5 * Math.Exp(-1) * 0.5; // ab · e^{−ηT} · (ηT)²/2 with ab = 1/2
        foreach (var r in result.Records)
            Assert.Equal(expected, r.TraceDistance * r.Steps, 1e-3 * expected);
    }

    [Fact]
    public void EntanglementErrorUsesTheGivenMeasure()
    {
        // A linear "measure" (|ρ_{00,11}|) makes the E_R error equal the coherence error exactly.
        var result = ConvergenceStudy.Run(Dephasing(1), 1, [10, 100], rho => rho[0, 3].Magnitude);
        foreach (var r in result.Records) Assert.Equal(r.CoherenceError, r.EntanglementError!.Value, 1e-15);
    }

    [Fact]
    public void ProtocolWithoutALindbladLimitIsRefusedNamingTheBath()
    {
        var p = Dephasing(1).Protocol;
        var memory = new CollisionProtocol(p.SystemSpace.Dimensions, p.SubsystemsB, [new Bath([1], AncillaState.Ground, p.Baths[0].Collision, memoryAngle: 0.3)]);
        var e = Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => ConvergenceStudy.Run(memory, Dephasing(1).InitialState, 1, [10]));
        Assert.Contains("baths[0]", e.Message);
    }
}
