namespace CollisionModel.Tests.Cli;

public class HelpAndVersionTests
{
    [Theory]
    [InlineData("simulate")]
    [InlineData("master")]
    [InlineData("converge")]
    [InlineData("ree")]
    [InlineData("paper")]
    public void EveryCommandHasHelpThatExitsZero(string command)
    {
        var run = CliHarness.Run(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($" {command} [options]", run.Stdout);
        Assert.Contains("--format", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void RootHelpListsEveryCommand()
    {
        var run = CliHarness.Run("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string c in new[] { "simulate", "master", "converge", "ree", "paper" }) Assert.Contains(c, run.Stdout);
    }

    [Fact]
    public void VersionPrintsTheAssemblyVersion()
    {
        var run = CliHarness.Run("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Stdout.Trim());
    }

    [Fact]
    public void HelpShowsContractDefaultsAsWords()
    {
        var run = CliHarness.Run("simulate", "--help");
        Assert.Contains("[default: dephasing]", run.Stdout);
        Assert.Contains("[default: streaming]", run.Stdout);
        Assert.Contains("[default: 0.7071067811865476]", run.Stdout);
        Assert.Contains("[default: 100]", run.Stdout);
    }
}
