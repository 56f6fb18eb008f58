using System.Text.Json;
using CollisionModel.Engines;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Validation;

namespace CollisionModel.Tests.MasterEquation;

/// <summary>Master-equation and collision runs share one result shape: Times, named series, Expect, CSV/JSON.</summary>
public class TimeSeriesResultTests
{
    private static readonly MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex> ZB = Tensor.Kron(Pauli.I, Pauli.Z);

    private static CollisionTrajectory DecayRun(double gamma, int steps, double time)
    {
        // Partial swap of B with pure |0⟩ ancillas, exact angle: B's excited population decays as e^{−γt} exactly.
        var model = PaperModels.Decay(gamma, 0, omega: 0, a: 0.6, AngleConvention.Exact);
        var options = new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.Over(time, steps),
            RecordEvery = 1,
        };
        return CollisionSimulation.Run(options, Representation.Streaming);
    }

    [Fact]
    public void ExpectOfSigmaZOnBFollowsTheExactDecayInTheCollisionModel()
    {
        ITimeSeriesResult run = DecayRun(gamma: 1, steps: 10, time: 1);
        var z = run.Expect(ZB);
        Assert.Equal(11, run.Times.Count);
        for (int k = 0; k < z.Count; k++)
        {
            // P1 = b² e^{−γt} with b² = 1 − 0.36; ⟨σz_B⟩ = 1 − 2 P1 (closed form of the generalised amplitude damping).
            double expected = 1 - 2 * 0.64 * Math.Exp(-run.Times[k]);
            Assert.Equal(expected, z[k], 1e-12);
        }
    }

    [Fact]
    public void ExpectOfSigmaZOnBFollowsTheClosedFormAlongTheMasterEquation()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0.3);
        ITimeSeriesResult run = new ExactPropagator(PaperMasterEquation.Create(p), 0.1).Run(PaperMasterEquation.InitialState(0.6), 10, []);
        var z = run.Expect(ZB);
        for (int k = 0; k < z.Count; k++)
        {
            // P1(t) = κ/G + (b² − κ/G) e^{−Gt}, b² = 0.64, G = 1.5 (conventions.md §2 item 5).
            double p1 = 0.5 / 1.5 + (0.64 - 0.5 / 1.5) * Math.Exp(-1.5 * run.Times[k]);
            Assert.Equal(1 - 2 * p1, z[k], 1e-12);
        }
    }

    [Fact]
    public void NamedSeriesOfACollisionRunAreItsBookkeeping()
    {
        var run = DecayRun(gamma: 1, steps: 4, time: 1);
        var sAB = ((ITimeSeriesResult)run).Series("S_AB");
        Assert.Equal(run.Records.Select(r => (double?)r.Bookkeeping.EntropyAB), sAB);
        Assert.Contains("entropy_production_total", run.SeriesNames);
        Assert.Throws<ParameterOutOfRangeException>(() => run.Series("no_such_series"));
    }

    [Fact]
    public void ObserverSeriesOfAMasterRunAreNamedAndExported()
    {
        var p = new PaperMasterEquationParameters(0, 1.0, 0.5, 0.0);
        var obs = new Observer<double>("Z_B", pt => (pt.State.ToMatrix() * ZB).Trace().Real);
        var run = new ExactPropagator(PaperMasterEquation.Create(p), 0.25).Run(PaperMasterEquation.InitialState(0.6), 4, [obs]);
        Assert.Equal(["Z_B"], run.SeriesNames);
        Assert.Equal(run.Expect(ZB), run.Series("Z_B").Select(v => v!.Value).ToArray(), new ToleranceComparer(1e-14));
        string csv = run.ToCsv();
        Assert.StartsWith("time,Z_B\n0,", csv, StringComparison.Ordinal);
        Assert.Equal(7, csv.Split('\n').Length); // header, 5 rows (t = 0 … 1), then the final newline
        using var doc = JsonDocument.Parse(run.ToJson());
        var records = doc.RootElement.GetProperty("records");
        Assert.Equal(5, records.GetArrayLength());
        Assert.Equal(0.25, records[1].GetProperty("time").GetDouble());
        Assert.Equal(4, records[1].GetProperty("rho").GetArrayLength());
    }

    [Fact]
    public void BothResultsWriteInfinityAsText()
    {
        // Pure ancillas: D(η′‖η) = +∞ after the first collision (conventions.md §6).
        var run = DecayRun(gamma: 1, steps: 2, time: 1);
        Assert.Equal(double.PositiveInfinity, run.Series("D_E")[1]);
        Assert.Contains("Infinity", run.ToCsv(), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(run.ToJson());
        Assert.Equal("Infinity", doc.RootElement.GetProperty("records")[1].GetProperty("D_E").GetString());
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
