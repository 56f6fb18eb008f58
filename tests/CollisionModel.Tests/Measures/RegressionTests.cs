using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;

namespace CollisionModel.Tests.Measures;

/// <summary>Bugs seen in other quantum libraries, each pinned by a value that exposes it.</summary>
public class RegressionTests
{
    [Fact]
    public void EntropyOfSubsystem_OnMixedProductInput_IsTheFactorsEntropy_NotHalfOrTwiceAnything()
    {
        // Factor-2 bug: "entanglement entropy" computed as S_AB/2 or 2 S_A on mixed input. For ρ_A ⊗ ρ_B,
        // S_A = S(ρ_A) exactly and S_AB = S_A + S_B.
        var a = DensityMatrix.Diagonal([0.9, 0.1]);
        var b = DensityMatrix.Diagonal([0.5, 0.3, 0.2]);
        var ab = DensityMatrix.Product(a, b);
        double sa = Reference.Shannon(0.9, 0.1), sb = Reference.Shannon(0.5, 0.3, 0.2);
        Reference.AssertClose(sa, Entropy.VonNeumann(ab, [0]), 1e-14, "S_A");
        Reference.AssertClose(sb, Entropy.VonNeumann(ab, [1]), 1e-14, "S_B");
        Reference.AssertClose(sa + sb, Entropy.VonNeumann(ab), 1e-14, "S_AB");
    }

    [Fact]
    public void MutualInformation_IncludesJointEntropy_ZeroForProductAndLn2ForClassicalCorrelation()
    {
        // A library missing −S_XY would report S_A + S_B = 2 ln 2 for 1/4 and for the classically correlated state.
        var product = DensityMatrix.MaximallyMixed(CompositeSpace.Qubits(2));
        Reference.AssertClose(0, Correlations.MutualInformation(product, [0], [1]), 1e-14, "product");
        var classical = DensityMatrix.Diagonal([0.5, 0, 0, 0.5]);
        Reference.AssertClose(Math.Log(2), Correlations.MutualInformation(classical, [0], [1]), 1e-14, "½(|00⟩⟨00| + |11⟩⟨11|)");
        Reference.AssertClose(1.0, Correlations.MutualInformation(classical, [0], [1], InformationUnit.Bits), 1e-14, "in bits");
    }

    [Fact]
    public void ConditionalEntropy_OfBellState_IsMinusLn2()
    {
        var bell = DensityMatrix.FromKet(Ket.PhiPlus);
        Reference.AssertClose(-Math.Log(2), Correlations.ConditionalEntropy(bell, [0], [1]), 1e-14);
    }

    [Fact]
    public void ConditionalMutualInformation_OfMarkovChain_IsZero_AndOfGhzIsLn2()
    {
        // Classical Markov chain A→B→C (copying B): ½(|000⟩⟨000| + |111⟩⟨111|) has I(A:C|B) = 0.
        var ghzClassical = DensityMatrix.Diagonal([0.5, 0, 0, 0, 0, 0, 0, 0.5]);
        Reference.AssertClose(0, Correlations.ConditionalMutualInformation(ghzClassical, [0], [2], [1]), 1e-14, "Markov");
        // Pure GHZ: S_AB = S_BC = S_B = ln 2, S_ABC = 0 → I(A:C|B) = ln 2.
        var amps = new Complex[8];
        amps[0] = amps[7] = Math.Sqrt(0.5);
        var ghz = DensityMatrix.FromKet(Ket.Create(amps, CompositeSpace.Qubits(3)));
        Reference.AssertClose(Math.Log(2), Correlations.ConditionalMutualInformation(ghz, [0], [2], [1]), 1e-13, "GHZ");
    }

    [Fact]
    public void EntropyOfHermitianWithTinyImaginaryNoise_IsFiniteAndCorrect()
    {
        // Complex contamination: a general (non-Hermitian) eigensolver returns eigenvalues like 0.3 + 1e−17i and
        // ln of a complex/negative tiny value gives NaN. Here entries carry 1e−15 skew noise and an exact zero eigenvalue.
        var rng = new QuantumRandom(111);
        var u = rng.Unitary(4);
        var clean = u * Reference.Diag(0.5, 0.3, 0.2, 0) * u.ConjugateTranspose();
        var noisy = clean + 1e-15 * rng.Ginibre(4, 4);
        noisy /= noisy.Trace().Real;
        var rho = DensityMatrix.Create(noisy, CompositeSpace.Qubits(2));
        double s = Entropy.VonNeumann(rho);
        Assert.True(double.IsFinite(s));
        Reference.AssertClose(Reference.Shannon(0.5, 0.3, 0.2), s, 1e-13);
        var values = new double[4];
        Reference.AssertClose(s, Entropy.OfMatrix(noisy.ToColumnMajorArray(), 4, values, new Complex[16]), 1e-13, "span path");
    }

    [Fact]
    public void EntropyOfPureStateWithRoundoffEigenvalues_IsZeroNotNaN()
    {
        var psi = new QuantumRandom(112).Ket(new CompositeSpace(8));
        var rho = DensityMatrix.FromKet(psi);
        // Eigenvalues of |ψ⟩⟨ψ| are {1, 0 ×7} up to ±1e−16, some negative.
        double s = Entropy.VonNeumann(rho);
        Assert.False(double.IsNaN(s));
        Reference.AssertClose(0, s, 1e-13);
    }
}
