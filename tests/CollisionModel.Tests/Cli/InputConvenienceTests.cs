using System.Text.Json;
using CollisionModel.Cli;

namespace CollisionModel.Tests.Cli;

/// <summary>ree reads standard input and rounded states; help and errors state the real limits; ignored rates are refused.</summary>
public class InputConvenienceTests
{
    private const string Bell = "[[0.5,0,0,0.5],[0,0,0,0],[0,0,0,0],[0.5,0,0,0.5]]";

    private static CliRun RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(stdout, stderr, false, CliHarness.PlumbingServices()) { In = new StringReader(stdin) };
        int code = App.Run(args, environment);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void ReeReadsTheMatrixFromStandardInputWithADash()
    {
        var run = RunWithInput(Bell, "ree", "--rho", "-", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        // The Bell state's concurrence is 1 (computed by the tool itself, not the stand-in solver).
        Assert.Equal(1.0, doc.RootElement.GetProperty("concurrence").GetDouble(), 1e-12);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void RoundedEntriesAreRefusedWithAHintAndAcceptedWithNormalize()
    {
        // Two-digit rounding of a state: trace 1.01 (already invalid at the 1e-10 trace tolerance).
        const string rounded = "[[0.51,0,0,0.49],[0,0,0,0],[0,0,0,0],[0.49,0,0,0.5]]";
        var refused = RunWithInput(rounded, "ree", "--rho", "-");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--normalize", refused.Stderr, StringComparison.Ordinal);
        Assert.True(refused.StderrLines.Length <= 3);

        var run = RunWithInput(rounded, "ree", "--rho", "-", "--normalize", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var report = doc.RootElement.GetProperty("normalization");
        Assert.Equal(1.01, report.GetProperty("input_trace").GetDouble(), 1e-12);
        // The input is Hermitian and positive ([[.51,.49],[.49,.5]] has eigenvalues .505 ± .49003), so only the trace
        // is fixed: ½‖M − M/1.01‖₁ = ½(1 − 1/1.01)·1.01 = 0.005.
        Assert.Equal(0.005, report.GetProperty("trace_distance_to_input").GetDouble(), 1e-12);
    }

    [Fact]
    public void NormalizeRefusesInputThatIsFarFromAnyState()
    {
        var run = RunWithInput("[[1,0,0,0],[0,1,0,0],[0,0,0,0],[0,0,0,0]]", "ree", "--rho", "-", "--normalize");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("trace distance", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[0.5, 0, 0, 0.5],\n [0, 0, 0, 0],\n [0, 0, x, 0],\n [0.5, 0, 0, 0.5]]", "line 3, column 9", "'x' cannot start a value")]
    [InlineData("[[0.5, 0, 0, 0.5],\n [0, 0, 0, 0]", "line 2", "expected ']'")]
    [InlineData("[[0.5, 0, 0, 0.5] [0, 0, 0, 0]]", "line 1, column 19", "expected ',' or ']'")]
    public void JsonErrorsTakeOneLineNamingTheLineAndWhatWasExpected(string text, string where, string what)
    {
        var run = RunWithInput(text, "ree", "--rho", "-");
        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains(where, line, StringComparison.Ordinal);
        Assert.Contains(what, line, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate", "dephasing", "--gamma")]
    [InlineData("simulate", "dephasing", "--kappa")]
    [InlineData("simulate", "decay", "--eta")]
    [InlineData("converge", "dephasing", "--gamma")]
    [InlineData("converge", "decay", "--eta")]
    public void ARateTheModelIgnoresIsRefusedNamingTheOption(string command, string model, string option)
    {
        var run = CliHarness.Run(command, "--model", model, option, "5");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"collision: error: {option}:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void RatesLeftAtTheirDefaultsAreNotRefused()
    {
        // γ defaults to 1 and is unused by dephasing; only an explicit --gamma is refused.
        Assert.Equal(0, CliHarness.Run("simulate", "--model", "dephasing", "--eta", "2", "--steps", "2").ExitCode);
    }

    [Fact]
    public void RangeErrorsDoNotQuoteTheIntegerTypeLimit()
    {
        var run = CliHarness.Run("simulate", "--record-every", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("9223372036854775807", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--record-every: must be ≥ 1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpStatesTheRealStepLimitsAndTheCommaSyntax()
    {
        string simulate = CliHarness.Run("simulate", "--help").Stdout;
        Assert.Contains("2147483647", simulate, StringComparison.Ordinal);
        Assert.DoesNotContain("up to 10¹²", simulate, StringComparison.Ordinal);
        string converge = CliHarness.Run("converge", "--help").Stdout;
        Assert.Contains("[default: 10,100,1000,10000]", converge, StringComparison.Ordinal);
        Assert.DoesNotContain("10|100", converge, StringComparison.Ordinal);
    }
}
