namespace CollisionModel.Tests.Cli;

/// <summary>Bad input names the real limit, the file, the key path and the bath — not an internal variable.</summary>
public class InputMessageTests
{
    private const string Coupling = "[[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,{0}]]";

    private static string Model(string hamiltonianEntry, string couplingEntry) =>
        "{\"system\":{\"dims\":[2,2],\"b\":[1],\"ket\":[1,0,0,0],\"hamiltonian\":[[0,0,0,0],[0," + hamiltonianEntry +
        ",0,0],[0,0,1,0],[0,0,0,1]]},\"baths\":[{\"acts_on\":[1],\"ancilla\":{\"dim\":2,\"state\":[[1,0],[0,0]]},\"coupling\":" +
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Coupling, couplingEntry) + ",\"rate\":1}]}";

    private static CliRun RunModel(string json)
    {
        string file = Path.Combine(CliHarness.TempFolder(), "model.json");
        File.WriteAllText(file, json);
        var run = CliHarness.Run("simulate", "--model-file", file, "--steps", "3");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.InRange(run.StderrLines.Length, 1, 3);
        Assert.Contains(file, run.StderrLines[0]);
        return run;
    }

    [Fact]
    public void ZeroStepsNamesTheCapSimulateReallyHas()
    {
        var run = CliHarness.Run("simulate", "--steps", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[1, 2147483647]", run.StderrLines[0]);
    }

    [Fact]
    public void StepsBeyondAnIntAreRefusedByTheSameRange()
    {
        var run = CliHarness.Run("simulate", "--steps", "2147483648");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[1, 2147483647]", run.StderrLines[0]);
    }

    [Fact]
    public void AHugeHamiltonianEntryNamesTheFileAndTheKeyPath()
    {
        var run = RunModel(Model("1e308", "1"));
        Assert.Contains("system.hamiltonian[1][1]", run.StderrLines[0]);
        Assert.Contains("1E+308", run.StderrLines[0]);
    }

    [Fact]
    public void AHugeCouplingEntryNamesTheFileTheBathAndTheKeyPath()
    {
        var run = RunModel(Model("1", "1e308"));
        Assert.Contains("baths[0].coupling[3][3]", run.StderrLines[0]);
    }

    [Fact]
    public void AnEntryBelowTheBoundIsAccepted()
    {
        string file = Path.Combine(CliHarness.TempFolder(), "model.json");
        File.WriteAllText(file, Model("1e3", "1"));
        Assert.Equal(0, CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--model-file", file, "--steps", "3", "--format", "csv").ExitCode);
    }

    [Fact]
    public void AFolderGivenAsModelFileIsCalledAFolder()
    {
        string folder = CliHarness.TempFolder();
        var run = CliHarness.Run("simulate", "--model-file", folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("is a folder", run.StderrLines[0]);
        Assert.DoesNotContain("does not exist", run.Stderr);
    }

    [Fact]
    public void AFolderGivenAsRhoIsCalledAFolder()
    {
        var run = CliHarness.Run("ree", "--rho", CliHarness.TempFolder());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder", run.StderrLines[0]);
    }
}
