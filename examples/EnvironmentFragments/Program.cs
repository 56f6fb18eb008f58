// How the information about the system spreads over the environment: I(AB : F) for the fragment F of the m oldest
// ancillas, against the fraction m/K of the environment, at several times, for the paper's dephasing model (pure
// ancillas, every ancilla kept as a matrix-product state) and for the same model with a memory collision between
// consecutive ancillas. Writes two PNGs (default into docs/) and prints the redundancy R_δ.
//   dotnet run -c Release --project examples/EnvironmentFragments [-- OUTPUT_DIR]
using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Plotting;

string outDir = args.Length > 0 ? args[0] : "docs";
Directory.CreateDirectory(outDir);
const double eta = 1.0, omega = 0.0, a = 0.6, dt = 0.01, delta = 0.1;
double[] times = [0.5, 2, 8];

var paper = PaperModels.Dephasing(eta, omega, a);
var bath = paper.Protocol.Baths[0];
var withMemory = new CollisionProtocol(PaperModels.SystemDimensions, PaperModels.SubsystemsB,
    [new Bath(bath.ActsOn, bath.Ancilla, bath.Collision, memoryAngle: 0.5)]);

Plot(paper.Protocol, "dephasing, pure ancillas", Path.Combine(outDir, "environment-fragments.png"));
Plot(withMemory, "dephasing with memory (φ = 0.5)", Path.Combine(outDir, "environment-fragments-memory.png"));

void Plot(CollisionProtocol protocol, string title, string path)
{
    var options = new CollisionRunOptions { Protocol = protocol, InitialSystem = paper.InitialState, Grid = TimeGrid.OfStep(dt, (int)Math.Round(times[^1] / dt)) };
    var engine = new MpsCollisionEngine(options);
    using var plot = new ScottPlot.Plot();
    foreach (double t in times)
    {
        int k = (int)Math.Round(t / dt);
        while (engine.Step < k) engine.Advance();
        var curves = engine.Fragments();
        double s = curves.SystemEntropy;
        var xs = Enumerable.Range(0, k + 1).Select(m => (double)m / k).ToArray();
        var ys = curves.Oldest.Select(i => i / s).ToArray();
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"t = {t} (K = {k})");
        line.LineWidth = 2;
        int r = EnvironmentFragments.Redundancy(curves.Oldest, s, k, delta);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}, t = {t}: S_AB = {s:F4}, I(AB:E)/S_AB = {curves.Oldest[k] / s:F4}, I(AB:first 10%)/S_AB = {curves.Oldest[k / 10] / s:F4}, R_δ={delta} = {r}, max bond {engine.MaxBond}"));
    }
    plot.RichTitle($"I(AB : oldest m ancillas) / S_AB — {title}");
    plot.RichXLabel("fragment fraction m / K");
    plot.RichYLabel("I(AB : F) / S_AB");
    plot.ShowRichLegend();
    plot.Font.Automatic();
    plot.SavePng(path, 900, 560);
    Console.WriteLine($"wrote {path}");
}
