using CollisionModel.Measures;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.MasterEquation;

/// <summary>
/// Entanglement sudden death: the first time t &gt; 0 at which the concurrence of a two-qubit trajectory reaches 0.
/// The concurrence is sampled on a uniform grid up to a horizon (exact propagation), the first grid interval
/// where it reaches zero is bisected on exp(𝓛t)ρ(0) down to the requested tolerance. A death and revival that
/// both fall inside one grid interval is not seen: refine the grid when that matters.
/// </summary>
public static class SuddenDeath
{
    /// <summary>
    /// The first t in (0, horizon] with C(ρ(t)) = 0, to within <paramref name="tolerance"/> in t; 0 when ρ(0) is not
    /// entangled; null when C stays positive up to the horizon. Uses <see cref="Concurrence.XState"/> for X states
    /// (exact there) and <see cref="Concurrence.Wootters"/> otherwise. Cost: gridPoints steps + ~log₂(Δt/tol) expms.
    /// </summary>
    public static double? Time(Lindbladian generator, DensityMatrix rho0, double horizon, int gridPoints = 1000, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(rho0);
        generator.CheckSpace(rho0);
        if (rho0.Dimension != 4)
            throw new DimensionMismatchException($"Sudden death needs a two-qubit state, got dimension {rho0.Dimension}.", nameof(rho0));
        Guard.Positive(horizon, nameof(horizon));
        Guard.Positive(tolerance, nameof(tolerance));
        if (gridPoints < 1) throw new ParameterOutOfRangeException($"gridPoints must be ≥ 1, got {gridPoints}.", nameof(gridPoints));
        if (ConcurrenceOf(rho0) == 0) return 0;

        double dt = horizon / gridPoints;
        var propagator = new ExactPropagator(generator, dt);
        var current = rho0.ColumnMajor.ToArray();
        var next = new System.Numerics.Complex[16];
        for (int k = 1; k <= gridPoints; k++)
        {
            propagator.Step(current, next);
            (current, next) = (next, current);
            var state = Lindbladian.StateFromVector(rho0.Space, (System.Numerics.Complex[])current.Clone());
            if (ConcurrenceOf(state) > 0) continue;
            // C(t_{k−1}) > 0 and C(t_k) = 0: bisect from the last entangled grid state.
            var entangled = generator.Evolve(rho0, (k - 1) * dt);
            double lo = 0, hi = dt;
            while (hi - lo > tolerance)
            {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) break;
                if (ConcurrenceOf(generator.Evolve(entangled, mid)) > 0) lo = mid; else hi = mid;
            }
            return (k - 1) * dt + 0.5 * (lo + hi);
        }
        return null;
    }

    private static double ConcurrenceOf(DensityMatrix rho) =>
        Concurrence.IsXState(rho, 1e-13) ? Concurrence.XState(rho) : Concurrence.Wootters(rho);
}
