using CollisionModel.Cli.Runners;

namespace CollisionModel.Cli;

/// <summary>
/// The one place where the library's physics engines are plugged into the commands (see <see cref="CliServices"/>).
/// An engine left null makes its command exit with code 1 after input validation.
/// </summary>
public static class Engines
{
    /// <summary>The engines this build provides, with the Parquet writer of <c>merge</c>.</summary>
    public static CliServices Create() => CreateAotSafe() with { ParquetWriter = Sweeps.SweepParquetWriter.Write };

    /// <summary>
    /// Every engine, without the Parquet writer: what the NativeAOT library of the Python package runs (Parquet.Net
    /// produces trimming warnings, and nothing reachable from here may).
    /// </summary>
    public static CliServices CreateAotSafe() => new(
        Simulate: new SimulateRunner(),
        Master: new MasterRunner(),
        Converge: new ConvergeRunner(),
        Ree: new ReeRunner(),
        Paper: new PaperRunner(),
        Conjecture: new ConjectureRunner(),
        ModelFile: new ModelFileRunner());
}
