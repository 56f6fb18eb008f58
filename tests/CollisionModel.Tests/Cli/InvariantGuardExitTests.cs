using System.Numerics;
using CollisionModel.Bookkeeping;
using CollisionModel.Cli;
using CollisionModel.Cli.Commands;
using CollisionModel.Models;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// When the library's invariant guard stops a run, the user sees exit code 1 and at most three lines on standard error
/// that name the step and the invariant, with nothing on standard output. No valid input trips the guard any more (the
/// inputs that used to are refused as bad input), so the engine behind <c>simulate</c> is replaced, through the CLI's
/// ordinary service seam, by one whose books are the library's real <see cref="StepBookkeeper"/> handed a broken view:
/// a system state of trace 1.1 at the second collision (the library's own guard test double).
/// </summary>
public class InvariantGuardExitTests
{
    private sealed class BrokenEngineRunner : ISimulateRunner
    {
        public SimulateResult Run(SimulateOptions options, IProgress<double> progress)
        {
            var swap = MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseOfArray(new Complex[,]
            {
                { 1, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 },
            });
            var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(0.8, 0.2), BathCollision.WithUnitary(swap))]);
            var books = new StepBookkeeper(protocol, TimeGrid.OfStep(0.1, 10), EnvironmentScope.LatestStep, [0.5, 0, 0, 0.5], keepLedger: false);
            var entropies = new StepEntropies(0, 0.5, 0.5, 0.5, 0.5, 1, 0.5);
            books.Initial(new StepEntropies(0, Math.Log(2), Math.Log(2), Math.Log(2), Math.Log(2), 2 * Math.Log(2), Math.Log(2)));
            books.Close(entropies, [0.6, 0, 0, 0.4]);
            books.Close(entropies, [0.6, 0, 0, 0.5]);   // tr ρ_S = 1.1: the guard throws here
            throw new InvalidOperationException("unreachable: the guard let a state of trace 1.1 through");
        }
    }

    [Fact]
    public void A_stopped_run_exits_1_with_at_most_three_lines_naming_the_step_and_the_invariant()
    {
        var run = CliHarness.RunWith(new CliServices(Simulate: new BrokenEngineRunner()), "simulate", "--steps", "10", "--quiet");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, 3);
        Assert.Contains("step 2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("tr ρ_S = 1", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);   // no stack trace
    }
}
