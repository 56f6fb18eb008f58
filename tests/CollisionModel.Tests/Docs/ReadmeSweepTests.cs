using System.Text.Json;
using CollisionModel.Tests.Cli;

namespace CollisionModel.Tests.Docs;

/// <summary>
/// The README's sweep example, run as written (its spec heredoc and its two commands, in a temporary folder), must
/// give a reader values: every kept field of every point non-null, and no blank parameter cell in the merged table.
/// </summary>
public class ReadmeSweepTests
{
    private static (string Spec, string[] Commands) ReadmeSweep()
    {
        string readme = File.ReadAllText(Path.Combine(TrackedFiles.Root, "README.md"));
        const string open = "cat > spec.json <<'SPEC'\n";
        int start = readme.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "README: no sweep spec heredoc");
        start += open.Length;
        int end = readme.IndexOf("\nSPEC\n", start, StringComparison.Ordinal);
        string spec = readme[start..end];
        int fence = readme.IndexOf("```", end, StringComparison.Ordinal);
        var commands = readme[(end + "\nSPEC\n".Length)..fence].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('#')[0].Trim()).Where(line => line.StartsWith("collision ", StringComparison.Ordinal)).ToArray();
        return (spec, commands);
    }

    [Fact]
    public void The_readme_sweep_as_written_gives_a_value_for_every_kept_field_and_parameter()
    {
        var (spec, commands) = ReadmeSweep();
        Assert.Equal(["collision sweep --spec spec.json --out sweep", "collision merge sweep --format parquet --output sweep.parquet"], commands);
        string folder = CliHarness.TempFolder();
        File.WriteAllText(Path.Combine(folder, "spec.json"), spec);
        string InFolder(string word) => word is "spec.json" or "sweep" or "sweep.parquet" ? Path.Combine(folder, word) : word;
        foreach (string command in commands)
        {
            // "collision <command> <arguments>": the arguments' file names point into the temporary folder.
            var words = command.Split(' ');
            var run = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), [words[1], .. words.Skip(2).Select(InFolder)]);
            Assert.True(run.ExitCode == 0, $"{command}: {run.Stderr}");
        }
        Assert.True(new FileInfo(Path.Combine(folder, "sweep.parquet")).Length > 0);

        var keep = JsonDocument.Parse(spec).RootElement.GetProperty("keep").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var lines = File.ReadAllLines(Path.Combine(folder, "sweep", "points-0-of-1.jsonl"));
        Assert.Equal(104, lines.Length);   // the 2 × 2 grid and 100 random draws
        foreach (string line in lines)
        {
            var point = JsonDocument.Parse(line).RootElement;
            foreach (string field in keep)
                Assert.True(point.GetProperty("result").GetProperty(field).ValueKind == JsonValueKind.Number, $"{field} of {line}");
        }

        // The merged table: every parameter cell filled (the grid points carry the default a, the random points
        // the default gamma and eta), every kept cell a number.
        var csv = CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), "merge", Path.Combine(folder, "sweep"), "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Stderr);
        var rows = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = rows[0].Split(',');
        Assert.Equal(["point", "time", "points", "kappa", "gamma", "eta", "a", .. keep], header);
        foreach (string row in rows.Skip(1))
            Assert.DoesNotContain("", row.Split(','));
    }
}
