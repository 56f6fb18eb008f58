using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Monitoring;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Monitoring;

/// <summary>
/// Counting with drives, on the Otto cycle (OttoCycle: ω_h = 2, ω_c = 1, N_h = 2 hot steps, N_c = 1 cold step, both
/// baths energy-measured): the work output ω_h N_h + ω_c N_c in units of ω_c, i.e. weights (2, 1), against the test's
/// own algebra. Per step n the test writes the cycle out: H_S(t_n) = ω(n)|1⟩⟨1| with ω = ω_h on the hot stroke
/// (n mod 3 &lt; 2) and ω_c on the cold one, half a step of it before and after the collisions (Strang); the active
/// bath's partial swap exp(−iθ(σ⁺σ⁻ + σ⁻σ⁺)), the inactive bath's collision the identity; each ancilla projected onto
/// |a⟩ before and |b⟩ after, count a − b (|1⟩ the excited level).
/// </summary>
public class DrivenCountingTests
{
    private const double OmegaHot = 2, OmegaCold = 1, BetaHot = 0.25, BetaCold = 2, ThetaHot = 0.4, ThetaCold = 0.6, Dt = 0.1;
    private const int HotSteps = 2, ColdSteps = 1, Period = HotSteps + ColdSteps;
    private static readonly int[] Weights = [2, 1];

    private static OttoCycle Otto() => new(OmegaHot, OmegaCold, BetaHot, BetaCold, ThetaHot, ThetaCold, HotSteps, ColdSteps, Dt);

    private static AncillaMeasurement?[] EnergyOnBoth(CollisionProtocol p) => [.. p.Baths.Select(b => AncillaMeasurement.Energy(b.Ancilla))];

    private static CountSelection Power => new([0, 1], Weights);

    // The conditional operation of bath j's collision at step n with outcome (a, b) on a 2 × 2 state.
    private static Matrix<Complex> Collide(Matrix<Complex> rho, int n, int j, int a, int b)
    {
        bool hot = n % Period < HotSteps;
        var excited = Pauli.Projector1;
        double omega = j == 0 ? OmegaHot : OmegaCold, beta = j == 0 ? BetaHot : BetaCold;
        double theta = j == 0 ? (hot ? ThetaHot : 0) : (hot ? 0 : ThetaCold);
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var w = Propagator(v, theta);
        var projector = new[] { Pauli.Projector0, Pauli.Projector1 };
        var eta = Gibbs(omega * excited, beta);
        var outProjector = Kron(Identity(2), projector[b]);
        var joint = outProjector * w * Kron(rho, projector[a] * eta * projector[a]) * w.ConjugateTranspose() * outProjector;
        return TraceOutLast(joint, 2, 2);
    }

    private static Matrix<Complex> HalfStep(int n) =>
        Propagator((n % Period < HotSteps ? OmegaHot : OmegaCold) * Pauli.Projector1, Dt / 2);

    private static Dictionary<long, double> EnumerateOutcomeStrings(Matrix<Complex> rho0, int steps)
    {
        var result = new Dictionary<long, double>();
        void Visit(Matrix<Complex> rho, int collision, long count)
        {
            int n = collision / 2, j = collision % 2;
            if (n == steps)
            {
                result[count] = result.GetValueOrDefault(count) + rho.Trace().Real;
                return;
            }
            var half = HalfStep(n);
            if (j == 0) rho = half * rho * half.ConjugateTranspose();
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                {
                    var next = Collide(rho, n, j, a, b);
                    if (next.Trace().Real == 0) continue; // an identity collision cannot change the level
                    if (j == 1) next = half * next * half.ConjugateTranspose();
                    Visit(next, collision + 1, count + Weights[j] * (a - b));
                }
        }
        Visit(rho0, 0, 0);
        return result;
    }

    // vec of a map on 2 × 2 matrices, column stacking, from its action on the matrix units.
    private static Matrix<Complex> SuperoperatorOf(Func<Matrix<Complex>, Matrix<Complex>> map)
    {
        var s = Matrix<Complex>.Build.Dense(4, 4);
        for (int c = 0; c < 4; c++)
        {
            var unit = Matrix<Complex>.Build.Dense(2, 2);
            unit[c % 2, c / 2] = 1;
            var image = map(unit);
            for (int r = 0; r < 4; r++) s[r, c] = image[r % 2, r / 2];
        }
        return s;
    }

