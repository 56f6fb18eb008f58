// A qubit between a hot and a cold bath, every outgoing ancilla's energy read: what an experiment that counts the
// quanta sees. Three PNGs (default into docs/): a few conditional trajectories of the excited population over their
// average and the unconditional ρ_11(t); the exact distribution P(n) of the quanta the hot bath gave up after K steps
// over the histogram of the sampled trajectories; the scaled cumulant generating function θ(s) with its mirror image
// θ((β_c − β_h)ω − s), which coincides for the resonant machine (Gallavotti–Cohen) and not for a detuned one.
//   dotnet run -c Release --project examples/MonitoredQubit [-- OUTPUT_DIR [TRAJECTORIES]]
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Plotting;

string outDir = args.Length > 0 ? args[0] : "docs";
int trajectories = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
Directory.CreateDirectory(outDir);
const double dt = 0.05, betaHot = 0.3, betaCold = 1.5;
const int steps = 200;

var machine = Machine(hotLevel: 1.0);
var hot = CountSelection.Single(0);

// 1. Trajectories: N = 1 runs are single trajectories (their "mean" state is the conditional state itself).
var average = MonitoredTrajectories.Run(machine.Protocol, machine.Measurements, machine.InitialState, dt, steps, trajectories, seed: 1);
var engine = new StreamingCollisionEngine(new CollisionRunOptions { Protocol = machine.Protocol, InitialSystem = machine.InitialState, Grid = TimeGrid.OfStep(dt, steps) });
var exact = new List<double> { machine.InitialState.ToMatrix()[1, 1].Real };
for (int n = 0; n < steps; n++)
{
    engine.Advance();
    exact.Add(engine.SystemState().ToMatrix()[1, 1].Real);
}
double[] times = average.Records.Select(r => r.Time).ToArray();
using (var plot = new ScottPlot.Plot())
{
    for (int seed = 1; seed <= 4; seed++)
    {
        var single = MonitoredTrajectories.Run(machine.Protocol, machine.Measurements, machine.InitialState, dt, steps, 1, seed);
        var line = plot.Add.ScatterLine(times, single.Records.Select(r => r.MeanState.ToMatrix()[1, 1].Real).ToArray());
        line.LineWidth = 1;
        line.LegendText = seed == 1 ? "single trajectories" : "";
        line.Color = ScottPlot.Colors.Gray.WithAlpha(0.6);
    }
    var mean = plot.Add.ScatterLine(times, average.Records.Select(r => r.MeanState.ToMatrix()[1, 1].Real).ToArray());
    mean.LineWidth = 3;
    mean.LegendText = $"average of {trajectories} trajectories";
    var reference = plot.Add.ScatterLine(times, exact.ToArray());
    reference.LineWidth = 2;
    reference.LinePattern = ScottPlot.LinePattern.Dashed;
    reference.LegendText = "unconditional ρ_11(t) (streaming engine)";
    plot.RichTitle("Excited population of the monitored qubit");
    plot.RichXLabel("time t");
    plot.RichYLabel("ρ_11");
    plot.ShowRichLegend();
    plot.Font.Automatic();
    Save(plot, "monitored-qubit-trajectories.png");
}

