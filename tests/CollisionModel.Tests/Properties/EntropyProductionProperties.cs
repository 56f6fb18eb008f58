using CollisionModel.MasterEquation;
using CollisionModel.Spaces;
using CsCheck;

namespace CollisionModel.Tests.Properties;

/// <summary>Spohn's inequality over random Lindbladians: σ = −d/dt S(ρ‖ρ_T) ≥ 0 when L(ρ_T) = 0, ρ_T full rank.</summary>
public class EntropyProductionProperties
{
    [Fact]
    public void SpohnEntropyProductionIsNonNegativeForFullRankFixedPoints()
    {
        // Random H and 1–3 random jump operators on a qubit, two qubits or a qutrit; ρ_T the stationary state reached
        // from ρ, used only when full rank (λ_min > 1e-8, the generic case); σ ≥ −1e-9 (rounding) for every random ρ.
        var gen = Gen.OneOf(Gen.Const(CompositeSpace.Qubits(1)), Gen.Const(CompositeSpace.Qubits(2)), Gen.Const(new CompositeSpace(3)))
            .SelectMany(space => Gen.Select(
                QuantumGen.Hermitian(space.Dimension),
                Gen.Int[1, 3].SelectMany(k => QuantumGen.Matrix(space.Dimension, space.Dimension).Array[k]),
                QuantumGen.FullRankState(space),
                Gen.Const(space)));
        int fullRank = 0, cases = 0;
        DeterministicCheck.ForAll(gen, input =>
        {
            var (h, jumps, rho, space) = input;
            var generator = new Lindbladian(space, h, jumps);
            var rhoT = StationaryStates.ReachedFrom(generator, rho);
            var fixedPointResidual = generator.Apply(rhoT).Enumerate().Max(z => z.Magnitude);
            Assert.True(fixedPointResidual <= 1e-9, $"|L(ρ_T)| = {fixedPointResidual:G3}");
            cases++;
            if (rhoT.Eigenvalues[0] <= 1e-8) return;
            fullRank++;
            var rate = EntropyProduction.Compute(generator, rho, rhoT);
            Assert.True(rate.Sigma is double, "σ undefined for a full-rank ρ");
            Assert.True(rate.Sigma >= -1e-9, $"σ = {rate.Sigma:G6}");
        }, cases: 1500, stream: 7);
        // The generator must actually produce full-rank fixed points, or the property would be vacuous.
        Assert.True(fullRank > cases / 2, $"only {fullRank} of {cases} fixed points were full rank");
    }
}
