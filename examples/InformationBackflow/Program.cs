// Information backflow seen from both sides. A qubit exchanges excitations with vacuum qubit ancillas (partial swap
// σ⁺σ⁻ + σ⁻σ⁺ at rate 1, δt = 0.05), and each ancilla, before it leaves, meets the next one through the memory
// collision cos φ·1 + i sin φ·SWAP with φ = 1.4: most of what the system gave away is handed to the ancilla that
// arrives next and comes back (a leaky cavity made of ancillas). The model is the file memory-qubit.json. The program
// measures BLP and RHP (d² = 4 tomography runs) and plots the trace distance D(ρ₁(t), ρ₂(t)) of the optimal pair with
// its revivals, beside what the environment knows about the system started in ρ₁: I(S:E) with every ancilla that has
// left, and I(S : newest m) with the last m ancillas that left (every ancilla kept as a matrix-product state).
//   dotnet run -c Release --project examples/InformationBackflow [-- OUTPUT_DIR [T]]   (default docs/, T = 20)
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.NonMarkovianity;
using CollisionModel.Plotting;
using CollisionModel.States;

string outDir = args.Length > 0 ? args[0] : "docs";
double time = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
Directory.CreateDirectory(outDir);
const double dt = 0.05;
int[] newest = [10];
int steps = (int)Math.Round(time / dt);

var model = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "memory-qubit.json"));
var run = new CollisionRunOptions { Protocol = model.Protocol, InitialSystem = model.InitialState, Grid = TimeGrid.OfStep(dt, steps) };
var measures = NonMarkovianityMeasures.Measure(run, Representation.Streaming, new NonMarkovianityOptions { Pairs = 64, Seed = 1 });

// The environment's side: the whole state (system and every ancilla) from ρ₁ = the optimal pair's first state.
var engine = new MpsCollisionEngine(run with { InitialSystem = DensityMatrix.FromKet(measures.BlpPair.First) });
var t = new double[steps + 1];
var withE = new double[steps + 1];
var withNewest = newest.Select(_ => new double[steps + 1]).ToArray();
for (int n = 0; n <= steps; n++)
{
    if (n > 0) engine.Advance();
    t[n] = engine.Current.Time;
    withE[n] = engine.Current.MutualInformationABE;
    var curves = engine.Fragments();
    for (int i = 0; i < newest.Length; i++) withNewest[i][n] = curves.Newest[Math.Min(newest[i], n)];
}
var distance = measures.Records.Select(r => r.TraceDistance).ToArray();

using var plot = new ScottPlot.Plot();
var d = plot.Add.ScatterLine(t, distance);
d.LegendText = "D(ρ₁(t), ρ₂(t)), optimal pair (left axis)";
d.Color = ScottPlot.Colors.Black;
d.LineWidth = 2.5f;
var colors = new[] { ScottPlot.Colors.DarkOrange, ScottPlot.Colors.SeaGreen, ScottPlot.Colors.SteelBlue };
void Information(double[] values, string label, ScottPlot.Color color)
{
    var line = plot.Add.ScatterLine(t, values);
    line.LegendText = label + " (right axis)";
    line.Color = color;
    line.LineWidth = 1.8f;
    line.Axes.YAxis = plot.Axes.Right;
}
Information(withE, "I(S:E), every ancilla that left", colors[0]);
for (int i = 0; i < newest.Length; i++)
    Information(withNewest[i], newest[i] == 1 ? "I(S : newest ancilla that left)" : $"I(S : newest {newest[i]} that left)", colors[i + 1]);
plot.RichTitle(string.Create(CultureInfo.InvariantCulture,
    $"A qubit with a memory of ancillas (φ = {model.Protocol.Baths[0].MemoryAngle}): BLP = {measures.Blp:F3}, RHP = {measures.Rhp:F2}"));
plot.RichXLabel("time (1/rate)");
plot.RichYLabel("trace distance");
plot.RichRightLabel("mutual information (nats), system started in ρ₁");
plot.Axes.SetLimitsX(0, time);
plot.Axes.SetLimitsY(0, 1.05, plot.Axes.Left);
plot.Axes.SetLimitsY(0, 1.05 * withE.Max(), plot.Axes.Right);
plot.ShowRichLegend(ScottPlot.Alignment.UpperRight);
plot.Font.Automatic();
string path = Path.Combine(outDir, "information-backflow.png");
plot.SavePng(path, 1100, 600);

string Ket(Ket k) => string.Join(", ", k.Amplitudes.ToArray().Select(a => string.Create(CultureInfo.InvariantCulture,
    $"{a.Real:F4}{(a.Imaginary < 0 ? "−" : "+")}{Math.Abs(a.Imaginary):F4}i")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps} steps of δt = {dt} (T = {time}), memory angle φ = {model.Protocol.Baths[0].MemoryAngle}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blp_basis = {measures.BlpBasis:F6}   (basis pairs)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blp       = {measures.Blp:F6}   (basis + 64 seeded pairs: a lower bound)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rhp       = {measures.Rhp:F6}   ({measures.RhpSingularSteps} singular steps skipped)"));
Console.WriteLine($"optimal pair: ψ₁ = [{Ket(measures.BlpPair.First)}], ψ₂ = [{Ket(measures.BlpPair.Second)}]");
Console.WriteLine($"wrote {path}");
