namespace CollisionModel.Tests.Cli;

public class BadInputTests
{
    public static TheoryData<string[]> BadArguments => new()
    {
        // unknown command / option, missing command
        new[] { "bogus" },
        Array.Empty<string>(),
        new[] { "simulate", "--bogus" },
        new[] { "master", "--model", "decay" },
        new[] { "simulate", "extra-token" },
        // missing or malformed values
        new[] { "simulate", "--a" },
        new[] { "simulate", "--a", "abc" },
        new[] { "simulate", "--a", "0,5" },
        new[] { "simulate", "--steps", "1.5" },
        new[] { "simulate", "--model", "swap" },
        new[] { "simulate", "--environment", "hot" },
        new[] { "simulate", "--representation", "dense" },
        new[] { "simulate", "--angle", "wrong" },
        new[] { "simulate", "--format", "xml" },
        new[] { "master", "--qubit", "C" },
        new[] { "converge", "--steps", "10,,100" },
        new[] { "converge", "--steps", "10,x" },
        new[] { "simulate", "--output", "" },
        // out of range
        new[] { "simulate", "--a", "1.0000001" },
        new[] { "simulate", "--a", "-0.1" },
        new[] { "simulate", "--eta", "-1" },
        new[] { "master", "--gamma", "-0.5" },
        new[] { "converge", "--kappa", "-2" },
        new[] { "simulate", "--omega", "-3" },
        new[] { "simulate", "--time", "0" },
        new[] { "master", "--time", "-1" },
        new[] { "simulate", "--steps", "0" },
        new[] { "simulate", "--steps", "1000000000001" },
        new[] { "simulate", "--record-every", "0" },
        new[] { "master", "--points", "1" },
        new[] { "converge", "--steps", "0,10" },
        new[] { "converge", "--steps", "10,2000000000000" },
        new[] { "paper", "--samples", "0" },
        // NaN / infinity where a finite number is needed
        new[] { "simulate", "--a", "NaN" },
        new[] { "simulate", "--gamma", "Infinity" },
        new[] { "master", "--time", "Infinity" },
        new[] { "master", "--eta", "1e400" },
        new[] { "converge", "--time", "NaN" },
        // combinations
        new[] { "simulate", "--model", "decay", "--environment", "pure", "--kappa", "0.5" },
        new[] { "simulate", "--model", "decay", "--kappa", "1" },
        // files
        new[] { "ree" },
        new[] { "ree", "--rho", "/nonexistent/folder/rho.json" },
        new[] { "simulate", "--output", "/nonexistent/folder/out.json" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void BadInputExitsTwoWithAShortMessageAndNoOutput(string[] args)
    {
        string folder = CliHarness.TempFolder();
        string target = Path.Combine(folder, "result.json");
        var run = CliHarness.Run([.. args, "--output", target]);
        if (args.Contains("--output")) run = CliHarness.Run(args); // the case under test is the --output value itself
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, 3);
        Assert.StartsWith("collision: error:", run.StderrLines[0]);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("--a", "2")]
    [InlineData("--eta", "-1")]
    [InlineData("--time", "NaN")]
    [InlineData("--steps", "0")]
    public void TheMessageNamesTheOptionAndTheValue(string option, string value)
    {
        var run = CliHarness.Run("simulate", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.StderrLines[0]);
        Assert.Contains(value, run.StderrLines[0]);
    }

    [Fact]
    public void DecayWithPureEnvironmentNamesKappa()
    {
        var run = CliHarness.Run("simulate", "--model", "decay", "--kappa", "0.5");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--kappa", run.Stderr);
        Assert.Contains("pure", run.Stderr);
    }

    [Fact]
    public void DecayWithMixedEnvironmentAcceptsPositiveKappa()
    {
        var run = CliHarness.Run("simulate", "--model", "decay", "--environment", "mixed", "--kappa", "0.5", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void UnknownCommandIsNamed()
    {
        var run = CliHarness.Run("simulat");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'simulat'", run.StderrLines[0]);
    }

    [Fact]
    public void LibraryInputExceptionsDuringARunExitTwo()
    {
        var services = CliHarness.PlumbingServices() with
        {
            Simulate = new ThrowingSimulate(),
        };
        var run = CliHarness.RunWith(services, "simulate", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("cos θ", run.Stderr);
        Assert.True(run.StderrLines.Length <= 3);
    }

    [Fact]
    public void AMissingEngineIsAnInternalErrorAfterValidation()
    {
        Assert.Equal(2, CliHarness.RunWith(null, "master", "--points", "1").ExitCode);
        var run = CliHarness.RunWith(null, "master");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Single(run.StderrLines);
    }

    private sealed class ThrowingSimulate : CollisionModel.Cli.Commands.ISimulateRunner
    {
        public CollisionModel.Cli.Commands.SimulateResult Run(CollisionModel.Cli.Commands.SimulateOptions options, IProgress<double> progress) =>
            throw new CollisionModel.Validation.ParameterOutOfRangeException("η δt = 3 > 2: cos θ = 1 − η δt leaves [−1, 1]; use more --steps.", "eta");
    }
}
