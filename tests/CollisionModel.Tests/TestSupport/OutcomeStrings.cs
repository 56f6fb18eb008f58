using System.Numerics;
using CollisionModel.Operators;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.TestSupport;

/// <summary>
/// Brute-force full counting statistics: every outcome string of K steps of a system with qubit-ancilla baths, each
/// ancilla read in |0⟩, |1⟩ before and after its collision, propagated one string at a time on S ⊗ E by plain matrix
/// algebra (no Kraus operators, no tilted maps): the reference the library's count-resolved maps are checked against.
/// </summary>
public static class OutcomeStrings
{
    /// <summary>
    /// P(N) after <paramref name="steps"/> steps: each step is exp(−iH_S δt/2), the baths' collisions in order, then
    /// exp(−iH_S δt/2) again (<paramref name="halfStep"/> is that half-step propagator). Bath j's collision with outcomes
    /// (a, b) is ρ′ = tr_E[(1⊗P_b) W_j (ρ ⊗ P_a η_j P_a) W_j† (1⊗P_b)] with W_j the unitary on S ⊗ E (the ancilla last);
    /// it adds w_j (k(a) − k(b)) to N, with k(|1⟩) = 0, k(|0⟩) = 1 (|1⟩ is the lower level of ½ωZ). Cost 4^(K·baths)
    /// propagations: small K only.
    /// </summary>
    public static Dictionary<long, double> Enumerate(Matrix<Complex> rho0, Matrix<Complex> halfStep, IReadOnlyList<Matrix<Complex>> collisions,
        IReadOnlyList<Matrix<Complex>> ancillaStates, IReadOnlyList<int> weights, int steps)
    {
        int d = rho0.RowCount, baths = collisions.Count;
        var projector = new[] { Pauli.Projector0, Pauli.Projector1 };
        int[] level = [1, 0];
        var result = new Dictionary<long, double>();

        void Visit(Matrix<Complex> rho, int collision, long count)
        {
            int step = collision / baths, j = collision % baths;
            if (step == steps)
            {
                result[count] = result.GetValueOrDefault(count) + rho.Trace().Real;
                return;
            }
            if (j == 0) rho = halfStep * rho * halfStep.ConjugateTranspose();
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                {
                    var input = Kron(rho, projector[a] * ancillaStates[j] * projector[a]);
                    var outProjector = Kron(Identity(d), projector[b]);
                    var joint = outProjector * collisions[j] * input * collisions[j].ConjugateTranspose() * outProjector;
                    var next = TraceOutLast(joint, d, 2);
                    if (j == baths - 1) next = halfStep * next * halfStep.ConjugateTranspose();
                    Visit(next, collision + 1, count + weights[j] * (level[a] - level[b]));
                }
        }

        Visit(rho0, 0, 0);
        return result;
    }
}
