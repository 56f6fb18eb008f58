using System.Globalization;
using CollisionModel.Cli.Commands;

namespace CollisionModel.Tests.Cli;

public class ProgressAndCultureTests
{
    /// <summary>Takes longer than the progress threshold and reports progress from its own thread.</summary>
    private sealed class SlowConverge : IConvergeRunner
    {
        public ConvergeResult Run(ConvergeOptions options, IProgress<double> progress)
        {
            for (int i = 1; i <= 13; i++)
            {
                Thread.Sleep(100);
                progress.Report(i / 13.0);
            }
            return new ConvergeResult([new ConvergePoint(10, 0.1, 0.05, 0.01)], null, null);
        }
    }

    [Fact]
    public void ALongRunWithATerminalKeepsTheProgressBarOffStdout()
    {
        var services = CliHarness.PlumbingServices() with { Converge = new SlowConverge() };
        var withBar = CliHarness.RunWith(services, errorIsTerminal: true, "converge", "--format", "csv");
        var quiet = CliHarness.RunWith(services, errorIsTerminal: true, "converge", "--format", "csv", "--quiet");
        Assert.Equal(0, withBar.ExitCode);
        Assert.Equal("steps,trace_distance,coherence_error,E_R_error\n10,0.1,0.05,0.01\n", withBar.Stdout);
        Assert.Equal(withBar.Stdout, quiet.Stdout);
        Assert.Equal("", quiet.Stderr);
    }

    [Fact]
    public void ExceptionsFromARunBehindTheProgressBarKeepTheirExitCode()
    {
        var services = CliHarness.PlumbingServices(double.NaN);
        var run = CliHarness.RunWith(services, errorIsTerminal: true, "simulate", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void OutputAndParsingIgnoreTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var run = CliHarness.Run("converge", "--time", "0.5", "--steps", "4", "--format", "csv");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("steps,trace_distance,coherence_error,E_R_error\n4,0.25,0.125,0.0625\n", run.Stdout);
            Assert.Equal(2, CliHarness.Run("converge", "--time", "0,5").ExitCode);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
