using System.Text.RegularExpressions;

namespace CollisionModel.Tests.Docs;

/// <summary>
/// The repository stands alone: nothing in it points at files outside it, every relative link in the Markdown docs
/// resolves, and docs/cli.md documents every option the tool accepts.
/// </summary>
public partial class SelfContainedTests
{
    private static readonly string Root = TrackedFiles.Root;

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".md", ".csproj", ".props", ".targets", ".sln", ".json", ".jsonl", ".py", ".sh", ".c", ".txt", ".tsv", ".csv",
        ".yml", ".yaml", ".editorconfig", ".gitignore", "",
    };

    // Tracked files only: an untracked note in the clone or a sweep writing its output there is the user's business.
    private static IEnumerable<string> RepoTextFiles() =>
        TrackedFiles.All.Where(file => TextExtensions.Contains(Path.GetExtension(file)) && new FileInfo(file).Length < 4_000_000);

    [Fact]
    public void NoFileRefersToTheSharedFolderOutsideTheRepository()
    {
        // Built from pieces so this file does not match itself.
        string[] outside = ["shared" + "/", "physics" + ".md", "cli-" + "contract"];
        var hits = new List<string>();
        foreach (string file in RepoTextFiles())
        {
            string text = File.ReadAllText(file);
            foreach (string needle in outside)
                if (text.Contains(needle, StringComparison.Ordinal)) hits.Add($"{Path.GetRelativePath(Root, file)}: {needle}");
        }
        Assert.True(hits.Count == 0, "references outside the repository:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void EveryRelativeLinkInTheMarkdownDocsResolves()
    {
        string docs = Path.Combine(Root, "docs") + Path.DirectorySeparatorChar;
        var files = TrackedFiles.All.Where(f => f == Path.Combine(Root, "README.md")
            || (f.StartsWith(docs, StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.Ordinal) && !f[docs.Length..].Contains(Path.DirectorySeparatorChar)));
        var broken = new List<string>();
        foreach (string file in files)
            foreach (Match m in MarkdownLink().Matches(File.ReadAllText(file)))
            {
                string target = m.Groups[1].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal)) continue;
                string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                if (!File.Exists(path) && !Directory.Exists(path)) broken.Add($"{Path.GetRelativePath(Root, file)} → {target}");
            }
        Assert.True(broken.Count == 0, "dangling links:\n" + string.Join("\n", broken));
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("master")]
    [InlineData("converge")]
    [InlineData("ree")]
    [InlineData("paper")]
    [InlineData("conjecture")]
    [InlineData("sweep")]
    [InlineData("merge")]
    [InlineData("counting")]
    [InlineData("trajectories")]
    public void DocsCliDescribesEveryOptionOfEveryCommand(string command)
    {
        string docs = File.ReadAllText(Path.Combine(Root, "docs", "cli.md"));
        Assert.Contains($"`collision {command}`", docs, StringComparison.Ordinal);
        string help = Cli.CliHarness.Run(command, "--help").Stdout;
        var options = OptionName().Matches(help).Select(m => m.Value).Distinct().Where(o => o != "--help").ToList();
        // merge has two options (--output, --format); fewer would mean the help's layout changed under the pattern.
        Assert.True(options.Count >= 2, $"found only {options.Count} options in the help of {command}");
        foreach (string option in options)
            // `--x` in prose; <code>--x a\|b</code> in a table cell whose choices hold a pipe (DocsTableTests says why).
            Assert.True(docs.Contains($"`{option}", StringComparison.Ordinal) || docs.Contains($" {option}", StringComparison.Ordinal)
                || docs.Contains($"<code>{option}", StringComparison.Ordinal),
                $"docs/cli.md does not mention {command} {option}");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<=^\s*|, )--[a-z][a-z-]*", RegexOptions.Multiline)]
    private static partial Regex OptionName();
}
