using System.Text;
using System.Text.RegularExpressions;
using CollisionModel.Cli.Parsing;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// Reads every <c>points-*.jsonl</c> of a sweep folder and returns one line per point, sorted by point number. Refuses
/// (<see cref="CliInputException"/>, naming them) points computed twice, points missing, and lines whose parameters
/// are not those <c>spec.json</c> gives the point (a shard run with another spec).
/// </summary>
public static partial class SweepMerger
{
    /// <summary>Point numbers shown in a message before "…".</summary>
    public const int ShownInMessages = 8;

    [GeneratedRegex(@"^points-(\d+)-of-(\d+)\.jsonl$")]
    private static partial Regex ShardFileName();

    /// <summary>
    /// The sorted lines of a complete sweep in <paramref name="folder"/>; <paramref name="root"/> is the command tree
    /// the points ran with (it gives the defaults recorded in their parameters).
    /// </summary>
    public static IReadOnlyList<PointLine> Merge(string folder, System.CommandLine.RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(folder)) throw new CliInputException($"merge: folder '{folder}' does not exist.");
        var spec = SweepFolder.ReadSpec(folder).Validate(root);
        var files = Directory.GetFiles(folder, "points-*.jsonl")
            .Where(f => ShardFileName().IsMatch(Path.GetFileName(f)))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new CliInputException($"merge: no points-I-of-N.jsonl files in '{folder}'; run 'collision sweep' first.");

        var byPoint = new Dictionary<long, (PointLine Line, string File)>();
        var duplicates = new List<(long Point, string Text)>();
        var foreign = new List<string>();
        var torn = new List<string>();
        foreach (string path in files)
        {
            string name = Path.GetFileName(path);
            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (IOException e)
            {
                throw new CliInputException($"merge: cannot read {name} ({e.Message.Split('\n')[0]}); is its shard still running?");
            }
            var lines = text.Split('\n');
            for (int k = 0; k < lines.Length; k++)
            {
                bool last = k == lines.Length - 1;
                if (last && lines[k].Length == 0) break;
                var line = PointLine.TryParse(lines[k]);
                if (line is null)
                {
                    if (last || k == lines.Length - 2 && lines[^1].Length == 0) { torn.Add(name); break; }
                    throw new CliInputException($"merge: {name} line {k + 1} is not a point record.");
                }
                if (line.Point >= spec.PointCount || line.ParametersText != spec.PointAt(line.Point).ParametersText())
                {
                    foreign.Add($"{name}:{line.Point}");
                    continue;
                }
                if (byPoint.TryGetValue(line.Point, out var first)) duplicates.Add((line.Point, $"{line.Point} ({first.File}, {name})"));
                else byPoint[line.Point] = (line, name);
            }
        }

        var missing = new List<long>();
        for (long p = 0; p < spec.PointCount && missing.Count <= ShownInMessages; p++)
            if (!byPoint.ContainsKey(p)) missing.Add(p);
        long missingCount = spec.PointCount - byPoint.Count;
        var problems = new List<string>();
        if (foreign.Count > 0)
            problems.Add($"{foreign.Count} line(s) computed with a spec that differs from spec.json: {Shown(foreign)}.");
        if (duplicates.Count > 0) problems.Add($"{duplicates.Count} point(s) computed twice: {Shown(duplicates.OrderBy(d => d.Point).Select(d => d.Text).ToList())}.");
        if (missingCount > 0)
            problems.Add($"{missingCount} of {spec.PointCount} point(s) missing: {Shown(missing.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), missingCount)}" +
                (torn.Count > 0 ? $" (torn last line in {string.Join(", ", torn)})" : "") + "; rerun their shards.");
        if (problems.Count > 0) throw new CliInputException("merge refused: " + string.Join("\n", problems));
        return byPoint.OrderBy(kv => kv.Key).Select(kv => kv.Value.Line).ToList();
    }

    /// <summary>The merged lines as JSON Lines text (each line as stored, newline-terminated).</summary>
    public static string ToJsonl(IReadOnlyList<PointLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line.Text).Append('\n');
        return text.ToString();
    }

    private static string Shown(IReadOnlyList<string> items, long? total = null) =>
        string.Join(", ", items.Take(ShownInMessages)) + ((total ?? items.Count) > ShownInMessages ? ", …" : "");
}
