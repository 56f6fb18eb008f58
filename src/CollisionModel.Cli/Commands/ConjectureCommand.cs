using System.CommandLine;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision conjecture</c>: the conjecture |σ_E| ≤ σ on one random detailed-balance generator.</summary>
internal static class ConjectureCommand
{
    /// <summary>An upper bound on <c>--points</c> (times halve down to T/2^{N−1}).</summary>
    public const int MaxPoints = 60;

    public static Command Create(CliEnvironment environment)
    {
        var seed = CliOptions.Integer("--seed", "Seed of the random generator and initial pure state.", 0, 0, int.MaxValue, "SEED");
        var time = CliOptions.EndTime("Last evaluation time T > 0 (units of 1/width of H's spectrum).", 16);
        var points = CliOptions.Integer("--points", $"N evaluation times T/2^(N−1), …, T/2, T (2 ≤ N ≤ {MaxPoints}).", 9, 2, MaxPoints);
        var common = new CommonOptionSet();

        var command = new Command("conjecture",
            "One random undriven detailed-balance generator (seeded): E_R of its Gibbs state, |σ_E|/σ along a relaxation, " +
            "and the cutoff-free coefficient c of |σ_E|/σ ≈ c/ε near equilibrium.");
        command.Options.Add(seed);
        command.Options.Add(time);
        command.Options.Add(points);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var options = new ConjectureOptions(checked((int)parse.GetValue(seed)), parse.GetValue(time), checked((int)parse.GetValue(points)));
            var commonOptions = common.Read(parse);
            var runner = environment.Services.Conjecture ?? throw new EngineUnavailableException("conjecture");
            return EngineCommand.Execute(environment, commonOptions, "conjecture", options.ToParameters(), progress =>
            {
                var result = runner.Run(options, progress);
                return (result.Points.Select(p => p.ToRecord()).ToList(), result.ToExtras());
            });
        });
        return command;
    }
}
