using System.Numerics;
using System.Text.Json;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines;

/// <summary>Run mechanics: emission, running totals, export, observers, progress, cancellation and input validation.</summary>
public class CollisionRunTests
{
    private static CollisionRunOptions Decay(int steps, bool thermal = false, double kappa = 0, AngleConvention angle = AngleConvention.Exact)
    {
        var model = PaperModels.Decay(1, kappa, 0, 0.6, angle, mixedEnvironment: thermal);
        return new()
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(1.0 / steps, steps),
        };
    }

    [Fact]
    public void Record_every_N_emits_0_N_2N_and_K_with_totals_equal_to_a_run_recording_every_step()
    {
        var o = Decay(10, thermal: true, kappa: 0.5, angle: AngleConvention.Paper);
        var every = CollisionSimulation.Run(o, Representation.Streaming).Records;
        var sparse = CollisionSimulation.Run(o with { RecordEvery = 4 }, Representation.Streaming).Records;
        Assert.Equal(new[] { 0, 4, 8, 10 }, sparse.Select(r => r.Step).ToArray());
        foreach (var r in sparse)
        {
            Assert.Equal(every[r.Step].Bookkeeping.EntropyProductionTotal, r.Bookkeeping.EntropyProductionTotal, 15);
            Assert.Equal(every[r.Step].Bookkeeping.MinSsaSlack, r.Bookkeeping.MinSsaSlack);
        }
        Assert.Equal(every.Skip(1).Min(r => r.Bookkeeping.SsaSlack), every[^1].Bookkeeping.MinSsaSlack!.Value, 15);
        Assert.Null(every[0].Bookkeeping.MinSsaSlack); // step 0: no collision yet
    }

    [Fact]
    public void Json_export_writes_infinite_D_E_as_the_string_Infinity_and_absent_E_R_as_null()
    {
        var t = CollisionSimulation.Run(Decay(3), Representation.Streaming);
        using var doc = JsonDocument.Parse(t.ToJson());
        var records = doc.RootElement.GetProperty("records");
        Assert.Equal(4, records.GetArrayLength());
        var last = records[3];
        Assert.Equal("Infinity", last.GetProperty("D_E").GetString());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("E_R").ValueKind);
        Assert.Equal(3, last.GetProperty("step").GetInt32());
        var rho = last.GetProperty("rho_AB");
        Assert.Equal(t.Records[3].RhoAB[0, 0].Real, rho[0][0][0].GetDouble());
        foreach (var name in CollisionTrajectory.ScalarFields) Assert.True(last.TryGetProperty(name, out _), name);
    }

    [Fact]
    public void Csv_export_has_the_contract_header_and_one_line_per_record()
    {
        var t = CollisionSimulation.Run(Decay(2), Representation.Streaming);
        var lines = t.ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(',', CollisionTrajectory.ScalarFields), lines[0]);
        Assert.Equal(4, lines.Length); // header + steps 0, 1, 2
        var cells = lines[2].Split(',');
        Assert.Equal("Infinity", cells[CollisionTrajectory.ScalarFields.ToList().IndexOf("D_E")]);
        Assert.Equal("", cells[CollisionTrajectory.ScalarFields.ToList().IndexOf("E_R")]);
    }

    [Fact]
    public void Observer_value_is_stored_per_emitted_step_and_exported()
    {
        var o = Decay(4) with { Observers = [new StepObserver("P1_B", r => r.RhoAB.Reduced(1)[1, 1].Real)] };
        var t = CollisionSimulation.Run(o, Representation.Streaming);
        // Amplitude damping with the exact angle: P1_B(t) = b² e^{−γ t}.
        Assert.Equal(0.64 * Math.Exp(-1.0), t.Records[^1].Observables["P1_B"], 13);
        Assert.Contains("P1_B", t.ToCsv().Split('\n')[0]);
    }

    [Fact]
    public void Progress_reaches_one_and_a_cancelled_token_stops_the_run()
    {
        var seen = new List<double>();
        CollisionSimulation.Run(Decay(50), Representation.Streaming, new SyncProgress(seen.Add));
        Assert.Equal(1.0, seen[^1]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => CollisionSimulation.Run(Decay(5), Representation.Streaming, null, cts.Token));
    }

    [Fact]
    public void Non_unitary_collision_matrix_is_rejected()
    {
        var m = Matrix<Complex>.Build.DenseIdentity(4) * 1.01;
        Assert.Throws<NotUnitaryException>(() => BathCollision.WithUnitary(m));
    }

    [Fact]
    public void Explicit_representation_rejects_more_qubits_than_fit()
    {
        var tooMany = Decay(29);
        Assert.Throws<ParameterOutOfRangeException>(() => new ExplicitCollisionEngine(tooMany));
        var tooManyMixed = Decay(ExplicitCollisionEngine.MaxMixedAncillas + 1, thermal: true, kappa: 0.5);
        Assert.Throws<ParameterOutOfRangeException>(() => new ExplicitCollisionEngine(tooManyMixed));
        // A mixed ρ_S(0) of rank 4 is purified by a reference of dimension 4: its capacity counts those amplitudes.
        var protocol = Decay(1).Protocol;
        int mixedCap = ExplicitCollisionEngine.StepCapacity(protocol, initialRank: 4);
        var mixed = Decay(mixedCap + 1) with { InitialSystem = DensityMatrix.MaximallyMixed(CollisionModel.Spaces.CompositeSpace.Qubits(2)) };
        Assert.Throws<ParameterOutOfRangeException>(() => new ExplicitCollisionEngine(mixed));
    }

    [Fact]
    public void Initial_state_of_the_wrong_dimension_is_rejected()
    {
        var o = Decay(2) with { InitialSystem = DensityMatrix.MaximallyMixed(CollisionModel.Spaces.CompositeSpace.Qubits(3)) };
        Assert.Throws<DimensionMismatchException>(() => new StreamingCollisionEngine(o));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
