using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Measures;
using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision ree</c>: the relative entropy of entanglement of a two-qubit state read from a file.</summary>
internal static class ReeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var rho = CliOptions.Path("--rho",
            "JSON file with a 4×4 density matrix: rows of [re, im] pairs (or real numbers), basis |00>, |01>, |10>, |11>; " +
            "'-' reads it from standard input.", null);
        rho.Required = true;
        var normalize = new Option<bool>("--normalize")
        {
            Description = "Entries rounded to a few digits: use the nearest density matrix (Hermitian part, negative " +
                "eigenvalues set to 0, trace 1) and report what changed; refused beyond trace distance 0.05.",
        };
        var common = new CommonOptionSet();

        var command = new Command("ree", "Relative entropy of entanglement of a two-qubit state, with a certified lower bound.");
        command.Options.Add(rho);
        command.Options.Add(normalize);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var options = new ReeOptions(CliOptions.ValueOrEmpty(parse, rho), parse.GetValue(normalize));
            var commonOptions = common.Read(parse);
            if (options.RhoPath == "-" && environment.InIsTerminal)
                environment.Error.Write("collision ree: reading the 4×4 matrix (JSON) from standard input; end with Ctrl-D (Ctrl-Z Enter on Windows).\n");
            string source = options.RhoPath == "-" ? "standard input" : options.RhoPath;
            string text = RhoFileReader.ReadText(options.RhoPath, environment.In);
            DensityMatrix state;
            ResultRecord? normalization = null;
            if (options.Normalize) (state, normalization) = RoundedState.Normalize(RhoFileReader.ParseEntries(text, source), source);
            else state = RhoFileReader.Parse(text, source);
            var solver = environment.Services.Ree ?? throw new EngineUnavailableException("ree");
            var estimate = solver.Compute(state);
            var fields = ResultRecord.Of(
                ("E_R", estimate.Value),
                ("lower_bound", estimate.LowerBound),
                ("closest_separable", estimate.ClosestSeparable),
                ("concurrence", Concurrence.Wootters(state)),
                ("negativity", Negativity.Compute(state)));
            // The contract puts the fields at top level; the single record repeats them so CSV and tables have a row.
            var extras = normalization is null ? fields
                : ResultRecord.Of([.. fields.Fields.Select(f => (f.Name, f.Value)), ("normalization", new ObjectValue(normalization))]);
            var document = new ResultDocument("ree", Conventions.Text,
                ResultRecord.Of([.. options.ToParameters(), .. commonOptions.ToParameters()]),
                [fields],
                extras);
            ResultOutput.Emit(document, commonOptions.Format, commonOptions.OutputPath, environment.Out, environment.TableWidth);
            return 0;
        });
        return command;
    }
}