// 2. P(n) after K steps, exactly, over the histogram of the same trajectories' final hot counts.
var distribution = FullCountingStatistics.Compute(machine.Protocol, machine.Measurements, machine.InitialState, dt, steps, hot);
var histogram = average.FinalCounts.GroupBy(c => c[0]).ToDictionary(g => g.Key, g => g.Count() / (double)trajectories);
using (var plot = new ScottPlot.Plot())
{
    var values = distribution.Values.Where(n => distribution.ProbabilityOf(n) > 1e-4).ToArray();
    var bars = plot.Add.Bars(values.Select(n => (double)n).ToArray(), values.Select(n => histogram.GetValueOrDefault(n)).ToArray());
    bars.LegendText = $"histogram of {trajectories} trajectories";
    var line = plot.Add.Scatter(values.Select(n => (double)n).ToArray(), values.Select(distribution.ProbabilityOf).ToArray());
    line.LineWidth = 2;
    line.MarkerSize = 7;
    line.LegendText = "exact P(n) (count-resolved propagation)";
    plot.RichTitle($"Quanta the hot bath gave up after K = {steps} steps (t = {steps * dt})");
    plot.RichXLabel("n");
    plot.RichYLabel("P(n)");
    plot.ShowRichLegend(ScottPlot.Alignment.UpperRight);
    plot.Font.Automatic();
    Save(plot, "monitored-qubit-counting.png");
}
double chi2Worst = 0;
foreach (long n in distribution.Values)
{
    double p = distribution.ProbabilityOf(n);
    if (p < 1e-3) continue;
    chi2Worst = Math.Max(chi2Worst, Math.Abs(histogram.GetValueOrDefault(n) - p) / Math.Sqrt(p * (1 - p) / trajectories));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"hot quanta after K = {steps}: exact mean {distribution.Cumulants[0]:F4}, variance {distribution.Cumulants[1]:F4}; sampled mean {average.Records[^1].CountsMean[0]:F4} ± {average.Records[^1].CountsStandardError[0]:F4}; largest |histogram − P(n)| = {chi2Worst:F2} binomial standard errors"));

// 3. θ(s) per step and its mirror θ(a − s), a = (β_c − β_h)ω: one curve for the resonant machine, two for a detuned one.
double affinity = (betaCold - betaHot) * 1.0;
var s = Enumerable.Range(0, 121).Select(i => -1.0 + (affinity + 2.0) * i / 120).ToArray();
using (var plot = new ScottPlot.Plot())
{
    foreach (var (level, name) in new[] { (1.0, "resonant"), (1.4, "detuned (hot quantum 1.4)") })
    {
        var model = Machine(level);
        var map = CountResolvedMap.ForStep(MonitoredStep.Of(model.Protocol, model.Measurements, 0, dt), hot);
        var theta = ScaledCumulantGeneratingFunction.Theta(map, s);
        var mirror = ScaledCumulantGeneratingFunction.Theta(map, s.Select(x => affinity - x).ToArray());
        double worst = theta.Zip(mirror, (a, b) => Math.Abs(a - b)).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: max |θ(s) − θ({affinity} − s)| over s ∈ [−1, {affinity + 1}] = {worst:E2}"));
        var direct = plot.Add.ScatterLine(s, theta);
        direct.LineWidth = 3;
        direct.LegendText = $"θ(s), {name}";
        var reflected = plot.Add.ScatterLine(s, mirror);
        reflected.LineWidth = 2;
        reflected.LinePattern = ScottPlot.LinePattern.Dashed;
        reflected.LegendText = $"θ({affinity.ToString(CultureInfo.InvariantCulture)} − s), {name}";
    }
    plot.RichTitle("Scaled cumulant generating function of the hot quanta (per step)");
    plot.RichXLabel("s");
    plot.RichYLabel("θ(s)");
    plot.ShowRichLegend(ScottPlot.Alignment.UpperCenter);
    plot.Font.Automatic();
    Save(plot, "monitored-qubit-scgf.png");
}

void Save(ScottPlot.Plot plot, string name)
{
    string path = Path.Combine(outDir, name);
    plot.SavePng(path, 900, 560);
    Console.WriteLine($"wrote {path}");
}

// The machine as a model file: H_S = |1⟩⟨1|, a hot (β = 0.3) and a cold (β = 1.5) bath of qubits, partial swaps at
// rate 1, both energy-measured; the hot ancilla's level at hotLevel (1: resonant).
static ModelDefinition Machine(double hotLevel) => ModelFile.Parse(string.Create(CultureInfo.InvariantCulture, $$"""
    {
      "system": { "dims": [2], "b": [0], "state": [[0.6, 0], [0, 0.4]], "hamiltonian": [[0, 0], [0, 1]] },
      "baths": [
        { "name": "hot", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, {{hotLevel}}]], "beta": {{betaHot}} },
          "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1, "measure": "energy" },
        { "name": "cold", "acts_on": [0], "ancilla": { "dim": 2, "hamiltonian": [[0, 0], [0, 1]], "beta": {{betaCold}} },
          "coupling": [[0,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,0]], "rate": 1, "measure": "energy" }
      ]
    }
    """));
