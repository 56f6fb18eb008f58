using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Monitoring;

/// <summary>
/// Counting on systems above the dense maps' d_S = 16 (there the step is applied by its sparse Kraus operators): a
/// chain of five qubits (d_S = 32) against the test's own algebra on S ⊗ E and against closed forms.
/// </summary>
public class LargeSystemCountingTests
{
    private const int Qubits = 5, D = 32;
    private const double Dt = 0.05, Omega = 1, Hopping = 0.3, BetaHot = 0.3, BetaCold = 1.5;
    private static readonly Matrix<Complex> Sp = Pauli.SigmaPlus, Sm = Pauli.SigmaMinus, Z = Pauli.Z, I2 = Identity(2);

    // The single-qubit operator m on qubit `site` of the chain (qubit 0 most significant).
    private static Matrix<Complex> On(int site, Matrix<Complex> m) => Kron([.. Enumerable.Range(0, Qubits).Select(k => k == site ? m : I2)]);

    // H_S = Σ ½ω Z_i + J Σ (σ⁺_i σ⁻_{i+1} + h.c.): dense, so its Strang halves couple every qubit.
    private static Matrix<Complex> ChainHamiltonian()
    {
        var h = Matrix<Complex>.Build.Dense(D, D);
        for (int i = 0; i < Qubits; i++) h += 0.5 * Omega * On(i, Z);
        for (int i = 0; i + 1 < Qubits; i++) h += Hopping * (On(i, Sp) * On(i + 1, Sm) + On(i, Sm) * On(i + 1, Sp));
        return h;
    }

    // A hot bath on qubit 0 and a cold one on qubit 4, qubit ancillas H_E = ½ωZ, partial swaps at rate 1.
    private static CollisionProtocol Chain() => new([.. Enumerable.Repeat(2, Qubits)], [Qubits - 1],
    [
        new Bath([0], AncillaState.Thermal(0.5 * Omega * Z, BetaHot), BathCollision.WithRate(Kron(Sp, Sm) + Kron(Sm, Sp), 1)),
        new Bath([Qubits - 1], AncillaState.Thermal(0.5 * Omega * Z, BetaCold), BathCollision.WithRate(Kron(Sp, Sm) + Kron(Sm, Sp), 1)),
    ], ChainHamiltonian());

    private static AncillaMeasurement?[] EnergyOnBoth(CollisionProtocol p) => [.. p.Baths.Select(b => AncillaMeasurement.Energy(b.Ancilla))];

    // Full rank with coherences: ½ a graded diagonal + ½ |ψ⟩⟨ψ| for a ψ with complex entries on every level.
    private static DensityMatrix Initial()
    {
        var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(D, i => new Complex(1 + 0.1 * i, 0.3 * Math.Sin(i)));
        psi /= psi.L2Norm();
        var rho = 0.5 * Matrix<Complex>.Build.DenseDiagonal(D, D, i => (1.0 + i) / (D * (D + 1) / 2.0)) + 0.5 * psi.OuterProduct(psi.Conjugate());
        return DensityMatrix.Create(rho);
    }

