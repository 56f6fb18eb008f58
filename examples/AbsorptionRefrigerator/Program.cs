// A three-qubit absorption refrigerator in a collision model: no work, only heat. A cold qubit (ω_c = 1), a room
// qubit (ω_r = 3) and a hot qubit (ω_h = 2) interact through g(|010⟩⟨101| + h.c.) (g = 0.2), which trades a quantum of
// the cold and one of the hot qubit for one of the room qubit; each qubit meets its own bath of resonant thermal qubits
// (β_c = 1.25, β_r = 1, β_h = 0.25) through the partial swap at rate 0.5. The model is refrigerator.json (`collision
// simulate --model-file` and `collision master --model-file` run it); the program checks that the library's
// AbsorptionRefrigerator builds the same machine.
// It prints the steady-state heat currents of the collision model (the fixed point of one step, and a long run's
// ledger) and of its Lindblad limit as δt shrinks, their ratios ω_c : ω_h : −ω_r, the coefficient of performance
// against Carnot's, and writes a plot of the cooling current against the hot bath's temperature (default into docs/).
// Then the same for the two-qubit refrigerator (two-qubit-refrigerator.json, the library's TwoQubitAbsorptionRefrigerator):
// a cold qubit (ω_c = 1) and a room qubit (ω_r = 3) with their own baths, the hot bath (ω_h = 2) acting on the joint
// transition |1_c 0_r⟩ ↔ |0_c 1_r⟩; its currents, the closed form of its local master equation, the window and the COP.
//   dotnet run -c Release --project examples/AbsorptionRefrigerator [-- OUTPUT_DIR]   (default docs/)
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Plotting;
using CollisionModel.Thermodynamics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outDir = args.Length > 0 ? args[0] : "docs";
Directory.CreateDirectory(outDir);
const double omegaCold = 1, omegaHot = 2, g = 0.2, betaCold = 1.25, betaRoom = 1, betaHot = 0.25, rate = 0.5, dt = 0.05;
const int cold = AbsorptionRefrigerator.Cold, room = AbsorptionRefrigerator.Room, hot = AbsorptionRefrigerator.Hot;

AbsorptionRefrigerator Fridge(double hotBeta) => new(omegaCold, omegaHot, g, betaCold, betaRoom, hotBeta, rate, rate, rate);
var fridge = Fridge(betaHot);
var file = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "refrigerator.json"));
var fromFile = SteadyState.OfCollisionModel(file.Protocol, dt);
var steady = SteadyState.OfCollisionModel(fridge.Protocol, dt);
bool same = Enumerable.Range(0, 3).All(j => Math.Abs(fromFile.HeatCurrents[j]!.Value - steady.HeatCurrents[j]!.Value) < 1e-14);
Console.WriteLine($"refrigerator.json and AbsorptionRefrigerator give the same steady state: {(same ? "yes" : "NO")}");
if (!same) return 1;

Console.WriteLine($"ω_c = {omegaCold}, ω_h = {omegaHot}, ω_r = {fridge.Parameters.RoomFrequency}; β_c = {betaCold}, β_r = {betaRoom}, β_h = {betaHot}");
Console.WriteLine($"virtual temperature of the room–hot pair: β_v = (β_r ω_r − β_h ω_h)/ω_c = {fridge.Parameters.VirtualBeta} > β_c = {betaCold}: it cools ({fridge.Parameters.Cools})");
string Currents(SteadyStateCurrents s) => $"J_c = {s.HeatCurrents[cold]:F10}, J_h = {s.HeatCurrents[hot]:F10}, J_r = {s.HeatCurrents[room]:F10}";
Console.WriteLine($"collision model, fixed point of one step (δt = {dt}): {Currents(steady)}");
Console.WriteLine($"  per quantum: J_c/ω_c = {steady.HeatCurrents[cold] / omegaCold:F12}, J_h/ω_h = {steady.HeatCurrents[hot] / omegaHot:F12}, −J_r/ω_r = {-steady.HeatCurrents[room] / fridge.Parameters.RoomFrequency:F12}");

// A long run from |000⟩: the ledger's heat over its last 200 steps, per unit time.
var engine = new StreamingCollisionEngine(new CollisionRunOptions { Protocol = file.Protocol, InitialSystem = file.InitialState, Grid = TimeGrid.OfStep(dt, 2000) });
for (int n = 0; n < 1800; n++) engine.Advance();
var before = engine.Thermodynamics()!.Heat.Select(h => h!.Value).ToArray();
for (int n = 0; n < 200; n++) engine.Advance();
var late = engine.Thermodynamics()!.Heat.Select((h, j) => (h!.Value - before[j]) / (200 * dt)).ToArray();
Console.WriteLine($"collision model, ledger over t = 90 … 100 of a run from |000>: J_c = {late[cold]:F10}, J_h = {late[hot]:F10}, J_r = {late[room]:F10}");

