using BenchmarkDotNet.Attributes;
using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Benchmarks;

/// <summary>
/// `collision master` physics: a whole <see cref="MasterEquationStudy"/> (N points, one warm-started REE each) and the
/// per-point cost of σ, σ_E on a random detailed-balance generator (claim 8's inner loop).
/// </summary>
[MemoryDiagnoser]
public class MasterEquationStudyBenchmarks
{
    private static readonly PaperMasterEquationParameters Thermalising = new(0, 1, 0.5, 0.1);
    private DetailedBalanceGenerator _model = DetailedBalanceGenerator.Sample(new QuantumRandom(1));
    private DensityMatrix _rho = DensityMatrix.MaximallyMixed(Spaces.CompositeSpace.Qubits(2));
    private ReeResult? _ree;

    /// <summary>Number of output times N.</summary>
    [Params(101, 1001)]
    public int Points { get; set; }

    /// <summary>A random generator and a state on its trajectory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new QuantumRandom(1);
        _model = DetailedBalanceGenerator.Sample(random);
        _rho = _model.Generator.Evolve(DensityMatrix.FromKet(random.Ket(_model.Gibbs.Space)), 0.5);
        _ree = RelativeEntropyOfEntanglement.Compute(_rho);
    }

    /// <summary>Eq. (5) on B from the Bell state, T = 1 (entangled throughout: one REE per point).</summary>
    [Benchmark]
    public MasterEquationStudyResult Study() =>
        MasterEquationStudy.Run(0.7071067811865476, Thermalising, TargetQubit.B, 1, Points);

    /// <summary>σ, σ_E and the ratio at one state, REE given.</summary>
    [Benchmark]
    public ProductionRates RatesAtOneState() => ProductionRates.Evaluate(_model.Generator, _rho, _model.Gibbs, _ree!);
}
