
namespace CollisionModel.Tests.Cli.Sweeps;

/// <summary>Writes specs into a temporary folder and runs sweep/merge in-process on the real engines.</summary>
internal sealed class SweepHarness
{
    public SweepHarness() => Root = CliHarness.TempFolder();

    public string Root { get; }

    /// <summary>A small real sweep: master on a 2×3 grid plus 4 seeded random points (10 points, ~10 ms each).</summary>
    public const string MasterSpec = """
        {
          "command": "master",   // eq. (5)
          "fixed": { "time": 2, "points": 5 },
          "grid": { "gamma": [0.5, 1], "kappa": [0, 0.25, 0.5] },
          "random": { "count": 4, "seed": 7, "uniform": { "a": [0.5, 1] }, "log_uniform": { "eta": [0.01, 10] } },
          "keep": ["max_conjecture_ratio", "sudden_death_time", "rho_T"]
        }
        """;

    public string Spec(string text, string name = "spec.json")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Folder(string name) => Path.Combine(Root, name);

    public static CliRun Run(params string[] args) => CliHarness.RunWith(CollisionModel.Cli.Engines.Create(), args);

    public static CliRun RunWithVariables(IReadOnlyDictionary<string, string> variables, params string[] args) =>
        CliHarness.RunWith(CollisionModel.Cli.Engines.Create() with { Variables = name => variables.GetValueOrDefault(name) }, args);

    /// <summary>Every file of a folder with its bytes (to show that a refused run changed nothing).</summary>
    public static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
}
