using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollisionModel.Cli.Parsing;
using CollisionModel.States;

namespace CollisionModel.Cli.Sweeps;

/// <summary>
/// A parsed sweep spec: a command, options shared by every point (<c>fixed</c>), a cartesian <c>grid</c> (last key
/// varying fastest), <c>random</c> draws after the grid (uniform or log-uniform per option; draw k of point p is a
/// function of the seed and p alone, via <see cref="SeedMixer"/>), and the top-level result fields to <c>keep</c>.
/// Points: the grid's product (1 when there is neither grid nor random, 0 when only random is given), then
/// <c>random.count</c> draws.
/// </summary>
public sealed class SweepSpec
{
    /// <summary>Options the sweep sets itself (output format, progress) or that do not run anything.</summary>
    public static IReadOnlySet<string> ReservedOptions { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "format", "output", "quiet", "help", "version", "h" };

    /// <summary>The largest number of points a spec may describe.</summary>
    public const long MaxPoints = 1L << 40;

    private SweepSpec(string command, IReadOnlyList<SweepParameter> fixedOptions, IReadOnlyList<(string Name, JsonNode[] Values)> grid,
        long randomCount, ulong seed, IReadOnlyList<SweepRange> ranges, IReadOnlyList<string>? keep, string canonical, long gridPoints)
    {
        Command = command;
        Fixed = fixedOptions;
        Grid = grid;
        RandomCount = randomCount;
        Seed = seed;
        Ranges = ranges;
        Keep = keep;
        CanonicalText = canonical;
        GridPoints = gridPoints;
    }

    /// <summary>The command every point runs.</summary>
    public string Command { get; }

    /// <summary>Options shared by every point.</summary>
    public IReadOnlyList<SweepParameter> Fixed { get; }

    /// <summary>Grid axes in spec order, each with at least one value.</summary>
    public IReadOnlyList<(string Name, JsonNode[] Values)> Grid { get; }

    /// <summary>Random draws after the grid.</summary>
    public long RandomCount { get; }

    /// <summary>Seed of the random draws.</summary>
    public ulong Seed { get; }

    /// <summary>Random axes: the uniform ones in spec order, then the log-uniform ones.</summary>
    public IReadOnlyList<SweepRange> Ranges { get; }

    /// <summary>Top-level result fields kept, or null for the whole document.</summary>
    public IReadOnlyList<string>? Keep { get; }

    /// <summary>The spec as indented JSON without comments: what spec.json holds and what "the same spec" means.</summary>
    public string CanonicalText { get; }

    /// <summary>Points of the grid part.</summary>
    public long GridPoints { get; }

    /// <summary>P, the number of points.</summary>
    public long PointCount => GridPoints + RandomCount;

