using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using CollisionModel.Tests.Thermodynamics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Monitoring;

public class FullCountingStatisticsTests
{
    private const double Dt = 0.05; // the step of ThermodynamicLedgerTests.TwoBaths
    private static readonly Matrix<Complex> Sp = Pauli.SigmaPlus, Sm = Pauli.SigmaMinus, Z = Pauli.Z, I2 = Identity(2);

    private static AncillaMeasurement?[] EnergyOnBoth(CollisionProtocol p) => [.. p.Baths.Select(b => AncillaMeasurement.Energy(b.Ancilla))];

    /// <summary>
    /// Every outcome string of K steps of ThermodynamicLedgerTests' two-bath model (hot on qubit 0, cold on qubit 1,
    /// qubit ancillas H_E = ½ω_E Z, partial swaps W = exp(−i√(γδt) V)), by the tests' brute-force enumerator on S ⊗ E.
    /// </summary>
    private static Dictionary<long, double> EnumerateOutcomeStrings(int steps, int weightHot, int weightCold)
    {
        const double omegaHot = 1.4, omegaCold = 0.7, betaHot = 0.4, betaCold = 2.5, rateHot = 0.8, rateCold = 1.1;
        var half = Propagator(ThermodynamicLedgerTests.SystemHamiltonian(), Dt / 2);
        var eta = new[] { Gibbs(0.5 * omegaHot * Z, betaHot), Gibbs(0.5 * omegaCold * Z, betaCold) };
        var v = new[] { Kron(Sp, I2, Sm) + Kron(Sm, I2, Sp), Kron(I2, Sp, Sm) + Kron(I2, Sm, Sp) };
        var w = new[] { Propagator(v[0], Math.Sqrt(rateHot * Dt)), Propagator(v[1], Math.Sqrt(rateCold * Dt)) };
        return OutcomeStrings.Enumerate(ThermodynamicLedgerTests.Initial().ToMatrix(), half, w, eta, [weightHot, weightCold], steps);
    }

    private static CountSelection Weighted(int weightHot, int weightCold) =>
        weightCold == 0 ? CountSelection.Single(0) : weightHot == 0 ? CountSelection.Single(1) : new CountSelection([0, 1], [weightHot, weightCold]);

