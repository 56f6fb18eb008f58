using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Studies;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.MasterEquation;

/// <summary>The random detailed-balance generators of claim 8: Gibbs stationarity, detailed balance, and the conjecture near equilibrium.</summary>
public class DetailedBalanceGeneratorTests
{
    [Fact]
    public void GibbsStateIsAnnihilatedByTheGenerator()
    {
        var random = new QuantumRandom(7);
        for (int s = 0; s < 10; s++)
        {
            var model = DetailedBalanceGenerator.Sample(random);
            double residual = model.Generator.Apply(model.Gibbs).Enumerate().Max(z => z.Magnitude);
            Assert.True(residual < 1e-12, $"sample {s}: ‖𝓛(Gibbs)‖ = {residual}");
        }
    }

    [Fact]
    public void GibbsStateIsTheUniqueStationaryState()
    {
        var random = new QuantumRandom(11);
        var model = DetailedBalanceGenerator.Sample(random);
        Assert.Equal(1, StationaryStates.NullSpaceDimension(model.Generator));
        var reached = StationaryStates.ReachedFrom(model.Generator, random.MixedState(model.Gibbs.Space));
        Assert.True(DynamicsTestHelpers.MaxDiff(reached, model.Gibbs) < 1e-9);
    }

    [Fact]
    public void RatesObeyDetailedBalance()
    {
        // γ(j→i)/γ(i→j) = e^{−β(E_i − E_j)} for every pair.
        var model = DetailedBalanceGenerator.Sample(new QuantumRandom(3));
        foreach (var up in model.Jumps.Where(j => j.From != j.To))
        {
            var down = model.Jumps.Single(j => j.From == up.To && j.To == up.From);
            double expected = Math.Exp(-model.Beta * (model.Energies[up.To] - model.Energies[up.From]));
            Assert.Equal(expected, up.Rate / down.Rate, 1e-12 * Math.Max(1, expected));
        }
    }

    [Fact]
    public void NearAnEntangledEquilibriumEntanglementProductionOutrunsEntropyProduction()
    {
        // Heisenberg H = σ·σ has the singlet as ground state; at β = 0.6 the Gibbs state is a full-rank Werner state
        // with singlet fraction e^{1.8}/(e^{1.8} + 3e^{−0.6}) ≈ 0.79, entangled. For
        // ρ = (1 − ε)ρ_G + ε|00><00|, σ = O(ε²) while σ_E = tr[ρ̇(ln ρ_G − ln σ*_G)] + O(ε) = O(ε): the ratio grows ~1/ε.
        var space = CompositeSpace.Qubits(2);
        Matrix<Complex> h = Pauli.X.KroneckerProduct(Pauli.X) + Pauli.Y.KroneckerProduct(Pauli.Y) + Pauli.Z.KroneckerProduct(Pauli.Z);
        var pairs = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                if (i != j) pairs[i, j] = 0.5;
        var model = DetailedBalanceGenerator.Create(space, h, 0.6, pairs);
        Assert.True(RelativeEntropyOfEntanglement.Compute(model.Gibbs).Value > 0.1);
        double Ratio(double eps)
        {
            var m = (1 - eps) * model.Gibbs.ToMatrix() + eps * DensityMatrix.Diagonal([1, 0, 0, 0]).ToMatrix();
            var rho = DensityMatrix.Create(m, space);
            var rates = ProductionRates.Evaluate(model.Generator, rho, model.Gibbs, RelativeEntropyOfEntanglement.Compute(rho));
            return rates.ConjectureRatio!.Value;
        }
        double r3 = Ratio(1e-3), r4 = Ratio(1e-4);
        Assert.True(r3 > 1, $"ratio at ε = 1e-3: {r3}");
        // ~1/ε scaling: ten times smaller ε, about ten times larger ratio.
        Assert.InRange(r4 / r3, 8, 12);
    }
}
