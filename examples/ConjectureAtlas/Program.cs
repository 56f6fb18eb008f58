// The conjecture atlas: reads the merged result of a `collision conjecture` sweep (JSON lines, one generator per line)
// and draws (1) the fraction of generators violating |σ_E| ≤ σ against E_R of their Gibbs state, (2) the cutoff-free
// coefficient c of |σ_E|/σ ≈ c/ε against E_R. Prints a Markdown table of the same bins. See docs/conjecture-atlas.md.
//
//   dotnet run --project examples/ConjectureAtlas -- atlas.jsonl docs/
//
// Without arguments it reads sample.jsonl beside this file (the first 200 generators of the 10⁴ atlas) and writes the
// plots into a temporary folder, so it runs as it is.
using System.Globalization;
using System.Text.Json.Nodes;
using CollisionModel.Plotting;
using ScottPlot;

if (args.Length is not (0 or 2))
{
    Console.Error.WriteLine("usage: ConjectureAtlas [MERGED.jsonl OUTPUT_FOLDER]");
    return 2;
}
if (args.Length == 0)
{
    string output = Path.Combine(Path.GetTempPath(), "conjecture-atlas-sample");
    args = [Path.Combine(AppContext.BaseDirectory, "sample.jsonl"), output];
    Console.WriteLine($"(no arguments: the 200-generator sample; plots go to {output})");
}
var samples = new List<(double Ree, double C, bool ViolatesSampled)>();
int errors = 0;
foreach (string line in File.ReadLines(args[0]))
{
    if (line.Length == 0) continue;
    var node = JsonNode.Parse(line)!;
    if (node["result"] is not JsonObject r) { errors++; continue; }
    samples.Add((r["E_R_gibbs"]!.GetValue<double>(), r["c"]!.GetValue<double>(), r["violates"]!.GetValue<bool>()));
}
string F(double x, string format = "G3") => x.ToString(format, CultureInfo.InvariantCulture);

// Bins: E_R = 0 (separable Gibbs state), then half-decades of E_R from 1e-6 to 1 nat.
var separable = samples.Where(s => s.Ree == 0).ToList();
var entangled = samples.Where(s => s.Ree > 0).ToList();
var edges = Enumerable.Range(0, 13).Select(k => Math.Pow(10, -6 + 0.5 * k)).ToArray();
Console.WriteLine($"{samples.Count} generators ({errors} errors): {separable.Count} with a separable Gibbs state, {entangled.Count} entangled.");
Console.WriteLine();
Console.WriteLine("| E_R of the Gibbs state (nats) | generators | violating at the sampled times (ε ≥ 1e-4) | c > 0 (violating as ε → 0) | median c |");
Console.WriteLine("|---|---|---|---|---|");
string Row(string label, List<(double Ree, double C, bool ViolatesSampled)> bin) => bin.Count == 0 ? "" :
    $"| {label} | {bin.Count} | {F((double)bin.Count(s => s.ViolatesSampled) / bin.Count, "F3")} | {F((double)bin.Count(s => s.C > 0) / bin.Count, "F3")} | {F(Median(bin.Select(s => s.C)))} |";
Console.WriteLine(Row("0 (separable)", separable));
var below = entangled.Where(s => s.Ree < edges[0]).ToList();
if (below.Count > 0) Console.WriteLine(Row($"(0, {F(edges[0])})", below));
var centres = new List<double>();
var sampledFraction = new List<double>();
var limitFraction = new List<double>();
for (int k = 0; k + 1 < edges.Length; k++)
{
    var bin = entangled.Where(s => s.Ree >= edges[k] && s.Ree < edges[k + 1]).ToList();
    if (bin.Count == 0) continue;
    Console.WriteLine(Row($"[{F(edges[k])}, {F(edges[k + 1])})", bin));
    centres.Add(Math.Sqrt(edges[k] * edges[k + 1]));
    sampledFraction.Add((double)bin.Count(s => s.ViolatesSampled) / bin.Count);
    limitFraction.Add((double)bin.Count(s => s.C > 0) / bin.Count);
}

Directory.CreateDirectory(args[1]);
using (var plot = new Plot())
{
    var x = centres.Select(Math.Log10).ToArray();
    var sampled = plot.Add.ScatterLine(x, sampledFraction.ToArray());
    sampled.LegendText = "violates at the sampled times (ε ≥ 1e-4)";
    sampled.LineWidth = 2;
    sampled.MarkerSize = 7;
    var limit = plot.Add.ScatterLine(x, limitFraction.ToArray());
    limit.LegendText = "c > 0: violates as ε → 0";
    limit.LineWidth = 2;
    limit.MarkerSize = 7;
    limit.LinePattern = LinePattern.Dashed;
    double separableFraction = separable.Count == 0 ? 0 : (double)separable.Count(s => s.ViolatesSampled) / separable.Count;
    plot.Add.HorizontalLine(separableFraction, 1, Colors.Gray, LinePattern.Dotted).LegendText =
        $"separable Gibbs state (E_R = 0): {F(separableFraction, "F3")}";
    plot.RichTitle($"Violations of |σ_E| ≤ σ over {samples.Count} random detailed-balance generators");
    plot.RichXLabel("E_R of the Gibbs state (nats, log₁₀ bins of half a decade)");
    plot.RichYLabel("fraction of generators violating");
    plot.Axes.SetLimitsY(-0.05, 1.05);
    plot.Axes.Bottom.TickGenerator = LogTicks();
    plot.ShowRichLegend(Alignment.MiddleRight);
    plot.Font.Automatic();
    plot.SavePng(Path.Combine(args[1], "conjecture-atlas-violations.png"), 900, 560);
}
using (var plot = new Plot())
{
    var positive = entangled.Where(s => s.C > 0).ToList();
    var points = plot.Add.ScatterPoints(positive.Select(s => Math.Log10(s.Ree)).ToArray(), positive.Select(s => Math.Log10(s.C)).ToArray());
    points.MarkerSize = 3;
    points.LegendText = $"{positive.Count} generators with an entangled Gibbs state";
    plot.RichTitle("Cutoff-free coefficient c of |σ_E|/σ ≈ c/ε near equilibrium");
    plot.RichXLabel("E_R of the Gibbs state (nats)");
    plot.RichYLabel("c (dimensionless; ratio > 1 once ε < c)");
    plot.Axes.Bottom.TickGenerator = LogTicks();
    plot.Axes.Left.TickGenerator = LogTicks();
    plot.ShowRichLegend(Alignment.UpperLeft);
    plot.Font.Automatic();
    plot.SavePng(Path.Combine(args[1], "conjecture-atlas-c.png"), 900, 560);
}
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}

static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
{
    MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
    IntegerTicksOnly = true,
    LabelFormatter = k => "1e" + Math.Round(k).ToString(CultureInfo.InvariantCulture),
};