    [Theory]
    [InlineData(1, 0, CountingMethod.Propagation)]
    [InlineData(0, 1, CountingMethod.Propagation)]
    [InlineData(1, 2, CountingMethod.Propagation)]
    [InlineData(3, -1, CountingMethod.Propagation)]
    [InlineData(1, 0, CountingMethod.Spectral)]
    [InlineData(1, 2, CountingMethod.Spectral)]
    [InlineData(3, -1, CountingMethod.Spectral)]
    public void The_count_distribution_matches_an_enumeration_of_every_outcome_string(int weightHot, int weightCold, CountingMethod method)
    {
        // Reference: 4⁶ outcome strings of K = 3 steps propagated one by one on S ⊗ E by the test's own algebra; 1e-12.
        const int steps = 3;
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var exact = FullCountingStatistics.Compute(protocol, EnergyOnBoth(protocol), ThermodynamicLedgerTests.Initial(), Dt, steps, Weighted(weightHot, weightCold),
            method: method);
        Assert.Equal(method, exact.Method);
        var reference = EnumerateOutcomeStrings(steps, weightHot, weightCold);
        long lo = Math.Min(reference.Keys.Min(), exact.MinValue), hi = Math.Max(reference.Keys.Max(), exact.Values[^1]);
        for (long n = lo; n <= hi; n++) Assert.Equal(reference.GetValueOrDefault(n), exact.ProbabilityOf(n), 1e-12);
        Assert.Equal(1, exact.Probabilities.Sum(), 1e-12);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    public void The_fourier_inversion_and_the_count_resolved_propagation_agree_after_many_steps(int weightHot, int weightCold)
    {
        // Two independent methods (inverse DFT of tr Φ(e^{iχ})^K ρ₀ over a Chernoff window; n-resolved propagation
        // pruned at 1e-300) after K = 3000 steps, where the distribution spans hundreds of counts: 1e-12 absolute in
        // every P(n), and the same records (the exact moment propagation serves both).
        const int steps = 3000;
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var measurements = EnergyOnBoth(protocol);
        var selection = Weighted(weightHot, weightCold);
        var fourier = FullCountingStatistics.Compute(protocol, measurements, ThermodynamicLedgerTests.Initial(), Dt, steps, selection, 1000, method: CountingMethod.Spectral);
        var propagated = FullCountingStatistics.Compute(protocol, measurements, ThermodynamicLedgerTests.Initial(), Dt, steps, selection, 1000, method: CountingMethod.Propagation);
        Assert.True(propagated.Probabilities.Count > 200, $"the distribution should be wide, got {propagated.Probabilities.Count} counts");
        long lo = Math.Min(fourier.MinValue, propagated.MinValue), hi = Math.Max(fourier.Values[^1], propagated.Values[^1]);
        for (long n = lo; n <= hi; n++) Assert.Equal(propagated.ProbabilityOf(n), fourier.ProbabilityOf(n), 1e-12);
        for (int k = 0; k < 2; k++) Assert.Equal(propagated.Cumulants[k], fourier.Cumulants[k], 1e-8 * Math.Max(1, Math.Abs(propagated.Cumulants[k])));
        Assert.Equal(propagated.Cumulants[0], propagated.Records[^1].Mean, 1e-9);
        Assert.Equal(propagated.Cumulants[1], propagated.Records[^1].Variance, 1e-8);
    }

    [Fact]
    public void Summed_over_counts_the_step_map_is_the_unconditional_channel()
    {
        // Reference: StepChannel's superoperator, built from the dense collisions tr_E W(ρ⊗η)W† with no measurement;
        // the energy measurement of a thermal (H_E-diagonal) ancilla does not change the channel. 1e-13.
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var map = CountResolvedMap.ForStep(MonitoredStep.Of(protocol, EnergyOnBoth(protocol), 0, Dt), new CountSelection([0, 1], [1, 1]));
        var channel = StepChannel.Superoperator(protocol, Dt);
        Assert.True((map.Tilted(0) - channel).FrobeniusNorm() < 1e-13);
        Assert.True((map.Moment(0) - channel).FrobeniusNorm() < 1e-13);
    }

    /// <summary>
    /// A coin: the collision exp(−iθ 1⊗σ_x) rotates the ancilla |0⟩ without touching the system; the outgoing ancilla
    /// measured in |0⟩, |1⟩ counts 1 with probability p = sin²θ at every step, independently. A second, unmeasured
    /// bath (a partial swap with thermal qubits) gives the system a unique stationary state without touching the coin.
    /// </summary>
    private static (CollisionProtocol Protocol, AncillaMeasurement?[] Measurements, double P) Coin(double theta)
    {
        var protocol = new CollisionProtocol([2], [0],
        [
            new Bath([0], AncillaState.Ground, BathCollision.WithAngle(Kron(I2, Pauli.X), theta)),
            new Bath([0], AncillaState.Thermal(0.8, 0.2), BathCollision.WithRate(Kron(Sp, Sm) + Kron(Sm, Sp), 1)),
        ], Pauli.Z);
        return (protocol, [AncillaMeasurement.InBasis([[1, 0], [0, 1]]), null], Math.Pow(Math.Sin(theta), 2));
    }

    [Theory]
    [InlineData(CountingMethod.Propagation)]
    [InlineData(CountingMethod.Spectral)]
    public void A_coin_counts_binomially(CountingMethod method)
    {
        // Closed form: P(n) = C(K, n) pⁿ (1 − p)^{K−n}, p = sin²θ; κ1 = Kp, κ2 = Kp(1−p), κ3 = Kp(1−p)(1−2p),
        // κ4 = Kp(1−p)(1 − 6p(1−p)). 1e-12.
        const int steps = 40;
        var (protocol, measurements, p) = Coin(0.6);
        var rho = DensityMatrix.Create(Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0.7, new(0.2, 0.1) }, { new(0.2, -0.1), 0.3 } }));
        var d = FullCountingStatistics.Compute(protocol, measurements, rho, 0.1, steps, CountSelection.Single(0), method: method);
        double logChoose = 0;
        for (int n = 0; n <= steps; n++)
        {
            if (n > 0) logChoose += Math.Log(steps - n + 1) - Math.Log(n);
            Assert.Equal(Math.Exp(logChoose + n * Math.Log(p) + (steps - n) * Math.Log(1 - p)), d.ProbabilityOf(n), 1e-12);
        }
        double q = 1 - p;
        double[] cumulants = [steps * p, steps * p * q, steps * p * q * (1 - 2 * p), steps * p * q * (1 - 6 * p * q)];
        for (int k = 0; k < 4; k++) Assert.Equal(cumulants[k], d.Cumulants[k], 1e-10);
        Assert.Equal(steps * p * q, d.Records[^1].Variance, 1e-10);
        Assert.Equal(20 * p, d.Records[20].Mean, 1e-12);
    }

    [Fact]
    public void A_coins_scgf_and_rates_are_its_closed_forms()
    {
        // θ(s) = ln(1 − p + p e^{−s}); mean rate p, variance rate p(1 − p). 1e-13.
        var (protocol, measurements, p) = Coin(0.6);
        var map = CountResolvedMap.ForStep(MonitoredStep.Of(protocol, measurements, 0, 0.1), CountSelection.Single(0));
        foreach (double s in new[] { -1.0, -0.2, 0, 0.3, 2 })
            Assert.Equal(Math.Log(1 - p + p * Math.Exp(-s)), ScaledCumulantGeneratingFunction.Theta(map, s), 1e-13);
        var rates = ScaledCumulantGeneratingFunction.Rates(map)!.Value;
        Assert.Equal(p, rates.Mean, 1e-13);
        Assert.Equal(p * (1 - p), rates.Variance, 1e-12);
    }

    [Fact]
    public void The_rates_of_the_two_bath_model_are_the_derivatives_of_its_scgf()
    {
        // Second method: central finite differences of θ (h = 1e-3, error O(h²) ≈ 1e-7) against the perturbative rates.
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var map = CountResolvedMap.ForStep(MonitoredStep.Of(protocol, EnergyOnBoth(protocol), 0, Dt), CountSelection.Single(0));
        const double h = 1e-3;
        double plus = ScaledCumulantGeneratingFunction.Theta(map, h), minus = ScaledCumulantGeneratingFunction.Theta(map, -h);
        double zero = ScaledCumulantGeneratingFunction.Theta(map, 0);
        var rates = ScaledCumulantGeneratingFunction.Rates(map)!.Value;
        Assert.Equal(0, zero, 1e-13);
        Assert.Equal(-(plus - minus) / (2 * h), rates.Mean, 1e-7);
        Assert.Equal((plus - 2 * zero + minus) / (h * h), rates.Variance, 1e-5);
        Assert.True(Math.Abs(rates.Mean) > 1e-4, $"the hot bath should carry a current, got {rates.Mean:G3}");
    }

    [Fact]
    public void The_mean_count_times_the_quantum_is_the_ledgers_heat()
    {
        // Reference: ThermodynamicLedgerTests' Heisenberg-picture heat Q_j = −Σ ⟨W†(1⊗H_E)W − 1⊗H_E⟩ after K steps;
        // ω_E ⟨N_j⟩ = Q_j to 1e-12.
        const int steps = 30;
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var (heat, _, _, _) = ThermodynamicLedgerTests.HeisenbergReference(steps);
        var measurements = EnergyOnBoth(protocol);
        for (int j = 0; j < 2; j++)
        {
            var d = FullCountingStatistics.Compute(protocol, measurements, ThermodynamicLedgerTests.Initial(), Dt, steps, CountSelection.Single(j));
            Assert.Equal(heat[j], measurements[j]!.EnergyQuantum!.Value * d.Cumulants[0], 1e-12);
        }
    }

    [Fact]
    public void A_counted_bath_must_be_measured_and_a_memory_bath_is_refused()
    {
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var rho = ThermodynamicLedgerTests.Initial();
        var unmeasured = Assert.ThrowsAny<QuantumInputException>(() =>
            FullCountingStatistics.Compute(protocol, [AncillaMeasurement.Energy(protocol.Baths[0].Ancilla), null], rho, Dt, 2, CountSelection.Single(1)));
        Assert.Equal("bath", unmeasured.ParamName);
        var outOfRange = Assert.ThrowsAny<QuantumInputException>(() =>
            FullCountingStatistics.Compute(protocol, EnergyOnBoth(protocol), rho, Dt, 2, CountSelection.Single(2)));
        Assert.Equal("bath", outOfRange.ParamName);
        var memory = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Ground, BathCollision.WithRate(Kron(Sp, Sm) + Kron(Sm, Sp), 1), memoryAngle: 0.3)]);
        var e = Assert.ThrowsAny<QuantumInputException>(() =>
            FullCountingStatistics.Compute(memory, [AncillaMeasurement.InBasis([[1, 0], [0, 1]])], DensityMatrix.Diagonal([0.5, 0.5]), 0.1, 2, CountSelection.Single(0)));
        Assert.Equal("baths[0].memory_angle", e.ParamName);
    }
}
