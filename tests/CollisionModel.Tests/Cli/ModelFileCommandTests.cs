using System.Text.Json;
using CollisionModel.Cli.Output;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Cli;

/// <summary>
/// <c>simulate --model-file</c> and <c>converge --model-file</c> through App.Run: bad files and bad combinations are
/// refused before any work (exit 2, the key named, nothing on stdout, no file written).
/// </summary>
public class ModelFileCommandTests
{
    public static TheoryData<string, string> MalformedByCommand()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ModelFileCases.Malformed())
        {
            data.Add("simulate", c.Name);
            data.Add("converge", c.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedByCommand))]
    public void A_malformed_model_file_exits_2_naming_the_key_with_nothing_written(string command, string name)
    {
        var c = ModelFileCases.Malformed().Single(x => x.Name == name);
        string folder = CliHarness.TempFolder();
        string file = Path.Combine(folder, "model.json");
        string output = Path.Combine(folder, "out.json");
        File.WriteAllText(file, c.Text);
        var run = CliHarness.Run(command, "--model-file", file, "--format", "json", "--output", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--model-file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(c.KeyPath, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(c.Problem, run.Stderr, StringComparison.Ordinal);
        Assert.True(run.StderrLines.Length <= 3, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    public static TheoryData<string[], string> PresetOptionsWithAModelFile => new()
    {
        { ["simulate", "--model", "decay"], "--model" },
        { ["simulate", "--a", "0.6"], "--a" },
        { ["simulate", "--eta", "2", "--omega", "1"], "--eta, --omega" },
        { ["simulate", "--environment", "mixed"], "--environment" },
        { ["simulate", "--angle", "exact"], "--angle" },
        { ["converge", "--gamma", "1"], "--gamma" },
        { ["converge", "--model", "dephasing", "--kappa", "0"], "--model, --kappa" },
    };

    [Theory]
    [MemberData(nameof(PresetOptionsWithAModelFile))]
    public void Preset_options_beside_a_model_file_exit_2_naming_them(string[] args, string named)
    {
        string folder = CliHarness.TempFolder();
        string file = Path.Combine(folder, "model.json");
        File.WriteAllText(file, ModelFileCases.Base);
        var run = CliHarness.Run([.. args, "--model-file", file, "--format", "json"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--model-file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_exits_2_naming_it()
    {
        var run = CliHarness.Run("simulate", "--model-file", "/nonexistent/folder/model.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--model-file: file '/nonexistent/folder/model.json' does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void More_steps_than_simulate_can_take_one_by_one_exit_2_naming_steps()
    {
        string file = Path.Combine(CliHarness.TempFolder(), "model.json");
        File.WriteAllText(file, ModelFileCases.Base);
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--model-file", file, "--steps", "3000000000");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--steps", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", run.Stderr, StringComparison.Ordinal);
    }

    private sealed class RefusingRunner : CollisionModel.Cli.Commands.IModelFileRunner
    {
        public CollisionModel.Cli.Commands.SimulateResult Simulate(CollisionModel.Cli.Commands.ModelSimulateOptions options, IProgress<double> progress) =>
            throw new CollisionModel.Validation.ParameterOutOfRangeException("The engine cannot run this model.", "protocol");

        public CollisionModel.Cli.Commands.ConvergeResult Converge(CollisionModel.Cli.Commands.ModelConvergeOptions options, IProgress<double> progress) =>
            throw new NotSupportedException();

        public CollisionModel.Cli.Commands.ModelMasterResult Master(CollisionModel.Cli.Commands.ModelMasterOptions options, IProgress<double> progress) =>
            throw new NotSupportedException();
    }

    [Fact]
    public void A_library_refusal_reaches_stderr_without_the_CSharp_parameter_name()
    {
        string file = Path.Combine(CliHarness.TempFolder(), "model.json");
        File.WriteAllText(file, ModelFileCases.Base);
        var run = CliHarness.RunWith(new CollisionModel.Cli.CliServices(ModelFile: new RefusingRunner()), "simulate", "--model-file", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("collision: error: The engine cannot run this model.\n", run.Stderr);
    }

    [Fact]
    public void Simulate_help_points_to_the_model_file_format()
    {
        var run = CliHarness.Run("simulate", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--model-file", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("docs/model-files.md", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_handle_a_64_dimensional_rho_AB_and_tables_summarise_it()
    {
        // ρ = 1/64 on a 4⊗4⊗4 system: JSON carries all 64×64 entries, the table one summary line (diagonal 1/64 = 0.015625).
        var rho = DensityMatrix.MaximallyMixed(new CompositeSpace(4, 4, 4));
        var document = new ResultDocument("simulate", "conventions", ResultRecord.Of(), [ResultRecord.Of(("step", 0L), ("rho_AB", rho))], ResultRecord.Of());
        var json = new StringWriter();
        new JsonResultWriter().Write(document, json);
        var matrix = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("records")[0].GetProperty("rho_AB");
        Assert.Equal(64, matrix.GetArrayLength());
        Assert.Equal(64, matrix[63].GetArrayLength());
        Assert.Equal(1.0 / 64, matrix[63][63][0].GetDouble());
        var table = new StringWriter();
        new TableResultWriter().Write(document, table);
        string text = table.ToString();
        Assert.Contains("rho_AB = 64×64 matrix; diagonal 0.015625, 0.015625", text, StringComparison.Ordinal);
        Assert.Contains("largest off-diagonal |entry| 0", text, StringComparison.Ordinal);
        Assert.True(text.Split('\n').Length < 20, text);
    }
}
