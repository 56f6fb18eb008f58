using System.Text.Json;
using CollisionModel.Cli.Commands;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Tests.Thermodynamics;

namespace CollisionModel.Tests.Cli;

public class RecordShapeTests
{
    [Fact]
    public void The_cli_record_and_the_library_json_record_have_the_same_fields_in_the_same_order()
    {
        // One shape: the CLI's writers and CollisionTrajectory.ToJson name a step's fields from the same list, so the
        // keys of a record (ledger included) agree one for one and in order.
        var run = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = ThermodynamicLedgerTests.TwoBaths(),
            InitialSystem = ThermodynamicLedgerTests.Initial(),
            Grid = TimeGrid.OfStep(0.05, 2),
        }, Representation.Streaming);
        using var json = JsonDocument.Parse(run.ToJson());
        var libraryKeys = json.RootElement.GetProperty("records")[1].EnumerateObject().Select(p => p.Name).ToArray();
        var cliKeys = SimulateResult.ToRecord(run.Records[1]).Fields.Select(f => f.Name).ToArray();
        Assert.Equal(libraryKeys, cliKeys);
        Assert.Equal("rho_AB", cliKeys[CollisionRecordFields.ScalarsBeforeState]);
    }
}
