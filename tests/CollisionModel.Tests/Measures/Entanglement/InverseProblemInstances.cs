using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Measures.Entanglement;

/// <summary>
/// Exact E_R instances by the inverse problem of docs/conventions.md §4: a full-rank separable σ on the PPT boundary
/// (σ^Γ|φ⟩ = 0), G₀ = D ln_σ⁻¹[(|φ⟩⟨φ|)^Γ], ρ = σ − xG₀ ≥ 0. Then D ln_σ(ρ) = 1 − x(|φ⟩⟨φ|)^Γ satisfies the
/// optimality conditions, so σ is the closest separable state and E_R(ρ) = S(ρ‖σ) exactly.
/// </summary>
internal static class InverseProblemInstances
{
    public sealed record Instance(DensityMatrix Rho, DensityMatrix Sigma, double ExactValue);

    public static readonly CompositeSpace TwoQubits = CompositeSpace.Qubits(2);

    public static Instance Create(QuantumRandom rng)
    {
        while (true)
        {
            // A random entangled full-rank state: a Haar pure state mixed with a Hilbert–Schmidt random state.
            var psi = rng.Ket(TwoQubits).Amplitudes.ToArray();
            var v = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(psi);
            var omega = 0.6 * v.OuterProduct(v.Conjugate()) + 0.4 * rng.MixedState(TwoQubits).ToMatrix();
            var lmin = HermitianEigen.Eigenvalues(PartialTranspose.Apply(omega, TwoQubits, 1))[0];
            if (lmin > -0.02) continue;
            double s = -lmin / (0.25 - lmin);
            var sigma = (1 - s) * omega + s / 4 * Matrix<Complex>.Build.DenseIdentity(4);
            var pt = HermitianEigen.Decompose(PartialTranspose.Apply(sigma, TwoQubits, 1));
            var phi = pt.Vectors.Column(0);
            var projectorPt = PartialTranspose.Apply(phi.OuterProduct(phi.Conjugate()), TwoQubits, 1);
            var es = HermitianEigen.Decompose(sigma);
            var g0 = LogDerivative.ApplyInverse(es, projectorPt);
            double x = 0.5 * es.Values[0] / g0.L2Norm();
            var rho = sigma - x * g0;
            var rhoState = DensityMatrix.Create(rho, TwoQubits);
            var sigmaState = DensityMatrix.Create(sigma, TwoQubits);
            return new Instance(rhoState, sigmaState, RelativeEntropy.Compute(rhoState, sigmaState));
        }
    }
}
