using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Measures;

public class DistanceAndConcurrenceTests
{
    [Fact]
    public void Fidelity_OfPureStates_IsSquaredOverlap_AndSymmetric()
    {
        var rng = new QuantumRandom(131);
        for (int t = 0; t < 50; t++)
        {
            var space = new CompositeSpace(2 + t % 4);
            var psi = rng.Ket(space);
            var phi = rng.Ket(space);
            double overlap2 = psi.Inner(phi).Magnitude * psi.Inner(phi).Magnitude;
            var rp = DensityMatrix.FromKet(psi);
            var rf = DensityMatrix.FromKet(phi);
            // Rank-one states: a naive √ of rounding noise would give only ~1e−8; the library must reach 1e−12.
            Reference.AssertClose(overlap2, Fidelity.Compute(rp, rf), 1e-12, $"trial {t}");
            Reference.AssertClose(Fidelity.Compute(rf, rp), Fidelity.Compute(rp, rf), 1e-12, $"trial {t}: symmetry");
        }
    }

    [Fact]
    public void Fidelity_IsSymmetricOnMixedStates_AndOneIffEqual()
    {
        var rng = new QuantumRandom(132);
        for (int t = 0; t < 50; t++)
        {
            var space = new CompositeSpace(2 + t % 4);
            var rho = rng.MixedState(space);
            var sigma = rng.MixedState(space);
            double f = Fidelity.Compute(rho, sigma);
            Reference.AssertClose(Fidelity.Compute(sigma, rho), f, 1e-12, $"trial {t}: symmetry");
            Assert.True(f < 1 - 1e-6, $"trial {t}: distinct states have F < 1, got {f}");
            Reference.AssertClose(1, Fidelity.Compute(rho, rho), 1e-12, $"trial {t}: F(ρ, ρ)");
        }
    }

    [Fact]
    public void Fidelity_OfCommutingStates_IsClassicalBhattacharyyaSquared()
    {
        var p = new[] { 0.5, 0.3, 0.2 };
        var q = new[] { 0.1, 0.1, 0.8 };
        double b = p.Zip(q, (x, y) => Math.Sqrt(x * y)).Sum();
        Reference.AssertClose(b * b, Fidelity.Compute(DensityMatrix.Diagonal(p), DensityMatrix.Diagonal(q)), 1e-14);
    }

    [Fact]
    public void TraceDistance_OfPureStates_IsSqrtOneMinusOverlapSquared()
    {
        var rng = new QuantumRandom(133);
        for (int t = 0; t < 50; t++)
        {
            var space = new CompositeSpace(2 + t % 4);
            var psi = rng.Ket(space);
            var phi = rng.Ket(space);
            double overlap2 = Math.Pow(psi.Inner(phi).Magnitude, 2);
            Reference.AssertClose(Math.Sqrt(1 - overlap2), TraceDistance.Compute(DensityMatrix.FromKet(psi), DensityMatrix.FromKet(phi)), 1e-12, $"trial {t}");
        }
    }

    [Fact]
    public void TraceDistance_OfDiagonalStates_IsHalfL1Distance_AndZeroForEqualStates()
    {
        var p = DensityMatrix.Diagonal([0.5, 0.3, 0.2]);
        var q = DensityMatrix.Diagonal([0.1, 0.1, 0.8]);
        Reference.AssertClose(0.5 * (0.4 + 0.2 + 0.6), TraceDistance.Compute(p, q), 1e-14);
        Reference.AssertClose(0, TraceDistance.Compute(p, p), 1e-15);
    }

    [Fact]
    public void WoottersConcurrence_OfRandomPureStates_IsTwiceAbsAdMinusBc()
    {
        var rng = new QuantumRandom(134);
        for (int t = 0; t < 200; t++)
        {
            var psi = rng.Ket(CompositeSpace.Qubits(2));
            double expected = 2 * (psi[0] * psi[3] - psi[1] * psi[2]).Magnitude;
            // Rank-one ρ: a naive √(eigenvalues of √ρρ̃√ρ) turns 1e−16 noise into ~1e−8; the library must reach 1e−12.
            Reference.AssertClose(expected, Concurrence.Wootters(DensityMatrix.FromKet(psi)), 1e-12, $"trial {t}");
        }
    }

