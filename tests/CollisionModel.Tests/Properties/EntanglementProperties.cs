using CollisionModel.Measures.Entanglement;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CsCheck;

namespace CollisionModel.Tests.Properties;

/// <summary>E_R over random two-qubit states: certificate validity and invariance under local unitaries.</summary>
public class EntanglementProperties
{
    private static readonly CompositeSpace TwoQubits = CompositeSpace.Qubits(2);

    [Fact]
    public void ReeCertificateIsValidAndInvariantUnderLocalUnitaries()
    {
        // 0 ≤ LowerBound ≤ E_R ≤ Value for both ρ and (U_A ⊗ U_B) ρ (U_A ⊗ U_B)†, and since E_R is the same for
        // both, each certified lower bound stays below the other's value: LB(ρ) ≤ Value(ρ′) + 1e-9 and vice versa.
        // E_R costs ~1 ms per state, so fewer cases here than for the cheap properties.
        const double tolerance = 1e-9;
        var gen = Gen.Select(QuantumGen.State(TwoQubits), QuantumGen.Unitary(2), QuantumGen.Unitary(2));
        DeterministicCheck.ForAll(gen, input =>
        {
            var (rho, ua, ub) = input;
            var u = Tensor.Kron(ua, ub);
            var rotated = DensityMatrix.Create(u * rho.ToMatrix() * u.ConjugateTranspose(), TwoQubits);
            var r1 = RelativeEntropyOfEntanglement.Compute(rho);
            var r2 = RelativeEntropyOfEntanglement.Compute(rotated);
            foreach (var r in new[] { r1, r2 })
            {
                Assert.True(double.IsFinite(r.Value) && double.IsFinite(r.LowerBound));
                Assert.True(r.LowerBound >= 0, $"lower bound {r.LowerBound}");
                Assert.True(r.LowerBound <= r.Value, $"lower bound {r.LowerBound:G12} > value {r.Value:G12}");
                Assert.True(r.Value >= 0, $"value {r.Value}");
            }
            Assert.True(r1.LowerBound <= r2.Value + tolerance, $"LB(ρ) = {r1.LowerBound:G12} > E_R(ρ′) ≤ {r2.Value:G12}");
            Assert.True(r2.LowerBound <= r1.Value + tolerance, $"LB(ρ′) = {r2.LowerBound:G12} > E_R(ρ) ≤ {r1.Value:G12}");
        }, cases: 150, stream: 4);
    }
}
