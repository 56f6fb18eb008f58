using System.CommandLine;
using CollisionModel.Cli.Parsing;
using CollisionModel.Protocols;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision converge</c>: the collision model against the master equation as k → ∞.</summary>
internal static class ConvergeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var model = CliOptions.Choice("--model", "dephasing or decay collisions.", CollisionKind.Dephasing,
            ("dephasing", CollisionKind.Dephasing), ("decay", CollisionKind.Decay));
        var rates = new RateOptionSet();
        var time = CliOptions.FiniteDouble("--time", "Final time T > 0.", 1, min: 0, minExclusive: true, helpName: "T");
        var steps = CliOptions.IntegerList("--steps", "Collision counts k, comma-separated, each in [1, 10¹²].",
            [10, 100, 1000, 10000], 1, CliOptions.MaxSteps);
        var angle = CliOptions.Choice("--angle", "paper or exact collision angle (see simulate --help).", AngleConvention.Paper,
            ("paper", AngleConvention.Paper), ("exact", AngleConvention.Exact));
        var common = new CommonOptionSet();

        var command = new Command("converge", "The collision model against the master equation as the number of collisions k grows.");
        command.Options.Add(model.Option);
        rates.AddTo(command);
        command.Options.Add(time);
        command.Options.Add(steps);
        command.Options.Add(angle.Option);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var options = new ConvergeOptions(model.Read(parse), parse.GetValue(rates.A), rates.ReadRates(parse),
                parse.GetValue(time), parse.GetValue(steps) ?? [], angle.Read(parse));
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
