using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.States;
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

    [Fact]
    public void The_kraus_path_and_the_superoperator_path_draw_the_same_trajectories()
    {
        // Two independent constructions of the conditional maps (Kraus operators on density matrices; folded real
        // superoperators) fed the same random stream make the same outcome at every draw, so every record agrees to
        // rounding (1e-12), the counts exactly. The machine with a drive-free H_S, both baths energy-measured.
        var protocol = Machine();
        var measurements = EnergyOnBoth(protocol);
        var fast = MonitoredTrajectories.RunOnPath(protocol, measurements, Start(), Dt, 15, 50, 3, 5, null, null, default, carriedPath: false);
        var kraus = MonitoredTrajectories.RunOnPath(protocol, measurements, Start(), Dt, 15, 50, 3, 5, null, null, default, carriedPath: true);
        for (int r = 0; r < fast.Records.Count; r++)
        {
            Assert.True((fast.Records[r].MeanState.ToMatrix() - kraus.Records[r].MeanState.ToMatrix()).FrobeniusNorm() < 1e-12);
            Assert.Equal(fast.Records[r].CountsMean, kraus.Records[r].CountsMean);
            Assert.Equal(fast.Records[r].MeanConditionalEntropy, kraus.Records[r].MeanConditionalEntropy, 1e-12);
        }
        for (int i = 0; i < 50; i++) Assert.Equal(fast.FinalCounts[i], kraus.FinalCounts[i]);
    }

    /// <summary>
    /// Every entry of every record's average conditional state within 5 of its standard errors of the streaming
    /// engine's unconditional ρ_S(t) (an independent code path: one density matrix of S ⊗ the step's ancillas ⊗ the
    /// carried memory ancillas, no measurement, no sampling).
    /// </summary>
    private static void AssertAverageIsStreamingState(CollisionProtocol protocol, AncillaMeasurement?[] measurements, DensityMatrix start, double dt,
        int steps, int n, int recordEvery)
    {
        var result = MonitoredTrajectories.Run(protocol, measurements, start, dt, steps, n, seed: 5, recordEvery: recordEvery);
        var engine = new CollisionModel.Engines.StreamingCollisionEngine(new CollisionModel.Engines.CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = start,
            Grid = TimeGrid.OfStep(dt, steps),
        });
        int done = 0, d = protocol.SystemDimension;
        foreach (var record in result.Records)
        {
            for (; done < record.Step; done++) engine.Advance();
            var exact = engine.SystemState().ColumnMajor;
            for (int k = 0; k < d * d; k++)
            {
                var estimate = record.MeanState.ColumnMajor[k];
                var (re, im) = record.MeanStateStandardError[k];
                // The sample standard error underestimates an entry fed by rare jumps; 1/N bounds one trajectory's share.
                Assert.True(Math.Abs(estimate.Real - exact[k].Real) <= 5 * re + 1.0 / n, $"step {record.Step} entry {k}: Re {estimate.Real} vs {exact[k].Real} ± {re}");
                Assert.True(Math.Abs(estimate.Imaginary - exact[k].Imaginary) <= 5 * im + 1.0 / n, $"step {record.Step} entry {k}: Im {estimate.Imaginary} vs {exact[k].Imaginary} ± {im}");
            }
        }
        Assert.True(result.Records[^1].MeanStateStandardError[1].Re > 0, "the conditional states should fluctuate");
    }

    [Fact]
    public void With_a_memory_bath_the_average_conditional_state_is_the_streaming_state()
    {
        // The machine's hot bath remembers (φ = 0.7: each used ancilla partially swaps with the next one before it
        // leaves and is measured); 2 × 4 parts × 5 records = 40 comparisons at 5σ.
        var machine = Machine();
        var protocol = new CollisionProtocol([2], [0],
        [
            new Bath([0], machine.Baths[0].Ancilla, machine.Baths[0].Collision, memoryAngle: 0.7),
            machine.Baths[1],
        ], Pauli.Projector1 + 0.4 * Pauli.X);
        AssertAverageIsStreamingState(protocol, EnergyOnBoth(protocol), Start(), Dt, 20, 1000, 5);
    }

    [Fact]
    public void A_memory_bath_read_in_a_basis_gives_the_streaming_state_too()
    {
        // One memory bath, its outgoing ancillas read in |±⟩ (no incoming projection), the second bath unmeasured.
        var machine = Machine();
        double h = Math.Sqrt(0.5);
        var protocol = new CollisionProtocol([2], [0],
        [
            new Bath([0], machine.Baths[0].Ancilla, machine.Baths[0].Collision, memoryAngle: 1.1),
            machine.Baths[1],
        ], Pauli.Projector1 + 0.4 * Pauli.X);
        AssertAverageIsStreamingState(protocol, [AncillaMeasurement.InBasis([[h, h], [h, -h]]), null], Start(), Dt, 12, 800, 4);
    }

    [Fact]
    public void A_system_too_large_for_dense_superoperators_runs_on_kraus_operators()
    {
        // Five qubits (d_S = 32 > 16): the machine's two baths on qubits 0 and 4, H_S hopping along the chain; the
        // average conditional state against the streaming engine, 2 × 1024 parts × 3 records at 5σ (6000 comparisons:
        // a false alarm has probability < 6000 · 6e-7).
        var hop = Matrix<Complex>.Build.Dense(32, 32);
        var space = new CollisionModel.Spaces.CompositeSpace(2, 2, 2, 2, 2);
        for (int q = 0; q < 4; q++) hop += 0.5 * (Tensor.Embed(Kron(Pauli.SigmaPlus, Pauli.SigmaMinus), space, q, q + 1) + Tensor.Embed(Kron(Pauli.SigmaMinus, Pauli.SigmaPlus), space, q, q + 1));
        for (int q = 0; q < 5; q++) hop += Tensor.Embed(Pauli.Projector1, space, q);
        var machine = Machine();
        var protocol = new CollisionProtocol([2, 2, 2, 2, 2], [4], [new Bath([0], machine.Baths[0].Ancilla, machine.Baths[0].Collision), new Bath([4], machine.Baths[1].Ancilla, machine.Baths[1].Collision)], hop);
        var start = DensityMatrix.Create(Tensor.Kron(Start().ToMatrix(), Pauli.Projector0, Pauli.Projector1, Pauli.Projector0, Start().ToMatrix()), space);
        AssertAverageIsStreamingState(protocol, EnergyOnBoth(protocol), start, 0.2, 4, 300, 2);
    }
}
