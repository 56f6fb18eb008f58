using CollisionModel.Cli;
using CollisionModel.Cli.Commands;
using CollisionModel.Engines;
using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Studies;
using CollisionModel.Tests.Cli;


namespace CollisionModel.Tests.Reliability;

/// <summary>
/// The same input gives bit-identical output on every run: the CLI's JSON for every command that has an engine in
/// this build (ree always, backed by the library solver when the build has not wired it yet), and the library runs
/// behind simulate, master, converge and ree compared number by number through their raw IEEE-754 bits.
/// </summary>
public class DeterminismTests
{
    private static readonly string RhoFile = WriteRho();

    private static string WriteRho()
    {
        // A full-rank entangled state without X or Bell structure, so E_R takes the general solver path.
        var rho = new QuantumRandom(20261125).MixedState(CollisionModel.Spaces.CompositeSpace.Qubits(2), 2);
        var rows = Enumerable.Range(0, 4).Select(i =>
            "[" + string.Join(",", Enumerable.Range(0, 4).Select(j => $"[{rho[i, j].Real:R},{rho[i, j].Imaginary:R}]")) + "]");
        string path = Path.Combine(Path.GetTempPath(), $"determinism-rho-{Environment.ProcessId}.json");
        File.WriteAllText(path, "[" + string.Join(",", rows) + "]");
        return path;
    }

    private static CliServices Services()
    {
        var built = CollisionModel.Cli.Engines.Create();
        return built with
        {
            Ree = built.Ree ?? new DelegateReeSolver(rho =>
            {
                var r = RelativeEntropyOfEntanglement.Compute(rho);
                return new ReeEstimate(r.Value, r.LowerBound, r.ClosestSeparable);
            }),
        };
    }

    /// <summary>Each command with the options of a small run, and whether this build has its engine.</summary>
    private static IEnumerable<(string[] Args, bool HasEngine)> Commands(CliServices s) =>
    [
        (["ree", "--rho", RhoFile, "--format", "json"], s.Ree is not null),
        (["simulate", "--model", "decay", "--gamma", "1", "--kappa", "0.5", "--environment", "mixed", "--steps", "20", "--format", "json"], s.Simulate is not null),
        (["simulate", "--model", "dephasing", "--representation", "explicit", "--steps", "8", "--format", "json"], s.Simulate is not null),
        (["master", "--gamma", "1", "--kappa", "0.5", "--points", "5", "--format", "json"], s.Master is not null),
        (["converge", "--steps", "10,100,1000", "--format", "json"], s.Converge is not null),
    ];

    [Fact]
    public void EveryCommandWithAnEngineWritesBitIdenticalJsonOnEveryRun()
    {
        var services = Services();
        int compared = 0;
        foreach (var (args, hasEngine) in Commands(services))
        {
            if (!hasEngine) continue;
            var first = CliHarness.RunWith(services, args);
            var second = CliHarness.RunWith(Services(), args);
            Assert.True(first.ExitCode == 0, $"{string.Join(' ', args)}: exit {first.ExitCode}: {first.Stderr}");
            Assert.Equal(first.ExitCode, second.ExitCode);
            Assert.Equal(first.Stdout, second.Stdout);
            Assert.StartsWith("{", first.Stdout.TrimStart());
            compared++;
        }
        Assert.True(compared >= 1, "ree must always be compared");
    }

    [Fact]
    public void CollisionRunsAreBitIdenticalInBothRepresentations()
    {
        var options = new CollisionRunOptions
        {
            Protocol = CollisionModel.Models.PaperModels.Decay(1, 0.5, 0, 0.6, CollisionModel.Models.AngleConvention.Paper, mixedEnvironment: true).Protocol,
            InitialSystem = PaperMasterEquation.InitialState(0.6),
            Grid = CollisionModel.Models.TimeGrid.OfStep(0.1, 6), // the explicit representation purifies each mixed ancilla: 2 + 2·6 qubits
            RecordEvery = 2,
            EntanglementMeasure = (rho, warm) => { var r = RelativeEntropyOfEntanglement.Compute(rho, warmStart: warm); return new EntanglementEstimate(r.Value, r.ClosestSeparable); },
        };
        foreach (var representation in new[] { Representation.Streaming, Representation.Explicit })
        {
            string first = CollisionSimulation.Run(options, representation).ToJson();
            string second = CollisionSimulation.Run(options, representation).ToJson();
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void MasterEquationRunsAreBitIdentical()
    {
        var generator = PaperMasterEquation.Create(new PaperMasterEquationParameters(1, 1, 0.5, 0.2));
        var rho0 = PaperMasterEquation.InitialState(0.6);
        var exact1 = ExactPropagator.ForGrid(generator, 2, 11).Run(rho0, 10).States;
        var exact2 = ExactPropagator.ForGrid(generator, 2, 11).Run(rho0, 10).States;
        var times = Enumerable.Range(0, 11).Select(i => 0.2 * i).ToArray();
        var rk1 = DormandPrinceIntegrator.Run(TimeDependentLindbladian.FromConstant(generator), rho0, times).States;
        var rk2 = DormandPrinceIntegrator.Run(TimeDependentLindbladian.FromConstant(generator), rho0, times).States;
        Assert.Equal(Bits(exact1), Bits(exact2));
        Assert.Equal(Bits(rk1), Bits(rk2));
    }

    [Fact]
    public void ConvergenceStudiesAreBitIdentical()
    {
        var model = CollisionModel.Models.PaperModels.Decay(1, 0.5, 1, 0.7071067811865476, mixedEnvironment: true);
        long[] steps = [10, 1000, 1_000_000_000];
        var first = ConvergenceStudy.Run(model, 1, steps);
        var second = ConvergenceStudy.Run(model, 1, steps);
        Assert.Equal(Bits(first.Records.Select(r => r.State)), Bits(second.Records.Select(r => r.State)));
        Assert.Equal(first.Records.Select(r => BitConverter.DoubleToInt64Bits(r.TraceDistance)),
            second.Records.Select(r => BitConverter.DoubleToInt64Bits(r.TraceDistance)));
    }

    [Fact]
    public void RelativeEntropyOfEntanglementIsBitIdenticalAcrossRunsAndThreads()
    {
        var rho = new QuantumRandom(7).MixedState(CollisionModel.Spaces.CompositeSpace.Qubits(2), 3);
        var reference = RelativeEntropyOfEntanglement.Compute(rho);
        var parallel = new ReeResult[8];
        Parallel.For(0, parallel.Length, i => parallel[i] = RelativeEntropyOfEntanglement.Compute(rho));
        foreach (var r in parallel)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Value), BitConverter.DoubleToInt64Bits(r.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(reference.LowerBound), BitConverter.DoubleToInt64Bits(r.LowerBound));
            Assert.Equal(Bits([reference.ClosestSeparable]), Bits([r.ClosestSeparable]));
        }
    }

    private static long[] Bits(IEnumerable<DensityMatrix?> states) =>
        states.SelectMany(s => s!.ColumnMajor.ToArray())
            .SelectMany(z => new[] { BitConverter.DoubleToInt64Bits(z.Real), BitConverter.DoubleToInt64Bits(z.Imaginary) })
            .ToArray();
}
