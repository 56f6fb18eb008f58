namespace CollisionModel.Tests.Docs;

/// <summary>
/// The docs' tables read the same on GitHub and in the API-reference site (docfx). A pipe inside a table cell must be
/// written <c>\|</c> for GitHub, which drops the backslash everywhere in the cell; docfx's Markdown engine drops it
/// only outside code spans, so <c>`a\|b`</c> shows a literal <c>a\|b</c> there. A code font with a pipe is written
/// <c>&lt;code&gt;a\|b&lt;/code&gt;</c> instead: plain text to both engines, so both unescape the pipe.
/// </summary>
public class DocsTableTests
{
    [Fact]
    public void NoTableCellHasAnEscapedPipeInsideACodeSpan()
    {
        var docs = TrackedFiles.All.Where(IsSitePage).ToList();
        Assert.Contains(docs, p => p.EndsWith(Path.Combine("docs", "cli.md"), StringComparison.Ordinal));
        var offending = new List<string>();
        foreach (string path in docs)
        {
            bool fenced = false;
            string[] lines = File.ReadAllLines(path);
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n].TrimStart();
                if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal)) fenced = !fenced;
                if (fenced || !line.StartsWith('|')) continue;
                foreach (string span in CodeSpans(line))
                    if (span.Contains("\\|", StringComparison.Ordinal))
                        offending.Add($"{Path.GetRelativePath(TrackedFiles.Root, path)}:{n + 1}: `{span}`");
            }
        }
        Assert.True(offending.Count == 0, "code spans with \\| in table cells (write <code>a\\|b</code>):\n" + string.Join("\n", offending));
    }

    [Theory]
    [InlineData("| `a\\|b` | x |", "a\\|b")]
    [InlineData("| ``a ` \\| b`` | x |", "a ` \\| b")]
    [InlineData("| <code>a\\|b</code> | `c` |", "c")]
    public void CodeSpansAreFoundAsCommonMarkDelimitsThem(string line, string lastSpan) =>
        Assert.Equal(lastSpan, CodeSpans(line).Last());

    private static bool IsSitePage(string path)
    {
        string relative = Path.GetRelativePath(TrackedFiles.Root, path).Replace('\\', '/');
        return relative.EndsWith(".md", StringComparison.Ordinal)
            && (relative.StartsWith("docs/", StringComparison.Ordinal) || relative.StartsWith("apidocs/", StringComparison.Ordinal));
    }

    /// <summary>The contents of the line's code spans: a run of n backticks up to the next run of exactly n.</summary>
    private static IEnumerable<string> CodeSpans(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] != '`') { i++; continue; }
            int open = Run(line, i);
            int j = i + open, close = -1;
            while (j < line.Length)
            {
                if (line[j] != '`') { j++; continue; }
                int run = Run(line, j);
                if (run == open) { close = j; break; }
                j += run;
            }
            if (close < 0) { i += open; continue; }
            yield return line[(i + open)..close].Trim();
            i = close + open;
        }
    }

    private static int Run(string line, int start)
    {
        int end = start;
        while (end < line.Length && line[end] == '`') end++;
        return end - start;
    }
}
