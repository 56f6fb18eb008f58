using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Measures.Entanglement.ReeTestStates;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>Each exact fast path against its closed form and against the general solver (fast paths disabled).</summary>
public class FastPathTests
{
    private static readonly ReeOptions GeneralOnly = new() { UseFastPaths = false };

    [Fact]
    public void PureStates_ER_IsEntropyOfEntanglement_AndGeneralSolverAgrees()
    {
        var rng = new QuantumRandom(21);
        var space = CollisionModel.Spaces.CompositeSpace.Qubits(2);
        for (int k = 0; k < 4; k++)
        {
            var rho = DensityMatrix.FromKet(rng.Ket(space));
            double entanglementEntropy = Entropy.VonNeumann(rho.Reduced(0));
            var fast = RelativeEntropyOfEntanglement.Compute(rho);
            Assert.Equal(ReeMethod.Pure, fast.Method);
            Assert.Equal(entanglementEntropy, fast.Value, 1e-10);
            // σ* is separable and S(ρ‖σ*) reproduces the value.
            Assert.Equal(fast.Value, RelativeEntropy.Compute(rho, fast.ClosestSeparable), 1e-10);
            var general = RelativeEntropyOfEntanglement.Compute(rho, GeneralOnly);
            Assert.Equal(entanglementEntropy, general.Value, 1e-7);
            Assert.True(general.LowerBound <= entanglementEntropy + 1e-12);
        }
    }

    [Fact]
    public void BellDiagonalStates_MatchLn2MinusBinaryEntropy_AndGeneralSolver()
    {
        double[][] weights = [[0.55, 0.25, 0.15, 0.05], [0.1, 0.8, 0.05, 0.05], [0.2, 0.1, 0.65, 0.05], [0.3, 0.0, 0.0, 0.7]];
        foreach (var w in weights)
        {
            var rho = BellDiagonal(w[0], w[1], w[2], w[3]);
            double lmax = w.Max();
            double expected = Math.Log(2) - Entropy.Binary(lmax);
            var fast = RelativeEntropyOfEntanglement.Compute(rho);
            Assert.Equal(ReeMethod.BellDiagonal, fast.Method);
            Assert.Equal(expected, fast.Value, 1e-12);
            var general = RelativeEntropyOfEntanglement.Compute(rho, GeneralOnly);
            Assert.Equal(expected, general.Value, 1e-8);
            Assert.True(general.LowerBound <= expected + 1e-12);
        }
    }

    [Fact]
    public void XStates_ReducedSolver_AgreesWithGeneralSolver_To1e9()
    {
        var rng = new QuantumRandom(33);
        for (int k = 0; k < 8; k++)
        {
            // Random X state: positive diagonal, coherences inside the positivity limits, random phases.
            var d = Enumerable.Range(0, 4).Select(_ => 0.05 + rng.Uniform()).ToArray();
            double sum = d.Sum();
            for (int i = 0; i < 4; i++) d[i] /= sum;
            var m = Matrix<Complex>.Build.Dense(4, 4);
            for (int i = 0; i < 4; i++) m[i, i] = d[i];
            m[0, 3] = 0.95 * Math.Sqrt(d[0] * d[3]) * Complex.FromPolarCoordinates(1, 2 * Math.PI * rng.Uniform());
            m[1, 2] = (k % 2) * 0.5 * Math.Sqrt(d[1] * d[2]) * Complex.FromPolarCoordinates(1, 2 * Math.PI * rng.Uniform());
            m[3, 0] = Complex.Conjugate(m[0, 3]);
            m[2, 1] = Complex.Conjugate(m[1, 2]);
            var rho = DensityMatrix.Create(m);
            var fast = RelativeEntropyOfEntanglement.Compute(rho);
            if (fast.Method == ReeMethod.Separable) continue;
            Assert.Equal(ReeMethod.XState, fast.Method);
            Assert.True(Concurrence.IsXState(fast.ClosestSeparable, 1e-12), "σ* of an X state must be an X state");
            var general = RelativeEntropyOfEntanglement.Compute(rho, GeneralOnly);
            Assert.Equal(ReeMethod.General, general.Method);
            Assert.Equal(general.Value, fast.Value, 1e-9);
            Assert.True(fast.LowerBound <= general.Value + 1e-12 && general.LowerBound <= fast.Value + 1e-12);
        }
    }

    [Fact]
    public void Eq5States_XPath_MatchesGeneralSolver_AlongTheTrajectory()
    {
        foreach (double t in new[] { 0.1, 0.5, 1.0 })
        {
            var rho = Eq5(0.6, 1, 0.3, 0.2, 1.5, t);
            var fast = RelativeEntropyOfEntanglement.Compute(rho);
            var general = RelativeEntropyOfEntanglement.Compute(rho, GeneralOnly);
            Assert.Equal(ReeMethod.XState, fast.Method);
            Assert.Equal(general.Value, fast.Value, 1e-9);
            // Paper error §2 item 6: deleting the coherences is not the closest separable state here.
            var dephased = DensityMatrix.Diagonal(Enumerable.Range(0, 4).Select(i => rho[i, i].Real).ToArray());
            Assert.True(RelativeEntropy.Compute(rho, dephased) > fast.Value + 1e-4);
        }
    }
}
