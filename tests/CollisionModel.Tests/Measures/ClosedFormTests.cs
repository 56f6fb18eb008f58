using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Measures;

public class ClosedFormTests
{
    [Fact]
    public void EntanglementEntropy_OfCosPiOver8State_Is0_41649553()
    {
        // S_A = h(cos²(π/8)) = 0.41649553… nats (docs/conventions.md §4 table).
        double c = Math.Cos(Math.PI / 8), s = Math.Sin(Math.PI / 8);
        var psi = Ket.Create(new Complex[] { c, 0, 0, s }, CompositeSpace.Qubits(2));
        var rho = DensityMatrix.FromKet(psi);
        double expected = Reference.H(c * c);
        Reference.AssertClose(0.41649553, expected, 5e-9, "closed form itself");
        Reference.AssertClose(expected, Entropy.VonNeumann(rho, [0]), 1e-13, "S_A");
        Reference.AssertClose(expected, Entropy.VonNeumann(rho, [1]), 1e-13, "S_B");
        Reference.AssertClose(0, Entropy.VonNeumann(rho), 1e-13, "S_AB of a pure state");
        Reference.AssertClose(expected / Math.Log(2), Entropy.VonNeumann(rho.Reduced(0), InformationUnit.Bits), 1e-13, "bits");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void EntanglementEntropy_OfSchmidtState_IsBinaryEntropyOfSchmidtWeight(double theta)
    {
        // cos θ |00⟩ + sin θ |11⟩ → S_A = h(cos²θ).
        var psi = Ket.Create(new Complex[] { Math.Cos(theta), 0, 0, Math.Sin(theta) }, CompositeSpace.Qubits(2));
        double p = Math.Cos(theta) * Math.Cos(theta);
        double expected = p is 0 or 1 ? 0 : Reference.H(p);
        Reference.AssertClose(expected, Entropy.VonNeumann(DensityMatrix.FromKet(psi), [0]), 1e-12);
    }

    [Theory]
    [InlineData(new[] { 2 })]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { 2, 2 })]
    [InlineData(new[] { 2, 3, 2 })]
    [InlineData(new[] { 5, 7 })]
    public void MaximallyMixedState_HasEntropyLnD(int[] dims)
    {
        var space = new CompositeSpace(dims);
        var rho = DensityMatrix.MaximallyMixed(space);
        Reference.AssertClose(Math.Log(space.Dimension), Entropy.VonNeumann(rho), 1e-13, "S");
        Reference.AssertClose(Math.Log(dims[0]), Entropy.VonNeumann(rho, [0]), 1e-13, "S of first factor");
        Reference.AssertClose(1.0 / space.Dimension, rho.Purity, 1e-15, "purity");
    }

    [Fact]
    public void BellDiagonalState_EntropyIsShannonOfWeights_MarginalsAreMaximallyMixed()
    {
        double[] p = [0.7, 0.1, 0.1, 0.1];
        var rho = TwoQubitStates.BellDiagonal(p);
        double s = Reference.Shannon(p); // 0.9404479886…
        Reference.AssertClose(0.94044798862, s, 1e-10, "closed form");
        Reference.AssertClose(s, Entropy.VonNeumann(rho), 1e-13, "S_AB");
        Reference.AssertClose(Math.Log(2), Entropy.VonNeumann(rho, [0]), 1e-13, "S_A");
        Reference.AssertClose(2 * Math.Log(2) - s, Correlations.MutualInformation(rho, [0], [1]), 1e-13, "I(A:B)");
    }

    [Theory]
    [InlineData(0.7, 0.1, 0.1, 0.1)]
    [InlineData(0.1, 0.6, 0.2, 0.1)]
    [InlineData(0.25, 0.25, 0.25, 0.25)]
    [InlineData(0.5, 0.5, 0, 0)]
    [InlineData(0.05, 0.05, 0.1, 0.8)]
    public void BellDiagonalState_ConcurrenceIsTwoPmaxMinusOne_NegativityIsPmaxMinusHalf(double p1, double p2, double p3, double p4)
    {
        var rho = TwoQubitStates.BellDiagonal(p1, p2, p3, p4);
        double pmax = new[] { p1, p2, p3, p4 }.Max();
        Reference.AssertClose(Math.Max(0, 2 * pmax - 1), Concurrence.Wootters(rho), 1e-12, "Wootters");
        Reference.AssertClose(Math.Max(0, 2 * pmax - 1), Concurrence.XState(rho), 1e-13, "X-state formula");
        Reference.AssertClose(Math.Max(0, pmax - 0.5), Negativity.Compute(rho), 1e-13, "N");
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void WernerState_SingletFidelityF_EntropyAndConcurrenceTwoFMinusOne(double f)
    {
        var rho = TwoQubitStates.WernerFidelity(f);
        // Spectrum {F, (1−F)/3 ×3}.
        double s = Reference.Shannon(f, (1 - f) / 3, (1 - f) / 3, (1 - f) / 3);
        Reference.AssertClose(s, Entropy.VonNeumann(rho), 1e-12, "S");
        Reference.AssertClose(Math.Max(0, 2 * f - 1), Concurrence.Wootters(rho), 1e-12, "C");
        Reference.AssertClose(Math.Max(0, f - 0.5), Negativity.Compute(rho), 1e-13, "N");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0 / 3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void WernerState_MixingWeightP_ConcurrenceIsThreePMinusOneOverTwo(double p)
    {
        // p|Ψ⁻⟩⟨Ψ⁻| + (1−p)1/4 has singlet fidelity F = (1+3p)/4, so C = 2F − 1 = (3p − 1)/2, entangled iff p > 1/3.
        var rho = TwoQubitStates.WernerMixing(p);
        Reference.AssertClose(Math.Max(0, (3 * p - 1) / 2), Concurrence.Wootters(rho), 1e-12, "C");
        double top = (1 + 3 * p) / 4, rest = (1 - p) / 4;
        Reference.AssertClose(Reference.Shannon(top, rest, rest, rest), Entropy.VonNeumann(rho), 1e-12, "S");
    }

    [Fact]
    public void BellState_NegativityIsHalf_LogNegativityIsLn2_ConcurrenceIsOne()
    {
        var rho = DensityMatrix.FromKet(Ket.PhiPlus);
        Reference.AssertClose(0.5, Negativity.Compute(rho), 1e-14, "N");
        Reference.AssertClose(Math.Log(2), Negativity.Logarithmic(rho), 1e-14, "E_N");
        Reference.AssertClose(1, Concurrence.Wootters(rho), 1e-12, "C");
        Reference.AssertClose(Math.Log(2), Entropy.VonNeumann(rho, [0]), 1e-14, "S_A");
        var ev = Negativity.PartialTransposeEigenvalues(rho);
        Reference.AssertClose(-0.5, ev[0], 1e-14, "ρ^Γ has eigenvalue −½");
    }

    [Fact]
    public void PhysicsTable_EqFiveDecayOnB_ConcurrenceAtHalfTime()
    {
        // docs/conventions.md §2 item 5 X state, Bell input, η = 0, t = 0.5: C = 0.778801 (κ = 0) and 0.438560 (κ = 0.5).
        Reference.AssertClose(0.778801, Concurrence.Wootters(EqFiveState(1, 0, 0.5)), 1e-6, "κ = 0");
        Reference.AssertClose(0.438560, Concurrence.Wootters(EqFiveState(1, 0.5, 0.5)), 1e-6, "κ = 0.5");
        // Closed forms (a = b = 1/√2): C = e^{−t/2} for κ = 0; C = e^{−Gt/2} − (√2/3)(1 − e^{−Gt}) for G = 1.5.
        Reference.AssertClose(Math.Exp(-0.25), Concurrence.XState(EqFiveState(1, 0, 0.5)), 1e-14, "X formula κ = 0");
        Reference.AssertClose(Math.Exp(-0.375) - Math.Sqrt(0.5) / 1.5 * (1 - Math.Exp(-0.75)),
            Concurrence.XState(EqFiveState(1, 0.5, 0.5)), 1e-14, "X formula κ = 0.5");
    }

    private static DensityMatrix EqFiveState(double gamma, double kappa, double t)
    {
        double a2 = 0.5, b2 = 0.5, ab = 0.5, g = gamma + kappa, e = Math.Exp(-g * t);
        var m = new Complex[4, 4];
        m[0, 0] = a2 * (1 - kappa / g * (1 - e));
        m[1, 1] = a2 * kappa / g * (1 - e);
        m[2, 2] = b2 * gamma / g * (1 - e);
        m[3, 3] = b2 * (kappa / g + gamma / g * e);
        m[0, 3] = ab * Math.Exp(-g / 2 * t);
        m[3, 0] = m[0, 3];
        return DensityMatrix.Create(m, CompositeSpace.Qubits(2));
    }

    [Fact]
    public void RelativeEntropy_BellDiagonalToItsClosestSeparable_Is0_08228288()
    {
        // σ* = Bell-diagonal (½, ⅙, ⅙, ⅙); S(ρ‖σ*) = ln 2 − h(0.7) (docs/conventions.md §4).
        var rho = TwoQubitStates.BellDiagonal(0.7, 0.1, 0.1, 0.1);
        var sigma = TwoQubitStates.BellDiagonal(0.5, 1.0 / 6, 1.0 / 6, 1.0 / 6);
        Reference.AssertClose(0.08228288, Math.Log(2) - Reference.H(0.7), 5e-9, "closed form");
        Reference.AssertClose(Math.Log(2) - Reference.H(0.7), RelativeEntropy.Compute(rho, sigma), 1e-13);
    }

    [Fact]
    public void RelativeEntropy_WernerPoint8ToSeparableWerner_Is0_19274476()
    {
        var rho = TwoQubitStates.WernerFidelity(0.8);
        var sigma = TwoQubitStates.WernerFidelity(0.5);
        double expected = 0.8 * Math.Log(0.8 / 0.5) + 0.2 * Math.Log(0.2 / 0.5);
        Reference.AssertClose(0.19274476, expected, 5e-9, "closed form");
        Reference.AssertClose(expected, RelativeEntropy.Compute(rho, sigma), 1e-13);
    }

    [Fact]
    public void RelativeEntropy_ToDephasedState_IsEntropyGain_0_19594611()
    {
        // S(ρ‖Δρ) = S(Δρ) − S(ρ) for the maximally correlated [[.6, .3], [.3, .4]] on |00⟩, |11⟩.
        var m = new Complex[4, 4];
        m[0, 0] = 0.6; m[3, 3] = 0.4; m[0, 3] = 0.3; m[3, 0] = 0.3;
        var rho = DensityMatrix.Create(m, CompositeSpace.Qubits(2));
        var dephased = DensityMatrix.Diagonal([0.6, 0, 0, 0.4]);
        double disc = Math.Sqrt(0.01 + 0.09); // eigenvalues 0.5 ± √(0.1² + 0.3²)
        double expected = Reference.Shannon(0.6, 0.4) - Reference.Shannon(0.5 + disc, 0.5 - disc);
        Reference.AssertClose(0.19594611, expected, 5e-9, "closed form");
        Reference.AssertClose(expected, RelativeEntropy.Compute(rho, dephased), 1e-12);
    }
}
