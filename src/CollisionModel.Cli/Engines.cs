using CollisionModel.Cli.Runners;

namespace CollisionModel.Cli;

/// <summary>
/// The one place where the library's physics engines are plugged into the commands (see <see cref="CliServices"/>).
/// An engine left null makes its command exit with code 1 after input validation.
/// </summary>
public static class Engines
{
    /// <summary>The engines this build provides.</summary>
    public static CliServices Create() => new(
        Simulate: new SimulateRunner(),
        Master: new MasterRunner(),
        Converge: new ConvergeRunner(),
        Ree: new ReeRunner(),
        Paper: new PaperRunner(),
        Conjecture: new ConjectureRunner(),
        ModelFile: new ModelFileRunner());
}
