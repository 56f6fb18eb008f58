using System.Text.Json;
using System.Text.RegularExpressions;
using CollisionModel.Models;
using CollisionModel.Tests.Cli;

namespace CollisionModel.Tests.Docs;

public class ModelFilesDocTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollisionModel.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine([dir!.FullName, .. parts]);
    }

    private static List<string> JsonBlocks() =>
        Regex.Matches(File.ReadAllText(RepoFile("docs", "model-files.md")), "```json\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void Every_example_in_the_model_file_guide_reads()
    {
        var blocks = JsonBlocks();
        Assert.Equal(7, blocks.Count);
        foreach (string block in blocks) Assert.NotNull(ModelFile.Parse(block));
    }

    [Fact]
    public void The_guide_and_the_TwoBaths_example_show_the_same_two_bath_file()
    {
        static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
        string example = Canonical(File.ReadAllText(RepoFile("examples", "TwoBaths", "two-baths.json")));
        Assert.Contains(example, JsonBlocks().Select(Canonical));
    }

    [Fact]
    public void The_guide_and_the_CascadedQubits_example_show_the_same_cascade_file()
    {
        static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
        string example = Canonical(File.ReadAllText(RepoFile("examples", "CascadedQubits", "cascade.json")));
        Assert.Contains(example, JsonBlocks().Select(Canonical));
    }

    [Fact]
    public void The_TwoBaths_model_file_runs_through_the_cli()
    {
        var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "simulate", "--model-file", RepoFile("examples", "TwoBaths", "two-baths.json"),
            "--time", "1", "--steps", "20", "--no-ree", "--format", "json", "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(21, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public void Every_example_is_in_the_solution_and_CI_runs_the_examples()
    {
        string solution = File.ReadAllText(RepoFile("CollisionModel.sln"));
        // Every tracked example project (an untracked or deleted example is not part of the repository).
        string examples = RepoFile("examples") + Path.DirectorySeparatorChar;
        foreach (string project in TrackedFiles.All.Where(f => f.StartsWith(examples, StringComparison.Ordinal) && f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            string name = Path.GetFileNameWithoutExtension(project);
            Assert.Contains($"examples\\{name}\\{name}.csproj", solution, StringComparison.Ordinal);
        }
        string ci = File.ReadAllText(RepoFile(".ci", "run"));
        Assert.Contains("for project in examples/*/*.csproj", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet run -c Release --no-build --project \"$project\"", ci, StringComparison.Ordinal);
    }
}
