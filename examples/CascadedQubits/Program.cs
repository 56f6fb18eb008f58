// A driven source qubit feeding a second qubit through one waveguide (a cascaded system). Qubit 0 is driven on
// resonance, H_S = (Ω/2)σx ⊗ 1 with Ω = 2; a stream of vacuum qubit ancillas (the waveguide's time bins) meets qubit 0
// and then qubit 1, each through the partial swap V = σ⁺σ⁻ + σ⁻σ⁺ at rate 1, so the light qubit 0 emits is what
// drives qubit 1, and nothing travels back. The model is the file cascade.json (its bath has a "cascade" key). The
// program runs the collision model (streaming, δt = 0.01) and the cascaded master equation of its Lindblad limit, and
// plots the excited populations of both qubits and their mutual information I(S1:S2) against time, both ways.
//   dotnet run -c Release --project examples/CascadedQubits [-- OUTPUT_DIR]   (default docs/)
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Plotting;
using CollisionModel.States;
using CollisionModel.Thermodynamics;

string outDir = args.Length > 0 ? args[0] : "docs";
Directory.CreateDirectory(outDir);
const double time = 20, dt = 0.01;
int steps = (int)Math.Round(time / dt);

var model = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "cascade.json"));
var protocol = model.Protocol;
var records = CollisionSimulation.Run(new CollisionRunOptions
{
    Protocol = protocol,
    InitialSystem = model.InitialState,
    Grid = TimeGrid.OfStep(dt, steps),
    RecordEvery = 10,
}, Representation.Streaming).Records;
var limit = protocol.LindbladLimitGenerator();

static double Excited(DensityMatrix rho, int qubit) => rho.Reduced(qubit)[1, 1].Real;
static double Mutual(DensityMatrix rho) => Entropy.VonNeumann(rho, [0]) + Entropy.VonNeumann(rho, [1]) - Entropy.VonNeumann(rho);

var t = records.Select(r => r.Bookkeeping.Time).ToArray();
var collision = records.Select(r => r.RhoAB).ToArray();
var master = t.Select(x => limit.Evolve(model.InitialState, x)).ToArray();

using var plot = new ScottPlot.Plot();
void Curve(DensityMatrix[] states, Func<DensityMatrix, double> f, string label, ScottPlot.Color color, bool dashed)
{
    var line = plot.Add.ScatterLine(t, states.Select(f).ToArray());
    line.LegendText = label;
    line.Color = dashed ? ScottPlot.Colors.Black : color;
    line.LineWidth = dashed ? 1.2f : 3f;
    if (dashed) line.LinePattern = ScottPlot.LinePattern.Dashed;
}
var (blue, orange, green) = (ScottPlot.Colors.SteelBlue, ScottPlot.Colors.DarkOrange, ScottPlot.Colors.SeaGreen);
Curve(collision, r => Excited(r, 0), "source (qubit 0): excited population", blue, false);
Curve(collision, r => Excited(r, 1), "target (qubit 1): excited population", orange, false);
Curve(collision, Mutual, "I(S_1:S_2) (nats)", green, false);
Curve(master, r => Excited(r, 0), "cascaded master equation (dashed)", blue, true);
Curve(master, r => Excited(r, 1), "", orange, true);
Curve(master, Mutual, "", green, true);
plot.RichTitle("A driven qubit feeding a second one through a waveguide\n(collision model δt = 0.01; dashed: Lindblad limit)");
plot.RichXLabel("time (1/rate)");
plot.RichYLabel("population / nats");
plot.ShowRichLegend(ScottPlot.Alignment.UpperRight);
plot.Font.Automatic();
string path = Path.Combine(outDir, "cascaded-qubits.png");
plot.SavePng(path, 1000, 600);

var steady = SteadyState.OfLindbladLimit(protocol).State;
var last = collision[^1];
string Line(string what, double a, double b) => string.Create(CultureInfo.InvariantCulture, $"{what,-34} {a,10:F5} {b,10:F5}");
Console.WriteLine($"{"at t = " + time.ToString(CultureInfo.InvariantCulture),-34} {"collisions",10} {"steady",10}");
Console.WriteLine(Line("source excited population", Excited(last, 0), Excited(steady, 0)));
Console.WriteLine(Line("target excited population", Excited(last, 1), Excited(steady, 1)));
Console.WriteLine(Line("I(S1:S2) (nats)", Mutual(last), Mutual(steady)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"trace distance to the cascaded master equation at t = {time}: {TraceDistance.Compute(last, master[^1]):E2} (first order in δt = {dt})"));
Console.WriteLine($"wrote {path}");
