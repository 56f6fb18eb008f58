// A quantum Otto engine in a collision model. The working medium is a qubit, H_S = ω|1><1|; its splitting is held at
// ω_h = 2 for N_h = 5 steps while it meets qubits of a hot bath (β_h = 0.25, gap ω_h), compressed to ω_c = 1 (the
// system drive halves H_S), held for N_c = 5 steps against a cold bath (β_c = 2, gap ω_c), and expanded back: one
// cycle of τ = 10 δt, δt = 0.1. Each collision is the resonant partial swap exp(−iθ(σ⁺σ⁻ + σ⁻σ⁺)) (θ_h = 0.4,
// θ_c = 0.6), switched off outside its stroke by the bath's drive. The model is otto.json (`collision simulate
// --model-file` runs it); the program checks that the library's OttoCycle builds the same limit cycle.
// It prints, from the thermodynamic ledger, each cycle's heat from the hot bath, work and efficiency while the run
// settles on its limit cycle, the limit cycle itself (PeriodicSteadyState, and the closed form of docs/thermodynamics.md),
// the work output's mean and variance per cycle from exact counting and the thermodynamic uncertainty ratio,
// the refrigerator the same machine becomes for β_h ω_h > β_c ω_c, and writes two plots (default into docs/).
//   dotnet run -c Release --project examples/OttoEngine [-- OUTPUT_DIR [CYCLES]]   (default docs/, 12 cycles)
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Plotting;
using CollisionModel.Thermodynamics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outDir = args.Length > 0 ? args[0] : "docs";
int cycles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
Directory.CreateDirectory(outDir);
const double omegaHot = 2, omegaCold = 1, betaHot = 0.25, betaCold = 2, thetaHot = 0.4, thetaCold = 0.6, dt = 0.1;
const int hotSteps = 5, coldSteps = 5;

var file = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "otto.json"));
var engineCycle = new OttoCycle(omegaHot, omegaCold, betaHot, betaCold, thetaHot, thetaCold, hotSteps, coldSteps, dt);
var limit = PeriodicSteadyState.Of(file.Protocol, dt);
var fromCode = PeriodicSteadyState.Of(engineCycle.Protocol, dt);
bool same = Math.Abs(limit.Heat[0]!.Value - fromCode.Heat[0]!.Value) < 1e-14 && Math.Abs(limit.DriveWork!.Value - fromCode.DriveWork!.Value) < 1e-14;
Console.WriteLine($"otto.json and OttoCycle give the same limit cycle: {(same ? "yes" : "NO")}");
if (!same) return 1;

// The run from the ground state: per cycle, from the ledger's totals at the cycle boundaries.
int m = engineCycle.StepsPerCycle;
var engine = new StreamingCollisionEngine(new CollisionRunOptions { Protocol = file.Protocol, InitialSystem = file.InitialState, Grid = TimeGrid.OfStep(dt, cycles * m) });
Console.WriteLine($"engine: ω_h = {omegaHot}, ω_c = {omegaCold}, β_h ω_h = {betaHot * omegaHot} < β_c ω_c = {betaCold * omegaCold}; Otto efficiency 1 − ω_c/ω_h = {1 - omegaCold / omegaHot}");
Console.WriteLine("  cycle    p_start      Q_hot     Q_cold   W + W_drive   efficiency   power (−W/τ)");
double hot0 = 0, cold0 = 0, work0 = 0;
for (int k = 1; k <= cycles; k++)
{
    double pStart = engine.SystemState().ToMatrix()[1, 1].Real;
    for (int n = 0; n < m; n++) engine.Advance();
    var t = engine.Thermodynamics()!;
    double work = t.Work!.Value + t.DriveWork!.Value;
    double qh = t.Heat[0]!.Value - hot0, qc = t.Heat[1]!.Value - cold0, w = work - work0;
    if (k <= 4 || k == cycles)
        Console.WriteLine($"  {k,5} {pStart,10:F6} {qh,10:F6} {qc,10:F6} {w,13:F6} {-w / qh,12:F8} {-w / engineCycle.CycleTime,14:F6}");
    (hot0, cold0, work0) = (t.Heat[0]!.Value, t.Heat[1]!.Value, work);
}
Console.WriteLine("  (cycles off the limit cycle change E_S, so their ratio is not yet the Otto efficiency)");

