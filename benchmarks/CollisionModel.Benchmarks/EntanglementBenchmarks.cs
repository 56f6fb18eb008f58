using System.Numerics;
using BenchmarkDotNet.Attributes;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Benchmarks;

/// <summary>
/// Relative entropy of entanglement: a cold solve of a general full-rank two-qubit state (goal ≤ 20 ms), a warm
/// solve of the next state of a trajectory from the previous σ* (goal ≤ 1 ms), and the X-state path on eq. (5).
/// </summary>
[MemoryDiagnoser]
public class EntanglementBenchmarks
{
    private DensityMatrix _general = null!;
    private DensityMatrix _generalNext = null!;
    private DensityMatrix _generalWarm = null!;
    private DensityMatrix _eq5 = null!;
    private DensityMatrix _eq5Next = null!;
    private DensityMatrix _eq5Warm = null!;

    /// <summary>Fixed-seed states: a random entangled full-rank state and a neighbour 1e-3 along a straight path.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new QuantumRandom(1);
        var space = CompositeSpace.Qubits(2);
        Matrix<Complex> Entangled()
        {
            while (true)
            {
                var v = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(rng.Ket(space).Amplitudes.ToArray());
                var m = 0.6 * v.OuterProduct(v.Conjugate()) + 0.4 * rng.MixedState(space).ToMatrix();
                if (Negativity.Compute(DensityMatrix.Create(m, space)) > 0.01) return m;
            }
        }
        var a = Entangled();
        var b = Entangled();
        _general = DensityMatrix.Create(a, space);
        _generalNext = DensityMatrix.Create(0.999 * a + 0.001 * b, space);
        _generalWarm = RelativeEntropyOfEntanglement.Compute(_general).ClosestSeparable;
        _eq5 = DensityMatrix.Create(Eq5(0.4), space);
        _eq5Next = DensityMatrix.Create(Eq5(0.401), space);
        _eq5Warm = RelativeEntropyOfEntanglement.Compute(_eq5).ClosestSeparable;
    }

    // Eq. (5) on B from a Bell state, γ = 1, κ = 0.5, η = 0.3 (docs/conventions.md §2 item 5).
    private static Matrix<Complex> Eq5(double t)
    {
        double g = 1.5, e = Math.Exp(-g * t), kappa = 0.5, gamma = 1, eta = 0.3;
        var m = Matrix<Complex>.Build.Dense(4, 4);
        m[0, 0] = 0.5 * (1 - kappa / g * (1 - e));
        m[1, 1] = 0.5 * kappa / g * (1 - e);
        m[2, 2] = 0.5 * gamma / g * (1 - e);
        m[3, 3] = 0.5 * (kappa / g + gamma / g * e);
        m[0, 3] = m[3, 0] = 0.5 * Math.Exp(-(g / 2 + eta) * t);
        return m;
    }

    /// <summary>Cold general solve (BFGS on the PPT boundary, Newton polish, certificate to 1e-9).</summary>
    [Benchmark]
    public double ColdGeneral() => RelativeEntropyOfEntanglement.Compute(_general).Value;

    /// <summary>Warm general solve of the next trajectory state from the previous σ*.</summary>
    [Benchmark]
    public double WarmGeneral() => RelativeEntropyOfEntanglement.Compute(_generalNext, null, _generalWarm).Value;

    /// <summary>Cold X-state path on an eq. (5) state.</summary>
    [Benchmark]
    public double ColdXState() => RelativeEntropyOfEntanglement.Compute(_eq5).Value;

    /// <summary>Warm X-state path along the eq. (5) trajectory (δt = 1e-3).</summary>
    [Benchmark]
    public double WarmXState() => RelativeEntropyOfEntanglement.Compute(_eq5Next, null, _eq5Warm).Value;
}
