using System.Numerics;
using BenchmarkDotNet.Attributes;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;

namespace CollisionModel.Benchmarks;

/// <summary>The small dense kernels of the per-collision path: U ρ U† and entropies of 4×4 … 16×16 states.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private Complex[] _u = [];
    private Complex[] _rho = [];
    private Complex[] _dest = [];
    private Complex[] _scratch = [];
    private double[] _values = [];
    private Complex[] _psi = [];
    private Complex[] _reduced = [];
    private PartialTraceMap? _traceLast;

    /// <summary>Matrix size: 4 (two qubits), 8 (two qubits and an ancilla), 16.</summary>
    [Params(4, 8, 16)]
    public int N { get; set; }

    /// <summary>Random unitary and state from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new QuantumRandom(1);
        _u = rng.Unitary(N).ToColumnMajorArray();
        _rho = rng.MixedState(new CompositeSpace(N)).ToMatrix().ToColumnMajorArray();
        _dest = new Complex[N * N];
        _scratch = new Complex[N * N];
        _values = new double[N];
        // Trace out the last qubit (the fresh ancilla of a collision): N → N/2.
        var space = DensityMatrix.DefaultSpace(N);
        _traceLast = new PartialTraceMap(space, Enumerable.Range(0, space.Count - 1).ToArray());
        _psi = rng.Ket(space).Amplitudes.ToArray();
        _reduced = new Complex[N * N / 4];
    }

    /// <summary>ρ′ = U ρ U†.</summary>
    [Benchmark]
    public void Conjugate() => SmallMatrixKernels.Conjugate(_u, _rho, _dest, _scratch, N);

    /// <summary>S(ρ) through the allocation-free Jacobi kernel.</summary>
    [Benchmark]
    public double EntropyJacobi() => Entropy.OfMatrix(_rho, N, _values, _scratch);

    /// <summary>tr_last of an N×N operator through the cached index map.</summary>
    [Benchmark]
    public void PartialTraceOperator() => _traceLast!.Apply(_rho, _reduced);

    /// <summary>tr_last |ψ⟩⟨ψ| without forming the outer product.</summary>
    [Benchmark]
    public void PartialTraceKet() => _traceLast!.ApplyToKet(_psi, _reduced);
}