    [Fact]
    public void XStateFormula_AgreesWithWootters_OnRandomXStates()
    {
        var rng = new QuantumRandom(135);
        int entangled = 0;
        for (int t = 0; t < 200; t++)
        {
            // Random diagonal, coherences inside the positivity bounds |ρ14|² ≤ ρ11ρ44, |ρ23|² ≤ ρ22ρ33.
            var w = Enumerable.Range(0, 4).Select(_ => rng.Uniform() + 1e-3).ToArray();
            double sum = w.Sum();
            var p = w.Select(x => x / sum).ToArray();
            var z14 = Complex.FromPolarCoordinates(rng.Uniform() * Math.Sqrt(p[0] * p[3]), 2 * Math.PI * rng.Uniform());
            var z23 = Complex.FromPolarCoordinates(rng.Uniform() * Math.Sqrt(p[1] * p[2]), 2 * Math.PI * rng.Uniform());
            var m = new Complex[4, 4];
            for (int i = 0; i < 4; i++) m[i, i] = p[i];
            m[0, 3] = z14; m[3, 0] = Complex.Conjugate(z14);
            m[1, 2] = z23; m[2, 1] = Complex.Conjugate(z23);
            var rho = DensityMatrix.Create(m, CompositeSpace.Qubits(2));
            Assert.True(Concurrence.IsXState(rho));
            double expected = 2 * Math.Max(0, Math.Max(z14.Magnitude - Math.Sqrt(p[1] * p[2]), z23.Magnitude - Math.Sqrt(p[0] * p[3])));
            if (expected > 0) entangled++;
            Reference.AssertClose(expected, Concurrence.XState(rho), 1e-14, $"trial {t}: X formula");
            Reference.AssertClose(expected, Concurrence.Wootters(rho), 1e-12, $"trial {t}: Wootters");
        }
        Assert.True(entangled > 20, $"only {entangled} entangled samples: the test would not exercise the formula");
    }

    [Fact]
    public void WoottersConcurrence_IsLocalUnitaryInvariant_AndZeroForProductStates()
    {
        var rng = new QuantumRandom(136);
        for (int t = 0; t < 50; t++)
        {
            var rho = rng.MixedState(CompositeSpace.Qubits(2), 1 + t % 4);
            var local = rng.Unitary(2).KroneckerProduct(rng.Unitary(2));
            var rotated = DensityMatrix.Create(local * rho.ToMatrix() * local.ConjugateTranspose(), CompositeSpace.Qubits(2));
            Reference.AssertClose(Concurrence.Wootters(rho), Concurrence.Wootters(rotated), 1e-12, $"trial {t}");
            var product = DensityMatrix.Product(rng.MixedState(new CompositeSpace(2)), rng.MixedState(new CompositeSpace(2)));
            Reference.AssertClose(0, Concurrence.Wootters(product), 1e-12, $"trial {t}: product");
        }
    }

    [Fact]
    public void Negativity_OfPureStates_IsSumOfSchmidtCrossTerms()
    {
        // For a|00⟩ + b|11⟩ (real a, b): N = |ab|, E_N = ln(1 + 2|ab|) = 2 ln(a + b).
        foreach (double a in new[] { 0.2, 0.5, Math.Sqrt(0.5), 0.95 })
        {
            var rho = CollisionModel.Models.PaperModels.InitialState(a);
            double b = Math.Sqrt(1 - a * a);
            Reference.AssertClose(a * b, Negativity.Compute(rho), 1e-14, $"N a={a}");
            Reference.AssertClose(2 * Math.Log(a + b), Negativity.Logarithmic(rho), 1e-14, $"E_N a={a}");
            Reference.AssertClose(a * b, Negativity.Compute(rho, 0), 1e-14, "Γ on A equals Γ on B");
        }
    }
}