var limit = SteadyState.OfLindbladLimit(fridge.Protocol);
Console.WriteLine($"Lindblad limit (collision master --model-file): {Currents(limit)}");
Console.WriteLine("  δt        J_c (collision)   |J_c − J_c(limit)|   ratio to the previous");
double? previous = null;
foreach (double step in new[] { 0.2, 0.1, 0.05, 0.025, 0.0125 })
{
    double current = SteadyState.OfCollisionModel(fridge.Protocol, step).HeatCurrents[cold]!.Value;
    double error = Math.Abs(current - limit.HeatCurrents[cold]!.Value);
    Console.WriteLine($"  {step,-8} {current,16:F12} {error,18:E3} {(previous is { } p ? $"{p / error,10:F3}" : "")}");
    previous = error;
}

double sigma = -(betaCold * steady.HeatCurrents[cold]!.Value + betaRoom * steady.HeatCurrents[room]!.Value + betaHot * steady.HeatCurrents[hot]!.Value);
Console.WriteLine($"coefficient of performance J_c/J_h = {steady.HeatCurrents[cold] / steady.HeatCurrents[hot]:F12} (ω_c/ω_h = {fridge.Parameters.CoefficientOfPerformance}), Carnot (β_r − β_h)/(β_c − β_r) = {fridge.Parameters.CarnotCoefficientOfPerformance}");
Console.WriteLine($"entropy production rate −Σ_j β_j J_j = {sigma:E6} ≥ 0; window edge β_h* = (β_r ω_r − β_c ω_c)/ω_h = {fridge.Parameters.EdgeHotBeta} (T_h* = {1 / fridge.Parameters.EdgeHotBeta:F6})");
var edge = SteadyState.OfCollisionModel(Fridge(fridge.Parameters.EdgeHotBeta).Protocol, dt);
Console.WriteLine($"  at the edge: {Currents(edge)}");

PlotWindow(Path.Combine(outDir, "absorption-refrigerator.png"), t => Fridge(1 / t).Protocol, t => Fridge(1 / t).Parameters.CarnotCoefficientOfPerformance,
    fridge.Parameters.EdgeHotBeta, fridge.Parameters.CoefficientOfPerformance, "Absorption refrigerator: heat drawn from the cold bath against T_h");

// The two-qubit refrigerator.
TwoQubitAbsorptionRefrigerator Pair(double hotBeta) => new(omegaCold, omegaHot, betaCold, betaRoom, hotBeta, rate, rate, rate);
var pair = Pair(betaHot);
var pairFile = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "two-qubit-refrigerator.json"));
var pairSteady = SteadyState.OfCollisionModel(pair.Protocol, dt);
bool pairSame = Enumerable.Range(0, 3).All(j => Math.Abs(SteadyState.OfCollisionModel(pairFile.Protocol, dt).HeatCurrents[j]!.Value - pairSteady.HeatCurrents[j]!.Value) < 1e-14);
Console.WriteLine();
Console.WriteLine($"two-qubit-refrigerator.json and TwoQubitAbsorptionRefrigerator give the same steady state: {(pairSame ? "yes" : "NO")}");
if (!pairSame) return 1;
const int pc = TwoQubitAbsorptionRefrigerator.Cold, pr = TwoQubitAbsorptionRefrigerator.Room, ph = TwoQubitAbsorptionRefrigerator.Hot;
string PairCurrents(SteadyStateCurrents s) => $"J_c = {s.HeatCurrents[pc]:F10}, J_h = {s.HeatCurrents[ph]:F10}, J_r = {s.HeatCurrents[pr]:F10}";
Console.WriteLine($"two qubits (cold ω_c = {omegaCold}, room ω_r = {pair.Parameters.RoomFrequency}), the hot bath on |1_c 0_r> <-> |0_c 1_r> (gap ω_h = {omegaHot})");
Console.WriteLine($"collision model, fixed point of one step (δt = {dt}): {PairCurrents(pairSteady)}");
var pairLimit = SteadyState.OfLindbladLimit(pair.Protocol);
Console.WriteLine($"Lindblad limit (collision master --model-file): {PairCurrents(pairLimit)}");
// The closed form of the local master equation's population rate equations (docs/thermodynamics.md).
double Excited(double beta, double omega) => 1 / (1 + Math.Exp(beta * omega));
double qc = Excited(betaCold, omegaCold), qr = Excited(betaRoom, pair.Parameters.RoomFrequency), qh = Excited(betaHot, omegaHot);
double closed = rate * (qh * qc * (1 - qr) - (1 - qh) * qr * (1 - qc)) / (1 + rate * (qh / rate + (1 - qh) / rate + (2 * qh - 1) * (qc - qr) / (2 * rate)));
Console.WriteLine($"  closed form of the 4x4 rate equations: Ṅ = {closed:F12}, J_c = ω_c Ṅ = {omegaCold * closed:F12} (|difference| {Math.Abs(omegaCold * closed - pairLimit.HeatCurrents[pc]!.Value):E1})");
Console.WriteLine($"  per quantum: J_c/ω_c = {pairSteady.HeatCurrents[pc] / omegaCold:F12}, J_h/ω_h = {pairSteady.HeatCurrents[ph] / omegaHot:F12}, −J_r/ω_r = {-pairSteady.HeatCurrents[pr] / pair.Parameters.RoomFrequency:F12}");
Console.WriteLine($"  COP J_c/J_h = {pairSteady.HeatCurrents[pc] / pairSteady.HeatCurrents[ph]:F12} (ω_c/ω_h = {pair.Parameters.CoefficientOfPerformance}), Carnot {pair.Parameters.CarnotCoefficientOfPerformance}; window edge β_h* = {pair.Parameters.EdgeHotBeta}");
Console.WriteLine($"  at the edge: {PairCurrents(SteadyState.OfCollisionModel(Pair(pair.Parameters.EdgeHotBeta).Protocol, dt))}");
PlotWindow(Path.Combine(outDir, "absorption-refrigerator-two-qubit.png"), t => Pair(1 / t).Protocol, t => Pair(1 / t).Parameters.CarnotCoefficientOfPerformance,
    pair.Parameters.EdgeHotBeta, pair.Parameters.CoefficientOfPerformance, "Two-qubit absorption refrigerator: heat drawn from the cold bath against T_h");
