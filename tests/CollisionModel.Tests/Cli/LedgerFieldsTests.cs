using CollisionModel.Cli.Commands;
using CollisionModel.Cli.Output;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Tests.Thermodynamics;

namespace CollisionModel.Tests.Cli;

public class LedgerFieldsTests
{
    [Fact]
    public void Records_of_runs_with_ancilla_hamiltonians_carry_the_contract_ledger_fields()
    {
        // energy_S, heat (one entry per bath), work and entropy_flow follow the contract's fields, with the values of
        // the library's ledger; the paper presets (no H_E) carry none of them.
        var protocol = ThermodynamicLedgerTests.TwoBaths();
        var run = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = ThermodynamicLedgerTests.Initial(),
            Grid = TimeGrid.OfStep(0.05, 3),
        }, Representation.Streaming);
        var last = run.Records[^1];
        var record = SimulateResult.ToRecord(last);
        var names = record.Fields.Select(f => f.Name).ToArray();
        Assert.Equal(["energy_S", "heat", "work", "entropy_flow"], names[^4..]);
        var heat = Assert.IsType<ListValue>(record["heat"]);
        Assert.Equal(2, heat.Items.Count);
        Assert.Equal(last.Thermodynamics!.Heat[1]!.Value, Assert.IsType<NumberValue>(heat.Items[1]).Value);
        Assert.Equal(last.Thermodynamics.Work!.Value, Assert.IsType<NumberValue>(record["work"]).Value);

        var model = PaperModels.Decay(1, 0.5, 1, 0.6, CollisionModel.Models.AngleConvention.Exact, true);
        var preset = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(0.1, 1),
        }, Representation.Streaming);
        Assert.Null(SimulateResult.ToRecord(preset.Records[^1])["energy_S"]);
    }
}
