using System.Numerics;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.Protocols;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Monitoring;

public class MonitoredTrajectoriesTests
{
    private const double Dt = 0.1;
    private static readonly Matrix<Complex> Swap = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);

    // A qubit H_S = |1⟩⟨1| between a hot (β = 0.3) and a cold (β = 1.5) bath of resonant qubits, both energy-measured.
    private static CollisionProtocol Machine() => new([2], [0],
    [
        new Bath([0], AncillaState.Thermal(Pauli.Projector1, 0.3), BathCollision.WithRate(Swap, 1)),
        new Bath([0], AncillaState.Thermal(Pauli.Projector1, 1.5), BathCollision.WithRate(Swap, 1)),
    ], Pauli.Projector1 + 0.4 * Pauli.X);

    private static AncillaMeasurement?[] EnergyOnBoth(CollisionProtocol p) => [.. p.Baths.Select(b => AncillaMeasurement.Energy(b.Ancilla))];

    private static DensityMatrix Start() => DensityMatrix.Create(Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0.3, new(0.3, 0.2) }, { new(0.3, -0.2), 0.7 } }));

    [Fact]
    public void The_average_conditional_state_is_the_unconditional_state_within_five_standard_errors()
    {
        // Reference: ρ_S(t) from powers of StepChannel's superoperator (no measurement, no sampling). Every entry of
        // every record (2 × 4 parts × 5 records = 40 comparisons) within 5 of its own standard errors; the bound
        // holds with probability > 1 − 40·6e-7.
        const int steps = 20, n = 1000;
        var protocol = Machine();
        var result = MonitoredTrajectories.Run(protocol, EnergyOnBoth(protocol), Start(), Dt, steps, n, seed: 11, recordEvery: 5);
        var channel = StepChannel.Superoperator(protocol, Dt);
        var rho = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(Start().ColumnMajor.ToArray());
        int done = 0;
        foreach (var record in result.Records)
        {
            for (; done < record.Step; done++) rho = channel * rho;
            for (int k = 0; k < 4; k++)
            {
                var estimate = record.MeanState.ColumnMajor[k];
                var (re, im) = record.MeanStateStandardError[k];
                Assert.True(Math.Abs(estimate.Real - rho[k].Real) <= 5 * re + 1e-12, $"step {record.Step} entry {k}: Re {estimate.Real} vs {rho[k].Real} ± {re}");
                Assert.True(Math.Abs(estimate.Imaginary - rho[k].Imaginary) <= 5 * im + 1e-12, $"step {record.Step} entry {k}: Im {estimate.Imaginary} vs {rho[k].Imaginary} ± {im}");
            }
        }
        // The errors are statistical, not a loose bound: at N = 1000 every off-diagonal error bar is below 0.02.
        Assert.All(result.Records.Skip(1), r => Assert.True(r.MeanStateStandardError[1].Re < 0.02));
    }

    [Fact]
    public void The_final_count_histogram_matches_the_exact_distribution()
    {
        // Reference: FullCountingStatistics' exact P(n) of the hot bath; each frequency within 5 binomial standard
        // errors √(P(1 − P)/N) (+ 1/N for the rare counts); the sample mean within 5 of its standard errors.
        const int steps = 15, n = 2000;
        var protocol = Machine();
        var measurements = EnergyOnBoth(protocol);
        var result = MonitoredTrajectories.Run(protocol, measurements, Start(), Dt, steps, n, seed: 5);
        var exact = FullCountingStatistics.Compute(protocol, measurements, Start(), Dt, steps, CountSelection.Single(0));
        var histogram = result.FinalCounts.GroupBy(c => c[0]).ToDictionary(g => g.Key, g => g.Count() / (double)n);
        foreach (long value in exact.Values.Concat(histogram.Keys).Distinct())
        {
            double p = exact.ProbabilityOf(value), f = histogram.GetValueOrDefault(value);
            Assert.True(Math.Abs(f - p) <= 5 * Math.Sqrt(p * (1 - p) / n) + 1.0 / n, $"n = {value}: frequency {f} vs P = {p}");
        }
        var last = result.Records[^1];
        Assert.True(Math.Abs(last.CountsMean[0] - exact.Cumulants[0]) <= 5 * last.CountsStandardError[0]!.Value);
        Assert.Equal(exact.Records[^1].Variance, last.CountsVariance[0]!.Value, 0.25 * exact.Records[^1].Variance);
    }

    [Fact]
    public void The_result_is_the_same_bits_for_one_and_two_threads()
    {
        var protocol = Machine();
        var one = MonitoredTrajectories.Run(protocol, EnergyOnBoth(protocol), Start(), Dt, 10, 100, seed: 3, threads: 1);
        var two = MonitoredTrajectories.Run(protocol, EnergyOnBoth(protocol), Start(), Dt, 10, 100, seed: 3, threads: 2);
        for (int r = 0; r < one.Records.Count; r++)
        {
            Assert.True(one.Records[r].MeanState.ColumnMajor.SequenceEqual(two.Records[r].MeanState.ColumnMajor));
            Assert.Equal(one.Records[r].CountsMean, two.Records[r].CountsMean);
            Assert.Equal(one.Records[r].MeanConditionalEntropy, two.Records[r].MeanConditionalEntropy);
        }
        Assert.Equal(one.FinalCounts.Select(c => c.ToArray()), two.FinalCounts.Select(c => c.ToArray()));
        var other = MonitoredTrajectories.Run(protocol, EnergyOnBoth(protocol), Start(), Dt, 10, 100, seed: 4);
        Assert.NotEqual(one.FinalCounts.Select(c => c.ToArray()), other.FinalCounts.Select(c => c.ToArray()));
    }

    [Fact]
    public void Reading_out_zero_temperature_quanta_keeps_a_pure_state_pure()
    {
        // Closed form: an energy-measured ground-state ancilla gives one Kraus operator per outcome, so a pure ρ_S(0)
        // stays pure along every trajectory (mean conditional entropy 0 to rounding) while the unconditional state mixes.
        var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(Pauli.Projector1, 1e3), BathCollision.WithRate(Swap, 1))],
            Pauli.Projector1);
        var plus = DensityMatrix.Create(Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0.5, 0.5 }, { 0.5, 0.5 } }));
        var result = MonitoredTrajectories.Run(protocol, EnergyOnBoth(protocol), plus, Dt, 10, 50, seed: 1);
        Assert.All(result.Records, r => Assert.True(r.MeanConditionalEntropy < 1e-9, $"step {r.Step}: {r.MeanConditionalEntropy}"));
        Assert.True(Entropy(result.Records[5].MeanState.ToMatrix()) > 0.05);
    }

    [Fact]
    public void Fewer_than_one_trajectory_or_no_measured_bath_is_refused()
    {
        var protocol = Machine();
        var zero = Assert.ThrowsAny<QuantumInputException>(() => MonitoredTrajectories.Run(protocol, EnergyOnBoth(protocol), Start(), Dt, 5, 0, 1));
        Assert.Equal("trajectories", zero.ParamName);
        var none = Assert.ThrowsAny<QuantumInputException>(() => MonitoredTrajectories.Run(protocol, [null, null], Start(), Dt, 5, 10, 1));
        Assert.Equal("measure", none.ParamName);
    }
}
