using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Information;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision ree</c>: the relative entropy of entanglement of a two-qubit state read from a file.</summary>
internal static class ReeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var rho = CliOptions.Path("--rho",
            "JSON file with a 4×4 density matrix: rows of [re, im] pairs (or real numbers), basis |00>, |01>, |10>, |11>.", null);
        rho.Required = true;
        var common = new CommonOptionSet();

        var command = new Command("ree", "Relative entropy of entanglement of a two-qubit state, with a certified lower bound.");
        command.Options.Add(rho);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var options = new ReeOptions(CliOptions.ValueOrEmpty(parse, rho));
            var commonOptions = common.Read(parse);
            var state = RhoFileReader.Read(options.RhoPath);
            var solver = environment.Services.Ree ?? throw new EngineUnavailableException("ree");
            var estimate = solver.Compute(state);
            var fields = ResultRecord.Of(
                ("E_R", estimate.Value),
                ("lower_bound", estimate.LowerBound),
                ("closest_separable", estimate.ClosestSeparable),
                ("concurrence", Concurrence.Wootters(state)),
                ("negativity", Negativity.Compute(state)));
            // The contract puts the fields at top level; the single record repeats them so CSV and tables have a row.
            var document = new ResultDocument("ree", Conventions.Text,
                ResultRecord.Of([.. options.ToParameters(), .. commonOptions.ToParameters()]),
                [fields],
                fields);
            ResultOutput.Emit(document, commonOptions.Format, commonOptions.OutputPath, environment.Out, environment.TableWidth);
            return 0;
        });
        return command;
    }
}
