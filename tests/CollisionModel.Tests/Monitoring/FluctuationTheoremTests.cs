using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Tests.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Monitoring;

public class FluctuationTheoremTests
{
    private const double Dt = 0.05;
    private static readonly Matrix<Complex> Sp = Pauli.SigmaPlus, Sm = Pauli.SigmaMinus, I2 = Identity(2);

    private static AncillaMeasurement?[] EnergyOnBoth(CollisionProtocol p) => [.. p.Baths.Select(b => AncillaMeasurement.Energy(b.Ancilla))];

    [Fact]
    public void The_integral_fluctuation_theorem_holds_for_a_full_rank_start()
    {
        // ⟨e^{−Σ}⟩ = 1 by unitarity of every collision when p_0(i) > 0 for all i; 1e-12 after K = 25 steps.
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var r = StochasticEntropyProduction.Compute(protocol, EnergyOnBoth(protocol), ThermodynamicLedgerTests.Initial(), Dt, 25);
        Assert.Equal(1, r.ExponentialAverage, 1e-12);
    }

    [Fact]
    public void A_rank_deficient_start_gives_less_than_one()
    {
        // Absolute irreversibility: the initial outcomes i with p_0(i) = 0 are missing from the sum, so ⟨e^{−Σ}⟩ < 1.
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var pure = DensityMatrix.Diagonal([1.0, 0, 0, 0]);
        var r = StochasticEntropyProduction.Compute(protocol, EnergyOnBoth(protocol), pure, Dt, 25);
        Assert.True(r.ExponentialAverage < 1 - 1e-3, $"expected < 1, got {r.ExponentialAverage}");
        Assert.True(r.ExponentialAverage > 0);
    }

    [Fact]
    public void The_mean_entropy_production_is_the_entropy_change_minus_the_heat_flow()
    {
        // Reference: S(ρ_K) − S(ρ_0) − Σ_j β_j Q_j with ρ_K and Q_j from ThermodynamicLedgerTests' Heisenberg-picture
        // propagation on S ⊗ E (the summed ELV production that simulate books as entropy_production_total); 1e-12.
        const int steps = 25;
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var r = StochasticEntropyProduction.Compute(protocol, EnergyOnBoth(protocol), ThermodynamicLedgerTests.Initial(), Dt, steps);
        var (heat, _, _, rho) = ThermodynamicLedgerTests.HeisenbergReference(steps);
        double expected = Entropy(rho) - Entropy(ThermodynamicLedgerTests.Initial().ToMatrix()) - 0.4 * heat[0] - 2.5 * heat[1];
        Assert.Equal(expected, r.Mean, 1e-12);
        Assert.True(r.Mean > 0);
    }

    /// <summary>
    /// A qubit H_S = ω|1⟩⟨1| (ω = 1) between a hot (β_h = 0.3) and a cold (β_c = 1.5) bath of qubits H_E = ω_h|1⟩⟨1|,
    /// ω_c|1⟩⟨1|, partial swaps σ⁺σ⁻ + h.c. at rate 1, δt = 0.05, Strang halves; the hot bath's quanta counted.
    /// </summary>
    private static CountResolvedMap Machine(double omegaHot, double omegaCold)
    {
        var swap = Kron(Sp, Sm) + Kron(Sm, Sp);
        var protocol = new CollisionProtocol([2], [0],
        [
            new Bath([0], AncillaState.Thermal(omegaHot * Pauli.Projector1, 0.3), BathCollision.WithRate(swap, 1)),
            new Bath([0], AncillaState.Thermal(omegaCold * Pauli.Projector1, 1.5), BathCollision.WithRate(swap, 1)),
        ], Pauli.Projector1);
        return CountResolvedMap.ForStep(MonitoredStep.Of(protocol, EnergyOnBoth(protocol), 0, Dt), CountSelection.Single(0));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(0.1)]
    [InlineData(0.4)]
    [InlineData(1.0)]
    public void A_resonant_machine_has_the_exchange_symmetry(double s)
    {
        // Gallavotti–Cohen: every collision conserves H_S + H_E, so θ(s) = θ((β_c − β_h)ω − s); to rounding (1e-14).
        var map = Machine(1, 1);
        double mirror = (1.5 - 0.3) * 1 - s;
        Assert.Equal(ScaledCumulantGeneratingFunction.Theta(map, mirror), ScaledCumulantGeneratingFunction.Theta(map, s), 1e-14);
    }

    [Fact]
    public void A_detuned_machine_breaks_it()
    {
        // Counterexample: the hot ancillas at ω_h = 2 ≠ ω; the symmetry fails by more than 1e-3 at s = −0.5.
        var map = Machine(2, 1);
        double gap = ScaledCumulantGeneratingFunction.Theta(map, -0.5) - ScaledCumulantGeneratingFunction.Theta(map, 1.2 + 0.5);
        Assert.True(Math.Abs(gap) > 1e-3, $"expected the symmetry to fail, got a gap of {gap:G3}");
    }
}