    /// <summary>
    /// Every outcome string of K steps on S ⊗ E (64 dimensions) by the tests' brute-force enumerator, with
    /// W = exp(−i√(δt) V) and the Strang halves exp(−iH_S δt/2) built here.
    /// </summary>
    private static Dictionary<long, double> EnumerateOutcomeStrings(int steps, int weightHot, int weightCold)
    {
        var half = Propagator(ChainHamiltonian(), Dt / 2);
        var eta = new[] { Gibbs(0.5 * Omega * Z, BetaHot), Gibbs(0.5 * Omega * Z, BetaCold) };
        var v = new[] { Kron(On(0, Sp), Sm) + Kron(On(0, Sm), Sp), Kron(On(Qubits - 1, Sp), Sm) + Kron(On(Qubits - 1, Sm), Sp) };
        var w = v.Select(x => Propagator(x, Math.Sqrt(Dt))).ToArray();
        return OutcomeStrings.Enumerate(Initial().ToMatrix(), half, w, eta, [weightHot, weightCold], steps);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    [InlineData(3, -1)]
    public void A_32_level_chains_count_distribution_matches_an_enumeration_of_every_outcome_string(int weightHot, int weightCold)
    {
        // Reference: the 4⁴ outcome strings of K = 2 steps propagated one by one on S ⊗ E by the test's own algebra;
        // P(n), the mean and the variance to 1e-12.
        const int steps = 2;
        var protocol = Chain();
        var selection = weightCold == 0 ? CountSelection.Single(0) : new CountSelection([0, 1], [weightHot, weightCold]);
        var exact = FullCountingStatistics.Compute(protocol, EnergyOnBoth(protocol), Initial(), Dt, steps, selection);
        var reference = EnumerateOutcomeStrings(steps, weightHot, weightCold);
        long lo = Math.Min(reference.Keys.Min(), exact.MinValue), hi = Math.Max(reference.Keys.Max(), exact.Values[^1]);
        for (long n = lo; n <= hi; n++) Assert.Equal(reference.GetValueOrDefault(n), exact.ProbabilityOf(n), 1e-12);
        double mean = reference.Sum(e => e.Key * e.Value), variance = reference.Sum(e => (e.Key - mean) * (e.Key - mean) * e.Value);
        Assert.Equal(mean, exact.Cumulants[0], 1e-12);
        Assert.Equal(variance, exact.Cumulants[1], 1e-12);
        Assert.Equal(variance, exact.Records[^1].Variance, 1e-12);
    }

    /// <summary>
    /// A coin on the chain: exp(−iθ 1⊗σ_x) rotates its ancilla |0⟩ without touching the system, the outgoing ancilla
    /// read in |0⟩, |1⟩ counts 1 with probability p = sin²θ, independently at every step, while the chain evolves under
    /// its Hamiltonian and the two thermal baths (unmeasured), which give it a unique stationary state.
    /// </summary>
    private static (CollisionProtocol Protocol, AncillaMeasurement?[] Measurements, double P) Coin(double theta)
    {
        var chain = Chain();
        var protocol = new CollisionProtocol([.. Enumerable.Repeat(2, Qubits)], [Qubits - 1],
            [new Bath([2], AncillaState.Ground, BathCollision.WithAngle(Kron(I2, Pauli.X), theta)), .. chain.Baths], ChainHamiltonian());
        return (protocol, [AncillaMeasurement.InBasis([[1, 0], [0, 1]]), null, null], Math.Pow(Math.Sin(theta), 2));
    }

    [Fact]
    public void A_coin_on_a_32_level_chain_counts_binomially()
    {
        // Closed form: P(n) = C(K, n) pⁿ (1 − p)^{K−n}, p = sin²θ; κ1 = Kp, κ2 = Kp(1 − p). 1e-12.
        const int steps = 6;
        var (protocol, measurements, p) = Coin(0.6);
        var d = FullCountingStatistics.Compute(protocol, measurements, Initial(), Dt, steps, CountSelection.Single(0));
        double choose = 1;
        for (int n = 0; n <= steps; n++)
        {
            if (n > 0) choose = choose * (steps - n + 1) / n;
            Assert.Equal(choose * Math.Pow(p, n) * Math.Pow(1 - p, steps - n), d.ProbabilityOf(n), 1e-12);
        }
        Assert.Equal(steps * p, d.Cumulants[0], 1e-12);
        Assert.Equal(steps * p * (1 - p), d.Cumulants[1], 1e-12);
    }

    [Fact]
    public void A_coin_on_a_32_level_chain_has_the_closed_form_scgf_and_rates()
    {
        // θ(s) = ln(1 − p + p e^{−s}) per step; mean rate p, variance rate p(1 − p). 1e-12.
        var (protocol, measurements, p) = Coin(0.6);
        double[] s = [-1, -0.2, 0, 0.3, 2];
        var theta = ScaledCumulantGeneratingFunction.Theta(protocol, measurements, Dt, CountSelection.Single(0), s);
        for (int i = 0; i < s.Length; i++) Assert.Equal(Math.Log(1 - p + p * Math.Exp(-s[i])), theta[i], 1e-12);
        var rates = ScaledCumulantGeneratingFunction.Rates(protocol, measurements, Dt, CountSelection.Single(0));
        Assert.NotNull(rates);
        Assert.Equal(p, rates.Value.Mean, 1e-12);
        Assert.Equal(p * (1 - p), rates.Value.Variance, 1e-12);
    }

    [Fact]
    public void On_a_32_level_chain_the_integral_fluctuation_theorem_holds_and_the_mean_is_the_entropy_change_minus_the_heat_flow()
    {
        // ⟨e^{−Σ}⟩ = 1 for a full-rank start (unitarity), 1e-12; ⟨Σ⟩ = S(ρ_K) − S(ρ_0) − Σ_j β_j Q_j with ρ_K and
        // Q_j = tr H_E η − tr H_E η′ propagated here on S ⊗ E without any measurement, 1e-12.
        const int steps = 3;
        var protocol = Chain();
        var r = StochasticEntropyProduction.Compute(protocol, EnergyOnBoth(protocol), Initial(), Dt, steps);
        Assert.Equal(1, r.ExponentialAverage, 1e-12);

        var half = Propagator(ChainHamiltonian(), Dt / 2);
        var he = 0.5 * Omega * Z;
        var eta = new[] { Gibbs(he, BetaHot), Gibbs(he, BetaCold) };
        var v = new[] { Kron(On(0, Sp), Sm) + Kron(On(0, Sm), Sp), Kron(On(Qubits - 1, Sp), Sm) + Kron(On(Qubits - 1, Sm), Sp) };
        var w = v.Select(x => Propagator(x, Math.Sqrt(Dt))).ToArray();
        var rho = Initial().ToMatrix();
        var heat = new double[2];
        for (int n = 0; n < steps; n++)
        {
            rho = half * rho * half.ConjugateTranspose();
            for (int j = 0; j < 2; j++)
            {
                var joint = w[j] * Kron(rho, eta[j]) * w[j].ConjugateTranspose();
                heat[j] += Expectation(he, eta[j]) - Expectation(he, TraceOutFirst(joint, D, 2));
                rho = TraceOutLast(joint, D, 2);
            }
            rho = half * rho * half.ConjugateTranspose();
        }
        double expected = Entropy(rho) - Entropy(Initial().ToMatrix()) - BetaHot * heat[0] - BetaCold * heat[1];
        Assert.Equal(expected, r.Mean, 1e-12);
        Assert.Equal(heat[0] / Omega, r.MeanCounts[0], 1e-12);
    }
}