    [Fact]
    public void The_weighted_count_of_a_driven_run_matches_an_enumeration_of_every_outcome_string()
    {
        // K = 4 steps (a period and a hot step) from a mixed diagonal state; 1e-12 for every n.
        const int steps = 4;
        var rho0 = DensityMatrix.Diagonal([0.7, 0.3]);
        var protocol = Otto().Protocol;
        var exact = FullCountingStatistics.Compute(protocol, EnergyOnBoth(protocol), rho0, Dt, steps, Power);
        var reference = EnumerateOutcomeStrings(rho0.ToMatrix(), steps);
        long lo = Math.Min(reference.Keys.Min(), exact.MinValue), hi = Math.Max(reference.Keys.Max(), exact.Values[^1]);
        for (long n = lo; n <= hi; n++) Assert.Equal(reference.GetValueOrDefault(n), exact.ProbabilityOf(n), 1e-12);
    }

    [Theory]
    [InlineData(-0.7)]
    [InlineData(0.3)]
    [InlineData(1.2)]
    public void Theta_per_period_is_the_log_spectral_radius_of_the_tilted_period_map(double s)
    {
        // Reference: the test's tilted period map Π_n U_n^{1/2} [Σ_ab e^{−s w_j (a − b)} (bath j's outcome (a, b))] U_n^{1/2}
        // from its own algebra, and its spectral radius by MathNet's eigenvalues; 1e-12.
        var reference = Matrix<Complex>.Build.DenseIdentity(4);
        for (int n = 0; n < Period; n++)
        {
            var half = HalfStep(n);
            var step = SuperoperatorOf(x => half * x * half.ConjugateTranspose());
            for (int j = 0; j < 2; j++)
            {
                int bath = j;
                var tilted = Matrix<Complex>.Build.Dense(4, 4);
                for (int a = 0; a < 2; a++)
                    for (int b = 0; b < 2; b++)
                    {
                        int aa = a, bb = b;
                        tilted += Math.Exp(-s * Weights[bath] * (a - b)) * SuperoperatorOf(x => Collide(x, n, bath, aa, bb));
                    }
                step = tilted * step;
            }
            reference = SuperoperatorOf(x => half * x * half.ConjugateTranspose()) * step * reference;
        }
        double expected = Math.Log(reference.Evd().EigenValues.Max(z => z.Magnitude));
        var protocol = Otto().Protocol;
        var map = CountResolvedMap.ForPeriod(protocol, EnergyOnBoth(protocol), Dt, Power);
        Assert.Equal(expected, ScaledCumulantGeneratingFunction.Theta(map, s), 1e-12);
    }

    [Fact]
    public void The_mean_work_output_per_period_is_the_limit_cycle_population_swing()
    {
        // Over a limit cycle the hot bath gives up Δ = p_h* − p_c* quanta on average and the cold bath takes Δ, so
        // ⟨2N_h + N_c⟩ per period = Δ (the closed form of OttoCycleTests, here with N_h = 2, N_c = 1); 1e-12.
        double qh = 1 / (1 + Math.Exp(BetaHot * OmegaHot)), qc = 1 / (1 + Math.Exp(BetaCold * OmegaCold));
        double ah = Math.Pow(Math.Cos(ThetaHot), 2 * HotSteps), ac = Math.Pow(Math.Cos(ThetaCold), 2 * ColdSteps);
        double delta = (1 - ah) * (1 - ac) * (qh - qc) / (1 - ah * ac);
        var protocol = Otto().Protocol;
        var rates = ScaledCumulantGeneratingFunction.Rates(CountResolvedMap.ForPeriod(protocol, EnergyOnBoth(protocol), Dt, Power))!.Value;
        Assert.Equal(delta, rates.Mean, 1e-12);
        Assert.True(rates.Variance > 0);
    }

    [Theory]
    [InlineData(int.MaxValue, 1)]
    [InlineData(2048, 1)]
    public void Weights_whose_step_count_spans_more_than_the_dense_limit_are_refused_naming_weights(int hot, int cold)
    {
        // Each energy-measured qubit bath's count spreads over −1 … 1, so the step spans 2(|w_h| + |w_c|) > 4096 values;
        // the product would overflow an int for the first pair.
        var protocol = Otto().Protocol;
        var e = Assert.Throws<ParameterOutOfRangeException>(() => CountResolvedMap.ForPeriod(protocol, EnergyOnBoth(protocol), Dt, new CountSelection([0, 1], [hot, cold])));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void A_period_that_is_not_a_whole_number_of_steps_has_no_period_map()
    {
        var protocol = Otto().Protocol;
        var e = Assert.Throws<ParameterOutOfRangeException>(() => CountResolvedMap.ForPeriod(protocol, EnergyOnBoth(protocol), 0.07, Power));
        Assert.Equal("period", e.ParamName);
    }
}
