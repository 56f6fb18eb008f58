using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.MasterEquation;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision master</c>: the two-qubit master equation (eq. (5)).</summary>
internal static class MasterCommand
{
    /// <summary>An upper bound on <c>--points</c> that keeps the output and memory reasonable.</summary>
    public const int MaxPoints = 1_000_000;

    public static Command Create(CliEnvironment environment)
    {
        var rates = new RateOptionSet();
        var qubit = CliOptions.Choice("--qubit", "The qubit(s) eq. (5) acts on.", TargetQubit.B,
            ("A", TargetQubit.A), ("B", TargetQubit.B), ("both", TargetQubit.Both));
        var time = CliOptions.EndTime("Final time T > 0.");
        var points = CliOptions.Integer("--points", $"N ≥ 2 equally spaced times from 0 to T inclusive (≤ {MaxPoints}).", 101, 2, MaxPoints);
        var modelFile = CliOptions.Path(ModelFileInput.OptionName,
            "Integrate the Lindblad limit of a JSON model file (every bath with a rate and a zero-mean coupling; format " +
            "in docs/model-files.md) and give its steady state and heat currents. Replaces --a, the rates and --qubit.", null);
        var common = new CommonOptionSet();

        var command = new Command("master", "The two-qubit master equation (eq. 5): entropy and entanglement production; with --model-file, any model's Lindblad limit.");
        rates.AddTo(command);
        command.Options.Add(qubit.Option);
        command.Options.Add(time);
        command.Options.Add(points);
        command.Options.Add(modelFile);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            if (parse.GetValue(modelFile) is { } file)
            {
                PresetOptionConflicts.Refuse(parse, [.. rates.All, qubit.Option]);
                var fileOptions = new ModelMasterOptions(ModelFileInput.Read(file), parse.GetValue(time), checked((int)parse.GetValue(points)));
                var fileCommon = common.Read(parse);
                var fileRunner = environment.Services.ModelFile ?? throw new EngineUnavailableException("modelFile");
                return EngineCommand.Execute(environment, fileCommon, "master", fileOptions.ToParameters(), progress =>
                {
                    var result = fileRunner.Master(fileOptions, progress);
                    return (result.ToRecords(), result.ToExtras());
                }, fileOptions.ModelFile.Model.Protocol.Baths.Select(b => b.Name).ToArray(),
                AbsentPartFields.For(fileOptions.ModelFile.Model.Protocol));
            }
            var options = new MasterOptions(parse.GetValue(rates.A), rates.ReadRates(parse), qubit.Read(parse),
                parse.GetValue(time), checked((int)parse.GetValue(points)));
            var commonOptions = common.Read(parse);
            var runner = environment.Services.Master ?? throw new EngineUnavailableException("master");
            return EngineCommand.Execute(environment, commonOptions, "master", options.ToParameters(), progress =>
            {
                var result = runner.Run(options, progress);
                return (result.Points.Select(p => p.ToRecord()).ToList(), result.ToExtras());
            });
        });
        return command;
    }
}