// The limit cycle: the fixed point of the one-period map, and the closed form of the partial-swap strokes.
var (ph, pc) = ClosedForm(betaHot, betaCold, hotSteps, coldSteps);
Console.WriteLine($"limit cycle: p after the hot stroke {limit.States[hotSteps].ToMatrix()[1, 1].Real:F12} (closed form {ph:F12}), after the cold stroke {limit.State.ToMatrix()[1, 1].Real:F12} (closed form {pc:F12})");
Console.WriteLine($"  Q_hot = {limit.Heat[0]:F12} (closed form ω_h Δp = {omegaHot * (ph - pc):F12}), Q_cold = {limit.Heat[1]:F12}, W = {limit.Work:E2}, W_drive = {limit.DriveWork:F12}");
Console.WriteLine($"  efficiency −(W + W_drive)/Q_hot = {-limit.TotalWork!.Value / limit.Heat[0]!.Value:F12}, power = {limit.PowerOutput:F12} per unit time");

// Power fluctuations from counting: both baths energy-measured; the work output of a cycle is ω_h N_h + ω_c N_c
// (N_j the quanta bath j gave up), in units of ω_c the weighted count 2 N_h + N_c. θ(s) per period comes from the
// product of the period's count-resolved step maps; its derivatives give the mean and variance per cycle.
var workCount = new CountSelection([0, 1], [(int)Math.Round(omegaHot / omegaCold), 1]);
var rates = ScaledCumulantGeneratingFunction.Rates(CountResolvedMap.ForPeriod(file.Protocol, file.Measurements, dt, workCount))!.Value;
double meanWork = omegaCold * rates.Mean, varianceWork = omegaCold * omegaCold * rates.Variance;
double sigma = -(betaHot * limit.Heat[0]!.Value + betaCold * limit.Heat[1]!.Value);
Console.WriteLine($"work output per cycle from counting: mean {meanWork:F12} (ledger {-limit.TotalWork!.Value:F12}), variance {varianceWork:F8}");
Console.WriteLine($"  entropy production per cycle Σ = −β_h Q_h − β_c Q_c = {sigma:F8}; thermodynamic uncertainty ratio Var(W)·Σ/⟨W⟩² = {varianceWork * sigma / (meanWork * meanWork):F6}");
var exact = FullCountingStatistics.Compute(file.Protocol, file.Measurements, limit.State, dt, 100 * m, workCount);
Console.WriteLine($"  exact distribution of the work after 100 cycles from the limit state: {exact.Probabilities.Count} values, mean/cycle {omegaCold * exact.Cumulants[0] / 100:F10}, variance/cycle {omegaCold * omegaCold * exact.Cumulants[1] / 100:F6} (→ {varianceWork:F6} as the cycles grow)");

// The same machine with a hotter cold side of the Otto threshold: β_h ω_h > β_c ω_c runs it backwards.
var fridge = PeriodicSteadyState.Of(new OttoCycle(omegaHot, omegaCold, 1.5, betaCold, thetaHot, thetaCold, hotSteps, coldSteps, dt).Protocol, dt);
Console.WriteLine($"refrigerator (β_h = 1.5: β_h ω_h = 3 > β_c ω_c = 2): Q_hot = {fridge.Heat[0]:F8}, Q_cold = {fridge.Heat[1]:F8}, W + W_drive = {fridge.TotalWork:F8},");
Console.WriteLine($"  coefficient of performance Q_cold/W = {fridge.Heat[1]!.Value / fridge.TotalWork!.Value:F10} (Otto: ω_c/(ω_h − ω_c) = {omegaCold / (omegaHot - omegaCold)})");

PlotCycles(Path.Combine(outDir, "otto-cycle.png"));
PlotPower(Path.Combine(outDir, "otto-power.png"));
return 0;

