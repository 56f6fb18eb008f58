using System.Numerics;
using System.Text.Json;
using CollisionModel.Cli;
using CollisionModel.Cli.Commands;
using CollisionModel.Cli.Output;
using CollisionModel.Cli.Plotting;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Reproduction;
using CollisionModel.States;

namespace CollisionModel.Tests.Cli;

/// <summary>What one in-process run of the tool produced.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the tool in-process with captured writers, and provides stand-in engines that exercise the plumbing
/// (they return fixed, recognisable numbers; the physics engines are tested in their own folders).
/// </summary>
internal static class CliHarness
{
    public static CliRun Run(params string[] args) => RunWith(PlumbingServices(), args);

    public static CliRun RunWith(CliServices? services, params string[] args) => RunWith(services, false, args);

    public static CliRun RunWith(CliServices? services, bool errorIsTerminal, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = App.Run(args, stdout, stderr, services, errorIsTerminal);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "collision-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> to a file named <paramref name="name"/> in a fresh temporary folder.</summary>
    public static string WriteTemp(string text, string name)
    {
        string file = Path.Combine(TempFolder(), name);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Runs the real engines with JSON output and no progress bar; asserts exit 0 (stderr as the message).</summary>
    public static JsonElement RunJson(params string[] args)
    {
        var run = RunWith(CollisionModel.Cli.Engines.Create(), [.. args, "--format", "json", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    /// <summary>(|00> + |11>)/√2 as a density matrix.</summary>
    public static DensityMatrix Bell()
    {
        var m = new Complex[4, 4];
        m[0, 0] = m[0, 3] = m[3, 0] = m[3, 3] = 0.5;
        return DensityMatrix.Create(m);
    }

    public static CliServices PlumbingServices(double valueForEveryEntropy = 0.25, int maxRecords = 50) => new(
        Simulate: new FixedSimulate(valueForEveryEntropy, maxRecords),
        Master: new FixedMaster(maxRecords),
        Converge: new FixedConverge(),
        Ree: new DelegateReeSolver(rho => new ReeEstimate(Math.Log(2), Math.Log(2) - 1e-9,
            DensityMatrix.Diagonal([0.5, 0, 0, 0.5]))),
        Paper: new FixedPaper());

    /// <summary>Emits steps 0, N, 2N, …, K with every entropy equal to a given number (NaN allowed, to test the writer).</summary>
    private sealed class FixedSimulate(double value, int maxRecords) : ISimulateRunner
    {
        public SimulateResult Run(SimulateOptions options, IProgress<double> progress)
        {
            var steps = new List<StepRecord>();
            var rho = DensityMatrix.Diagonal([0.5, 0, 0, 0.5]);
            var grid = TimeGrid.Over(options.Time, options.Steps);
            for (int j = 0; j <= Math.Min(options.Steps, maxRecords); j++)
            {
                if (j % options.RecordEvery != 0 && j != options.Steps) continue;
                steps.Add(new StepRecord
                {
                    Bookkeeping = new StepBookkeeping(j, grid.TimeAt(j), value, value, value, value, value, value, value,
                        j == 0 ? 0 : double.PositiveInfinity, value, value),
                    RhoAB = rho,
                    RelativeEntropyOfEntanglement = options.NoRee ? null : value,
                    Concurrence = value,
                });
            }
            progress.Report(1);
            return new SimulateResult(new CollisionTrajectory(steps, Representation.Streaming));
        }
    }

    private sealed class FixedMaster(int maxRecords) : IMasterRunner
    {
        public MasterResult Run(MasterOptions options, IProgress<double> progress)
        {
            var rho = Bell();
            var points = Enumerable.Range(0, Math.Min(options.Points, maxRecords))
                .Select(i => new MasterPoint(options.TimeAt(i), rho, 0, 0.5, 0.5, 1, i == 0 ? null : double.PositiveInfinity, 0, null))
                .ToList();
            return new MasterResult(points, null, DensityMatrix.Diagonal([0.5, 0, 0.5, 0]), null);
        }
    }

    private sealed class FixedConverge : IConvergeRunner
    {
        public ConvergeResult Run(ConvergeOptions options, IProgress<double> progress) =>
            new(options.Steps.Select(k => new ConvergePoint(k, 1.0 / k, 0.5 / k, 0.25 / k)).ToList(), 1.0, null);
    }

    private sealed class FixedPaper : IPaperRunner
    {
        public IReadOnlyList<PaperClaim> Run(PaperOptions options, IProgress<double> progress)
        {
            double[] k = [1, 10, 100, 1000];
            return
            [
                new PaperClaim("6-convergence", "collision model → master equation", ResultRecord.Of(("eta", 1.0)),
                    k.Select(x => ResultRecord.Of(("steps", (long)x), ("trace_distance", 1 / x))).ToList(),
                    ResultRecord.Of(("order", 1.0)),
                    [new LinePlotSpec("error", "error against k", "collisions k", "trace distance", [new PlotSeries("paper", k, k.Select(x => 1 / x).ToList())], LogX: true, LogY: true)]),
            ];
        }
    }
}
