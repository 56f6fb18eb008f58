namespace CollisionModel.Tests.Docs;

public class ReadmeTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollisionModel.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine([dir!.FullName, .. parts]);
    }

    [Fact]
    public void TheReadmeLibrarySampleIsTheCompiledQuickStartExample()
    {
        // The solution builds examples/QuickStart, so the README's sample compiles as long as it is that file verbatim.
        string example = File.ReadAllText(RepoFile("examples", "QuickStart", "Program.cs")).Split("\n// Output:")[0].Trim();
        string readme = File.ReadAllText(RepoFile("README.md"));
        Assert.Contains(example, readme);
    }

    [Fact]
    public void TheCiScriptRunsTheReadmeTestCommand()
    {
        string readme = File.ReadAllText(RepoFile("README.md"));
        string ci = File.ReadAllText(RepoFile(".ci", "run"));
        Assert.Contains("dotnet test -c Release", readme);
        Assert.Contains("\ndotnet test -c Release ", ci);
    }

    [Fact]
    public void TheCiScriptBuildsTheApiReferenceByTheReadmeCommandWithAPinnedDocfx()
    {
        const string command = "dotnet tool restore && dotnet docfx apidocs/docfx.json --warningsAsErrors";
        Assert.Contains(command, File.ReadAllText(RepoFile("README.md")));
        Assert.Contains(command, File.ReadAllText(RepoFile("docs", "design.md")));
        Assert.Contains("{ dotnet tool restore && dotnet docfx apidocs/docfx.json --warningsAsErrors; }", File.ReadAllText(RepoFile(".ci", "run")));
        // A pinned version: "2.81.0", never a floating range.
        Assert.Matches("\"docfx\": \\{\\s*\"version\": \"\\d+\\.\\d+\\.\\d+\"", File.ReadAllText(RepoFile(".config", "dotnet-tools.json")));
    }
}
