using System.CommandLine;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Parsing;
using CollisionModel.Engines;
using CollisionModel.Models;

namespace CollisionModel.Cli.Commands;

/// <summary><c>collision simulate</c>: a collision-model run with per-step bookkeeping.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var model = CliOptions.Choice("--model",
            "dephasing: controlled rotation of the ancilla conditioned on B; decay: partial swap of B with the ancilla.",
            CollisionKind.Dephasing, ("dephasing", CollisionKind.Dephasing), ("decay", CollisionKind.Decay));
        var rates = new RateOptionSet();
        var time = CliOptions.EndTime("Total time T > 0.");
        var steps = CliOptions.Integer("--steps",
            "Number of collisions K, 1 ≤ K ≤ 2147483647 (2³¹ − 1; every collision is performed, so for larger K use converge); δt = T/K.",
            100, 1, CliOptions.MaxPerformedSteps, "K");
        var env = CliOptions.Choice("--environment",
            "pure: ancillas start in |0>; mixed: maximally mixed (dephasing) or thermal diag(γ, κ)/(γ+κ) (decay).",
            EnvironmentKind.Pure, ("pure", EnvironmentKind.Pure), ("mixed", EnvironmentKind.Mixed));
        var representation = CliOptions.Choice("--representation",
            "explicit: A, B and every ancilla so far; streaming: A, B and the current ancilla only; mps: A, B and every ancilla so far as a matrix-product state (any K).",
            Representation.Streaming, ("explicit", Representation.Explicit), ("streaming", Representation.Streaming), ("mps", Representation.Mps));
        var angle = CliOptions.Choice("--angle",
            "paper: cos θ = 1 − η δt (dephasing), θ = √((γ+κ)δt) (decay); exact: cos θ = e^{−η δt}, cos²θ = e^{−(γ+κ)δt}.",
            AngleConvention.Paper, ("paper", AngleConvention.Paper), ("exact", AngleConvention.Exact));
        var recordEvery = CliOptions.Integer("--record-every", "Emit every N-th step (steps 0 and K always).", 1, 1, long.MaxValue);
        var noRee = new Option<bool>("--no-ree") { Description = "Skip E_R (null in the output)." };
        var modelFile = CliOptions.Path(ModelFileInput.OptionName,
            "Run the collision model described in a JSON model file (any qudit system, several baths, thermal or qudit " +
            "ancillas, memory; format in docs/model-files.md). Replaces --model, --a, the rates, --environment and --angle.", null);
        var common = new CommonOptionSet();
        var mps = new MpsOptionSet();

        var command = new Command("simulate",
            "A collision-model run with per-step entropy bookkeeping: a paper preset (--model) or any model from a file " +
            "(--model-file, see docs/model-files.md).");
        command.Options.Add(model.Option);
        rates.AddTo(command);
        command.Options.Add(time);
        command.Options.Add(steps);
        command.Options.Add(env.Option);
        command.Options.Add(representation.Option);
        command.Options.Add(angle.Option);
        command.Options.Add(recordEvery);
        command.Options.Add(noRee);
        command.Options.Add(modelFile);
        mps.AddTo(command);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            if (parse.GetValue(modelFile) is { } file)
            {
                PresetOptionConflicts.Refuse(parse, [model.Option, .. rates.All, env.Option, angle.Option]);
                var fileRepresentation = representation.Read(parse);
                var fileMps = mps.Read(parse);
                fileMps.Check(fileRepresentation);
                var fileOptions = new ModelSimulateOptions(ModelFileInput.Read(file), parse.GetValue(time), parse.GetValue(steps),
                    fileRepresentation, parse.GetValue(recordEvery), parse.GetValue(noRee))
                { Mps = fileMps };
                var fileCommon = common.Read(parse);
                var fileRunner = environment.Services.ModelFile ?? throw new EngineUnavailableException("modelFile");
                return EngineCommand.Execute(environment, fileCommon, "simulate", fileOptions.ToParameters(), progress =>
                {
                    var result = fileRunner.Simulate(fileOptions, progress);
                    return (result.ToRecords(), ResultRecord.Of());
                }, fileOptions.ModelFile.Model.Protocol.Baths.Select(b => b.Name).ToArray(),
                AbsentPartFields.For(fileOptions.ModelFile.Model.Protocol));
            }
            rates.RefuseIgnored(parse, model.Read(parse));
            var parsed = new SimulateOptions(model.Read(parse), parse.GetValue(rates.A), rates.ReadRates(parse),
                parse.GetValue(time), parse.GetValue(steps), env.Read(parse), representation.Read(parse),
                angle.Read(parse), parse.GetValue(recordEvery), parse.GetValue(noRee));
            var options = (parsed with { Mps = mps.Read(parse) }).Validated();
            var commonOptions = common.Read(parse);
            var runner = environment.Services.Simulate ?? throw new EngineUnavailableException("simulate");
            return EngineCommand.Execute(environment, commonOptions, "simulate", options.ToParameters(), progress =>
            {
                var result = runner.Run(options, progress);
                return (result.ToRecords(), ResultRecord.Of());
            });
        });
        return command;
    }
}
