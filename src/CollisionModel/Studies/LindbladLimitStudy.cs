using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Measures.Entanglement;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using CollisionModel.Validation;

namespace CollisionModel.Studies;

/// <summary>
/// The Lindblad limit of any protocol that has one (<see cref="LindbladLimit"/>), integrated exactly from a given
/// initial state at N equally spaced times in [0, T]: ρ(t), S_A, S_B, S_AB, the system energy tr ρ H_S, the local
/// master equation's heat current per bath (<see cref="LimitHeatCurrents"/>), Spohn's entropy production σ against
/// the stationary state reached from ρ(0), and, for two qubits, E_R, concurrence, σ_E and |σ_E|/σ as in
/// <see cref="MasterEquationStudy"/>; plus the steady state and its currents (<see cref="SteadyState.OfLindbladLimit"/>).
/// Cost: one d_S²×d_S² propagator exp(𝓛Δt) reused N − 1 times (O(N d_S⁴)), one O(d_S⁶) null-space solve, and per
/// point a few d_S³ eigen-problems (plus one warm-started E_R solve for two qubits).
/// </summary>
public static class LindbladLimitStudy
{
    /// <summary>
    /// Runs the study. Throws <see cref="ParameterOutOfRangeException"/> naming the bath when the protocol has no
    /// Lindblad limit (<see cref="CollisionProtocol.WhyNoLindbladLimit"/>) or a rate·‖V‖² above
    /// <see cref="MaxDissipatorScale"/>, for T ≤ 0 or not finite and for N &lt; 2;
    /// <see cref="DimensionMismatchException"/> when the initial state is not on the protocol's system.
    /// </summary>
    /// <param name="protocol">A memoryless protocol whose baths all have a rate and a zero-mean coupling.</param>
    /// <param name="initialState">ρ(0) on the protocol's system.</param>
    /// <param name="endTime">T &gt; 0.</param>
    /// <param name="points">N ≥ 2; t_i = i·T/(N − 1), the last one T exactly.</param>
    /// <param name="progress">Receives the fraction done (0…1), optional.</param>
    public static LindbladLimitStudyResult Run(CollisionProtocol protocol, DensityMatrix initialState, double endTime, int points,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(initialState);
        if (protocol.WhyNoLindbladLimit() is { } why) throw new ParameterOutOfRangeException(why, "baths");
        CheckDissipatorScale(protocol);
        Guard.Positive(endTime, nameof(endTime));
        if (points < 2) throw new ParameterOutOfRangeException($"points must be ≥ 2, got {points}.", nameof(points));
        if (initialState.Dimension != protocol.SystemDimension)
            throw new DimensionMismatchException($"The initial state has dimension {initialState.Dimension}, the system {protocol.SystemDimension}.", nameof(initialState));
        var rho0 = initialState.Space.Equals(protocol.SystemSpace) ? initialState : initialState.WithSpace(protocol.SystemSpace);

        var generator = protocol.LindbladLimitGenerator();
        var steady = SteadyState.OfLindbladLimit(protocol, rho0);
        var currents = new LimitHeatCurrents(protocol);
        var hs = protocol.SystemHamiltonian;
        bool twoQubits = protocol.SystemSpace.Dimensions is [2, 2];
        // At t = 0 of a pure state S(t) has an infinite one-sided derivative: σ and σ_E do not exist there.
        bool pureStart = rho0.Purity > 1 - Tolerances.ZeroEigenvalue;

        var result = new List<LindbladLimitPoint>(points);
        DensityMatrix? warmStart = null;
        double? maxRatio = null;
        int i = 0;
        foreach (var (t, rho) in ExactPropagator.OverGrid(generator, rho0, endTime, points))
        {
            bool initialPure = i == 0 && pureStart;
            ReeResult? ree = null;
            double? concurrence = null;
            ProductionRates rates;
            if (twoQubits)
            {
                ree = RelativeEntropyOfEntanglement.Compute(rho, null, warmStart);
                if (ree.Method != ReeMethod.Separable) warmStart = ree.ClosestSeparable;
                concurrence = MasterEquationStudy.ConcurrenceOf(rho);
                rates = ProductionRates.Evaluate(generator, rho, steady.State, ree, initialPure);
                if (rates.ConjectureRatio is double r && (maxRatio is null || r > maxRatio)) maxRatio = r;
            }
            else
            {
                double? sigma = initialPure ? null : EntropyProduction.Compute(generator, rho, steady.State).Sigma;
                rates = new ProductionRates(sigma, null, null);
            }
            result.Add(new LindbladLimitPoint(t, rho,
                Entropy.VonNeumann(rho, protocol.SubsystemsA), Entropy.VonNeumann(rho, protocol.SubsystemsB), Entropy.VonNeumann(rho),
                ree?.Value, ree?.LowerBound, concurrence, rates,
                hs is null ? null : (hs * rho.ToMatrix()).Trace().Real,
                WithBathEnergy(protocol, currents.Evaluate(rho))));
            i++;
            progress?.Report(i / (points + 1.0));
        }
        progress?.Report(1);
        return new LindbladLimitStudyResult(result, steady.State, WithBathEnergy(protocol, steady.HeatCurrents), maxRatio);
    }

    /// <summary>
    /// The largest dissipator scale rate·‖V‖² (‖V‖ the largest |eigenvalue| of the coupling) the study resolves: 𝓛(ρ)
    /// carries a rounding error of ~rate·‖V‖²·10⁻¹⁶, and the rates' trace and Hermiticity checks allow 10⁻⁹ (in units
    /// of max(1, ‖ρ̇‖)), so near the steady state a larger scale fails them or makes the propagated state NaN
    /// (rate 10³⁰ did). Rates in a larger unit are the same model in a shorter time unit.
    /// </summary>
    public const double MaxDissipatorScale = 1e6;

    // Refuses a bath (or cascade entry) whose rate·‖V‖² exceeds MaxDissipatorScale, naming it.
    private static void CheckDissipatorScale(CollisionProtocol protocol)
    {
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            var bath = protocol.Baths[j];
            string where = bath.Name is { } name ? $"baths[{j}] (\"{name}\")" : $"baths[{j}]";
            var collisions = bath.Collision.Cascade is { } cascade
                ? cascade.Entries.Select((e, i) => (e.Collision, $"{where}.cascade[{i}]"))
                : [(bath.Collision, where)];
            foreach (var (collision, at) in collisions)
            {
                if (collision.Rate is not { } rate || collision.Coupling is not { } v) continue;
                double norm = Numerics.HermitianEigen.Decompose(v).Values.Max(Math.Abs);
                double scale = rate * norm * norm;
                if (scale > MaxDissipatorScale)
                    throw new ParameterOutOfRangeException(
                        $"{at}.rate: the dissipator scale rate × ‖V‖² = {scale:G3} exceeds {MaxDissipatorScale:G1}: 𝓛(ρ) would carry a rounding "
                        + "error above what the production rates resolve; give the rates in a shorter time unit (and the time in the same unit).", "rate");
            }
        }
    }

    /// <summary>A heat current is reported only for the baths whose ancillas carry energy (a Hamiltonian H_E).</summary>
    private static double?[] WithBathEnergy(CollisionProtocol protocol, IReadOnlyList<double?> currents) =>
        currents.Select((j, k) => protocol.Baths[k].Ancilla.Hamiltonian is null ? null : j).ToArray();
}
