using System.Text.Json;
using CollisionModel.Collisions;
using CollisionModel.Protocols;
using CollisionModel.Thermodynamics;
using static CollisionModel.Tests.Thermodynamics.ThermodynamicLedgerTests;

namespace CollisionModel.Tests.Thermodynamics;

/// <summary>The ledger as the streaming engine books it, step by step from the joint state of the step's ancillas.</summary>
public class StreamingLedgerTests
{
    private static CollisionTrajectory Run(CollisionProtocol protocol, int steps, int recordEvery = 1) =>
        CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = Initial().WithSpace(protocol.SystemSpace),
            Steps = steps,
            TimeStep = 0.05,
            RecordEvery = recordEvery,
        }, Representation.Streaming);

    [Fact]
    public void Streaming_records_carry_the_ledger_of_the_heisenberg_brute_force()
    {
        // Two baths at β = 0.4 and 2.5 with detuned ancillas (nonzero work), 40 steps: the last record's totals
        // against the test's Heisenberg-picture reference (written without the library's collision code).
        var trajectory = Run(TwoBaths(), 40);
        var last = trajectory.Records[^1].Thermodynamics!;
        var (heat, work, energy, _) = HeisenbergReference(40);
        Assert.Equal(heat[0], last.Heat[0]!.Value, 1e-12);
        Assert.Equal(heat[1], last.Heat[1]!.Value, 1e-12);
        Assert.Equal(work, last.Work!.Value, 1e-12);
        Assert.Equal(0.4 * heat[0] + 2.5 * heat[1], last.EntropyFlow!.Value, 1e-12);
        Assert.Equal(energy, last.EnergySystem!.Value, 1e-12);
        var first = trajectory.Records[0].Thermodynamics!;
        Assert.Equal(0, first.Collisions);
        Assert.Equal(0.0, first.Work);
    }

    [Fact]
    public void The_engines_entropy_production_is_the_system_entropy_change_minus_the_entropy_flow()
    {
        // Σ over steps of I(S′:E′) + D(η′‖η) (the engine's entropy_production_total, E = both ancillas of a step
        // jointly) equals S_AB(K) − S_AB(0) − Σ_j β_j Q_j (ledger) at every record: the second law closes per step.
        var records = Run(TwoBaths(), 200, recordEvery: 10).Records;
        double s0 = records[0].Bookkeeping.EntropyAB;
        foreach (var r in records)
        {
            double fromLedger = r.Thermodynamics!.EntropyProduction(r.Bookkeeping.EntropyAB - s0)!.Value;
            Assert.Equal(r.Bookkeeping.EntropyProductionTotal, fromLedger, 1e-10);
            Assert.True(Math.Abs(r.Thermodynamics.FirstLawResidual!.Value) < 1e-13, $"step {r.Step}: first-law residual {r.Thermodynamics.FirstLawResidual:G3}");
        }
    }

    [Fact]
    public void Exports_carry_the_ledger_fields_only_when_an_ancilla_has_a_hamiltonian()
    {
        using var doc = JsonDocument.Parse(Run(TwoBaths(), 3).ToJson());
        var record = doc.RootElement.GetProperty("records")[3];
        Assert.Equal(2, record.GetProperty("heat").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, record.GetProperty("work").ValueKind);
        Assert.Equal(JsonValueKind.Number, record.GetProperty("entropy_flow").ValueKind);
        Assert.Equal(JsonValueKind.Number, record.GetProperty("energy_S").ValueKind);
        string header = Run(TwoBaths(), 3).ToCsv().Split('\n')[0];
        Assert.EndsWith(",energy_S,work,entropy_flow", header);

        // The paper's decay preset: thermal ancillas given by populations only, no H_E: no ledger fields at all.
        var model = PaperModels.Decay(1, 0.5, 1, 0.6, AngleConvention.Exact, true);
        var preset = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = model.Protocol, InitialSystem = model.InitialState, Steps = 2, TimeStep = 0.1,
        }, Representation.Streaming);
        Assert.Null(preset.Records[^1].Thermodynamics);
        Assert.DoesNotContain("energy_S", preset.ToCsv());
        Assert.DoesNotContain("entropy_flow", preset.ToJson());
    }
}
