using BenchmarkDotNet.Attributes;
using CollisionModel.Channels;
using CollisionModel.States;
using CollisionModel.Studies;

namespace CollisionModel.Benchmarks;

/// <summary>
/// The convergence benchmarks as k → ∞: one k-collision state by channel power (O(log k)) against step by step
/// (O(k)), and the whole error table k = 10¹ … 10¹².
/// </summary>
[MemoryDiagnoser]
public class ConvergenceBenchmarks
{
    private static readonly long[] Table = [10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000];

    private readonly Models.PaperModel _model = Models.PaperModels.Dephasing(1, 0, 0.7071067811865476);
    private NearIdentityChannel _step = NearIdentityChannel.Identity(4);
    private DensityMatrix _initial = DensityMatrix.MaximallyMixed(Spaces.CompositeSpace.Qubits(2));

    /// <summary>Number of collisions k.</summary>
    [Params(1_000L, 100_000L)]
    public long K { get; set; }

    /// <summary>Builds the step channel once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _step = CollisionStepChannel.Build(_model.Protocol, 1.0 / K);
        _initial = _model.InitialState;
    }

    /// <summary>ρ after k collisions by repeated squaring of the step channel.</summary>
    [Benchmark(Baseline = true)]
    public DensityMatrix ChannelPower() => _step.Power(K).Apply(_initial);

    /// <summary>ρ after k collisions applied one by one.</summary>
    [Benchmark]
    public MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex> StepByStep()
    {
        var rho = _initial.ToMatrix();
        for (long j = 0; j < K; j++) rho += _step.ApplyDeviation(rho);
        return rho;
    }

    /// <summary>The full error table k = 10¹ … 10¹² (trace distance, coherence error, order, Richardson).</summary>
    [Benchmark]
    public ConvergenceResult WholeTableToTenToTheTwelve() => ConvergenceStudy.Run(_model, 1, Table);
}
