using System.CommandLine;
using CollisionModel.Cli.Parsing;
using CollisionModel.Models;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision converge</c>: the collision model against the master equation as k → ∞.</summary>
internal static class ConvergeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var model = CliOptions.Choice("--model", "dephasing or decay collisions.", CollisionKind.Dephasing,
            ("dephasing", CollisionKind.Dephasing), ("decay", CollisionKind.Decay));
        var rates = new RateOptionSet();
        var time = CliOptions.EndTime("Final time T > 0.");
        long[] defaultSteps = [10, 100, 1000, 10000];
        var steps = CliOptions.IntegerList("--steps",
            "Collision counts k, comma-separated without spaces (e.g. 10,1000,1e6,1e12), each in [1, 10¹²].",
            defaultSteps, 1, CliOptions.MaxSteps);
        var angle = CliOptions.Choice("--angle", "paper or exact collision angle (see simulate --help).", AngleConvention.Paper,
            ("paper", AngleConvention.Paper), ("exact", AngleConvention.Exact));
        var modelFile = CliOptions.Path(ModelFileInput.OptionName,
            "Study the model of a JSON model file against its Lindblad limit (every bath with a rate and a zero-mean " +
            "coupling; format in docs/model-files.md). Replaces --model, --a, the rates and --angle.", null);
        var common = new CommonOptionSet();

        var command = new Command("converge", "The collision model against the master equation as the number of collisions k grows.");
        command.Options.Add(model.Option);
        rates.AddTo(command);
        command.Options.Add(time);
        command.Options.Add(steps);
        command.Options.Add(angle.Option);
        command.Options.Add(modelFile);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            if (parse.GetValue(modelFile) is { } file)
            {
                PresetOptionConflicts.Refuse(parse, [model.Option, .. rates.All, angle.Option]);
                var fileOptions = new ModelConvergeOptions(ModelFileInput.Read(file), parse.GetValue(time), parse.GetValue(steps) ?? []);
                var fileCommon = common.Read(parse);
                var fileRunner = environment.Services.ModelFile ?? throw new EngineUnavailableException("modelFile");
                return EngineCommand.Execute(environment, fileCommon, "converge", fileOptions.ToParameters(), progress =>
                {
                    var result = fileRunner.Converge(fileOptions, progress);
                    return (result.Points.Select(p => p.ToRecord()).ToList(), result.ToExtras());
                });
            }
            rates.RefuseIgnored(parse, model.Read(parse));
            var options = new ConvergeOptions(model.Read(parse), parse.GetValue(rates.A), rates.ReadRates(parse),
                parse.GetValue(time), CliOptions.ListOrDefault(parse, steps, defaultSteps), angle.Read(parse));
            var commonOptions = common.Read(parse);
            var runner = environment.Services.Converge ?? throw new EngineUnavailableException("converge");
            return EngineCommand.Execute(environment, commonOptions, "converge", options.ToParameters(), progress =>
            {
                var result = runner.Run(options, progress);
                return (result.Points.Select(p => p.ToRecord()).ToList(), result.ToExtras());
            });
        });
        return command;
    }
}
