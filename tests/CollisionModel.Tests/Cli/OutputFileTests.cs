using System.Text.Json;
using CollisionModel.Cli.Output;

namespace CollisionModel.Tests.Cli;

public class OutputFileTests
{
    [Fact]
    public void OutputGoesToTheFileAndNothingToStdout()
    {
        string folder = CliHarness.TempFolder();
        string target = Path.Combine(folder, "run.json");
        var run = CliHarness.Run("simulate", "--steps", "4", "--format", "json", "--output", target);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(["run.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
        var root = JsonDocument.Parse(File.ReadAllText(target)).RootElement;
        Assert.Equal("simulate", root.GetProperty("command").GetString());
        Assert.Equal(5, root.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public void FileAndStdoutHoldTheSameBytes()
    {
        string target = Path.Combine(CliHarness.TempFolder(), "run.csv");
        var toStdout = CliHarness.Run("converge", "--steps", "3,30", "--format", "csv");
        CliHarness.Run("converge", "--steps", "3,30", "--format", "csv", "--output", target);
        Assert.Equal(toStdout.Stdout, File.ReadAllText(target));
    }

    [Fact]
    public void ANaNRunExitsOneAndLeavesTheExistingFileUntouched()
    {
        string folder = CliHarness.TempFolder();
        string target = Path.Combine(folder, "run.json");
        File.WriteAllText(target, "previous");
        var run = CliHarness.RunWith(CliHarness.PlumbingServices(double.NaN), "simulate", "--format", "json", "--output", target);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("NaN", run.Stderr);
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void ANaNRunWritesNothingToStdout()
    {
        var run = CliHarness.RunWith(CliHarness.PlumbingServices(double.NaN), "simulate", "--format", "table");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.True(run.StderrLines.Length <= 3);
    }

    [Fact]
    public void AtomicWriteFailingMidwayLeavesNoFileAndNoTemporary()
    {
        string folder = CliHarness.TempFolder();
        string target = Path.Combine(folder, "x.txt");
        Assert.Throws<IOException>(() => AtomicFile.Write(target, temp =>
        {
            File.WriteAllText(temp, "half");
            throw new IOException("disk full");
        }));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void AtomicWriteReplacesAnExistingFile()
    {
        string target = Path.Combine(CliHarness.TempFolder(), "x.txt");
        File.WriteAllText(target, "old");
        AtomicFile.WriteAllText(target, "new");
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public void SameCommandGivesBitIdenticalJson()
    {
        var a = CliHarness.Run("master", "--points", "7", "--format", "json");
        var b = CliHarness.Run("master", "--points", "7", "--format", "json");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Stdout, b.Stdout);
    }
}