void PlotCycles(string path)
{
    using var plot = new ScottPlot.Plot();
    foreach (var (cycle, label) in new[] { (limit, "engine (β_h = 0.25)"), (fridge, "refrigerator (β_h = 1.5)") })
    {
        // Step n holds ω(t_n) while p moves from p_n to p_{n+1}; between steps ω jumps (the adiabatic strokes).
        var xs = new List<double>();
        var ys = new List<double>();
        var drive = file.Protocol.SystemDrive!;
        for (int n = 0; n < cycle.StepsPerPeriod; n++)
        {
            double omega = omegaHot * drive.AtStep(n, dt);
            xs.Add(omega); ys.Add(cycle.States[n].ToMatrix()[1, 1].Real);
            xs.Add(omega); ys.Add(cycle.States[n + 1].ToMatrix()[1, 1].Real);
        }
        xs.Add(xs[0]); ys.Add(ys[0]);
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 6;
    }
    plot.RichTitle("Otto limit cycles in the (ω, excited population) plane");
    plot.RichXLabel("medium splitting ω");
    plot.RichYLabel("excited population p");
    plot.Axes.SetLimitsX(0.8, 2.2);
    plot.ShowRichLegend(ScottPlot.Alignment.MiddleCenter);
    plot.Font.Automatic();
    plot.SavePng(path, 900, 560);
    Console.WriteLine($"wrote {path}");
}

void PlotPower(string path)
{
    // Power against the cycle time τ = 2Nδt (N_h = N_c = N): short cycles barely move the population, long ones
    // spend time after it has saturated; the efficiency stays 1 − ω_c/ω_h at every τ.
    var taus = new List<double>();
    var power = new List<double>();
    var efficiency = new List<double>();
    var closed = new List<double>();
    for (int n = 1; n <= 30; n++)
    {
        var c = PeriodicSteadyState.Of(new OttoCycle(omegaHot, omegaCold, betaHot, betaCold, thetaHot, thetaCold, n, n, dt).Protocol, dt);
        taus.Add(c.Period);
        power.Add(c.PowerOutput!.Value);
        efficiency.Add(-c.TotalWork!.Value / c.Heat[0]!.Value);
        var (h, l) = ClosedForm(betaHot, betaCold, n, n);
        closed.Add((omegaHot - omegaCold) * (h - l) / c.Period);
    }
    using var plot = new ScottPlot.Plot();
    var line = plot.Add.ScatterLine(taus.ToArray(), closed.ToArray());
    line.LegendText = "power, closed form";
    line.LineWidth = 2;
    var points = plot.Add.ScatterPoints(taus.ToArray(), power.ToArray());
    points.LegendText = "power, limit cycle (PeriodicSteadyState)";
    points.MarkerSize = 7;
    var eff = plot.Add.ScatterPoints(taus.ToArray(), efficiency.ToArray());
    eff.LegendText = "efficiency (right axis)";
    eff.MarkerShape = ScottPlot.MarkerShape.OpenSquare;
    eff.Axes.YAxis = plot.Axes.Right;
    plot.RichRightLabel("efficiency −W/Q_h");
    plot.Axes.SetLimitsY(0, 0.6, plot.Axes.Right);
    plot.RichTitle("Otto engine: power and efficiency against the cycle time");
    plot.RichXLabel("cycle time τ = (N_h + N_c) δt");
    plot.RichYLabel("power −(W + W_drive)/τ");
    plot.ShowRichLegend(ScottPlot.Alignment.UpperRight);
    plot.Font.Automatic();
    plot.SavePng(path, 900, 560);
    int best = power.IndexOf(power.Max());
    Console.WriteLine($"wrote {path} (maximum power {power[best]:F6} at τ = {taus[best]:F1}; efficiency {efficiency.Min():F12} … {efficiency.Max():F12})");
}

// The partial-swap limit cycle (docs/thermodynamics.md): p after the hot and after the cold stroke.
(double Hot, double Cold) ClosedForm(double bh, double bc, int nh, int nc)
{
    double qh = 1 / (1 + Math.Exp(bh * omegaHot)), qc = 1 / (1 + Math.Exp(bc * omegaCold));
    double ah = Math.Pow(Math.Cos(thetaHot), 2 * nh), ac = Math.Pow(Math.Cos(thetaCold), 2 * nc);
    return (((1 - ah) * qh + ah * (1 - ac) * qc) / (1 - ah * ac), ((1 - ac) * qc + ac * (1 - ah) * qh) / (1 - ah * ac));
}