    /// <summary>Point <paramref name="p"/> (0 ≤ p &lt; P).</summary>
    public SweepPoint PointAt(long p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, PointCount);
        var parameters = new List<SweepParameter>(Fixed);
        if (p < GridPoints)
        {
            long rest = p;
            var chosen = new JsonNode[Grid.Count];
            for (int a = Grid.Count - 1; a >= 0; a--)
            {
                int n = Grid[a].Values.Length;
                chosen[a] = Grid[a].Values[(int)(rest % n)];
                rest /= n;
            }
            for (int a = 0; a < Grid.Count; a++) parameters.Add(new SweepParameter(Grid[a].Name, chosen[a].DeepClone()));
            AddDefaults(parameters, Ranges.Select(r => r.Name));
        }
        else
        {
            AddDefaults(parameters, Grid.Select(g => g.Name));
            for (int k = 0; k < Ranges.Count; k++)
            {
                double x = Ranges[k].At(SeedMixer.Uniform(Seed, (ulong)p, (ulong)k));
                parameters.Add(new SweepParameter(Ranges[k].Name, JsonValue.Create(x)));
            }
        }
        return new SweepPoint(p, parameters);
    }

    /// <summary>
    /// The command's default value of each option some point varies (grid or random), for the points that leave it
    /// unset; filled by <see cref="Validate"/> from the command tree, empty before.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode> Defaults { get; private init; } = new Dictionary<string, JsonNode>();

    private void AddDefaults(List<SweepParameter> parameters, IEnumerable<string> names)
    {
        foreach (string name in names)
            if (Defaults.TryGetValue(name, out var value) && parameters.All(q => q.Name != name))
                parameters.Add(new SweepParameter(name, value.DeepClone(), IsDefault: true));
    }

    /// <summary>Reads and checks a spec; <see cref="CliInputException"/> names the key and the problem.</summary>
    public static SweepSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var node = SweepJson.TryParse(text, out string? error);
        if (node is not JsonObject root) throw Bad(error is null ? "the spec must be a JSON object." : $"not valid JSON: {error}");
        CheckKeys(root, "spec", "command", "fixed", "grid", "random", "keep");

        if (root["command"] is not JsonValue commandNode || commandNode.GetValueKind() != JsonValueKind.String)
            throw Bad("\"command\" must name a command, e.g. \"master\".");
        string command = commandNode.GetValue<string>();

        var names = new HashSet<string>(StringComparer.Ordinal);
        void Claim(string name, string where)
        {
            if (name.Length == 0 || name.StartsWith('-')) throw Bad($"{where}: option names are written without dashes, got '{name}'.");
            if (!names.Add(name)) throw Bad($"{where}: option '{name}' is set more than once.");
        }

        var fixedOptions = new List<SweepParameter>();
        foreach (var (name, value) in Object(root, "fixed"))
        {
            Claim(name, "fixed");
            if (!SweepParameter.IsScalar(value)) throw Bad($"fixed.{name}: must be a number, string or true/false.");
            fixedOptions.Add(new SweepParameter(name, value!.DeepClone()));
        }

        var grid = new List<(string, JsonNode[])>();
        long gridPoints = 1;
        foreach (var (name, value) in Object(root, "grid"))
        {
            Claim(name, "grid");
            if (value is not JsonArray values) throw Bad($"grid.{name}: must be a list of values.");
            if (values.Count == 0) throw Bad($"grid.{name}: the axis is empty (give at least one value).");
            if (values.Any(v => !SweepParameter.IsScalar(v))) throw Bad($"grid.{name}: every value must be a number, string or true/false.");
            grid.Add((name, values.Select(v => v!.DeepClone()).ToArray()));
            gridPoints = checked(gridPoints * values.Count);
            if (gridPoints > MaxPoints) throw Bad($"grid: more than {MaxPoints} points.");
        }

        long count = 0;
        ulong seed = 0;
        var ranges = new List<SweepRange>();
        if (root["random"] is { } randomNode)
        {
            if (randomNode is not JsonObject random) throw Bad("random: must be an object with count, seed, uniform, log_uniform.");
            CheckKeys(random, "random", "count", "seed", "uniform", "log_uniform");
            count = Integer(random["count"], "random.count", required: true);
            if (random["seed"] is null)
                throw Bad("random: needs a \"seed\" (an integer ≥ 0): draws without a seed could not be reproduced or resumed.");
            seed = (ulong)Integer(random["seed"], "random.seed", required: true);
            foreach (bool log in new[] { false, true })
            {
                string key = log ? "log_uniform" : "uniform";
                foreach (var (name, value) in Object(random, key))
                {
                    Claim(name, $"random.{key}");
                    ranges.Add(Range(name, value, log, $"random.{key}.{name}"));
                }
            }
            if (ranges.Count == 0) throw Bad("random: give at least one axis under \"uniform\" or \"log_uniform\".");
        }
        if (grid.Count == 0) gridPoints = root["random"] is null ? 1 : 0;
        if (gridPoints + count > MaxPoints) throw Bad($"the spec describes more than {MaxPoints} points.");

        List<string>? keep = null;
        if (root["keep"] is { } keepNode)
        {
            if (keepNode is not JsonArray keepList || keepList.Count == 0 ||
                keepList.Any(k => k is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
                throw Bad("keep: must be a non-empty list of field names.");
            keep = keepList.Select(k => k!.GetValue<string>()).ToList();
            if (keep.Distinct(StringComparer.Ordinal).Count() != keep.Count) throw Bad("keep: a field is listed twice.");
        }

        string canonical = SweepJson.Write(json => root.WriteTo(json), indented: true) + "\n";
        return new SweepSpec(command, fixedOptions, grid, count, seed, ranges, keep, canonical, gridPoints);
    }

    /// <summary>
    /// Checks the command and every option name against the tool's own command tree (before anything runs):
    /// unknown command, an option the command does not have, or one the sweep sets itself. Returns the spec with
    /// <see cref="Defaults"/> read from the command's options (numbers, text and switches; an option whose default is
    /// not such a value, e.g. a choice of words, is recorded only where a point sets it).
    /// </summary>
    public SweepSpec Validate(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var target = root.Subcommands.FirstOrDefault(c => c.Name == Command);
        if (target is null || Command is "sweep" or "merge")
        {
            var known = root.Subcommands.Select(c => c.Name).Where(n => n is not ("sweep" or "merge"));
            throw Bad($"\"command\": unknown command '{Command}' (one of: {string.Join(", ", known)}).");
        }
        var optionNames = target.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (string name in Fixed.Select(p => p.Name).Concat(Grid.Select(g => g.Name)).Concat(Ranges.Select(r => r.Name)))
        {
            if (ReservedOptions.Contains(name)) throw Bad($"option '{name}' is set by the sweep itself; remove it from the spec.");
            if (!optionNames.Contains("--" + name))
                throw Bad($"'{Command}' has no option '{name}' (see 'collision {Command} --help').");
        }
        var defaults = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (string name in Grid.Select(g => g.Name).Concat(Ranges.Select(r => r.Name)))
        {
            var option = target.Options.First(o => o.Name == "--" + name || o.Aliases.Contains("--" + name));
            if (!option.HasDefaultValue || Fixed.Any(f => f.Name == name)) continue;
            JsonNode? value = option.GetDefaultValue() switch
            {
                double x when double.IsFinite(x) => JsonValue.Create(x),
                long n => JsonValue.Create(n),
                int n => JsonValue.Create(n),
                bool b => JsonValue.Create(b),
                string text => JsonValue.Create(text),
                _ => null,
            };
            if (value is not null) defaults[name] = value;
        }
        return new SweepSpec(Command, Fixed, Grid, RandomCount, Seed, Ranges, Keep, CanonicalText, GridPoints) { Defaults = defaults };
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Object(JsonObject parent, string key)
    {
        if (parent[key] is null) yield break;
        if (parent[key] is not JsonObject o) throw Bad($"{key}: must be an object of option → value.");
        foreach (var (name, value) in o) yield return (name, value);
    }

    private static void CheckKeys(JsonObject o, string where, params string[] allowed)
    {
        foreach (var (key, _) in o)
            if (!allowed.Contains(key, StringComparer.Ordinal))
                throw Bad($"{where}: unknown key '{key}' (allowed: {string.Join(", ", allowed)}).");
    }

    private static long Integer(JsonNode? node, string where, bool required)
    {
        if (node is null)
        {
            if (required) throw Bad($"{where}: required.");
            return 0;
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long k) && k >= 0) return k;
        throw Bad($"{where}: must be an integer ≥ 0, got {SweepJson.ToCompact(node)}.");
    }

    private static SweepRange Range(string name, JsonNode? value, bool log, string where)
    {
        if (value is not JsonArray { Count: 2 } pair || pair.Any(x => x is not JsonValue v || v.GetValueKind() != JsonValueKind.Number))
            throw Bad($"{where}: must be [low, high].");
        double lo = pair[0]!.GetValue<double>(), hi = pair[1]!.GetValue<double>();
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo > hi)
            throw Bad($"{where}: needs finite low ≤ high, got [{lo.ToString(CultureInfo.InvariantCulture)}, {hi.ToString(CultureInfo.InvariantCulture)}].");
        if (log && !(lo > 0)) throw Bad($"{where}: a log-uniform range needs low > 0.");
        return new SweepRange(name, lo, hi, log);
    }

    private static CliInputException Bad(string message) => new("--spec: " + message);
}