return 0;

void PlotWindow(string path, Func<double, CollisionModel.Models.CollisionProtocol> machine, Func<double, double?> carnotAt, double edgeBeta, double copValue, string title)
{
    // T_h from below room to far above: the cooling current changes sign at T_h*, where Carnot's bound meets ω_c/ω_h.
    var temperatures = Enumerable.Range(0, 31).Select(i => 0.6 + i * 0.32).ToArray();
    var collision = temperatures.Select(t => SteadyState.OfCollisionModel(machine(t), dt).HeatCurrents[cold]!.Value).ToArray();
    var lindblad = temperatures.Select(t => SteadyState.OfLindbladLimit(machine(t)).HeatCurrents[cold]!.Value).ToArray();
    // Carnot's bound is a formula: drawn on a fine grid from just above T_r, where it starts at 0.
    var carnotT = Enumerable.Range(1, 400).Select(i => 1 + i * (temperatures[^1] - 1) / 400).Where(t => carnotAt(t) is not null).ToArray();
    using var plot = new ScottPlot.Plot();
    var line = plot.Add.ScatterLine(temperatures, lindblad);
    line.LegendText = "J_c, Lindblad limit";
    line.LineWidth = 2;
    var points = plot.Add.ScatterPoints(temperatures, collision);
    points.LegendText = $"J_c, collision model (δt = {dt})";
    points.MarkerSize = 6;
    var window = plot.Add.VerticalLine(1 / edgeBeta);
    window.LineWidth = 2;
    window.LinePattern = ScottPlot.LinePattern.Dashed;
    window.LegendText = $"window edge T_h* = {1 / edgeBeta:F3}";
    plot.Add.HorizontalLine(0, color: ScottPlot.Colors.Gray).LineWidth = 1;
    var carnot = plot.Add.ScatterLine(carnotT, carnotT.Select(t => carnotAt(t)!.Value).ToArray());
    carnot.LegendText = "Carnot COP (β_r − β_h)/(β_c − β_r) (right axis)";
    carnot.LinePattern = ScottPlot.LinePattern.Dotted;
    carnot.LineWidth = 2;
    carnot.Axes.YAxis = plot.Axes.Right;
    var cop = plot.Add.ScatterLine(new[] { temperatures[0], temperatures[^1] }, new[] { copValue, copValue });
    cop.LegendText = "COP J_c/J_h = ω_c/ω_h (right axis)";
    cop.LineWidth = 2;
    cop.Axes.YAxis = plot.Axes.Right;
    plot.RichRightLabel("coefficient of performance");
    plot.Axes.SetLimitsY(0, 4, plot.Axes.Right);
    plot.RichTitle(title);
    plot.RichXLabel("hot bath temperature T_h (T_c = 0.8, T_r = 1)");
    plot.RichYLabel("cooling current J_c");
    plot.ShowRichLegend(ScottPlot.Edge.Bottom, columns: 2);
    plot.Font.Automatic();
    plot.SavePng(path, 900, 640);
    Console.WriteLine($"wrote {path} (J_c from {collision.Min():E3} to {collision.Max():E3})");
}
