using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// The periodic steady state of a periodically driven, memoryless protocol, computed directly rather than by running
/// to it: the one-period map Φ_τ = Φ_{M−1} ∘ … ∘ Φ_0 (each step's channel with its own drive factors f(t_n),
/// <see cref="StepChannel.SuperoperatorOfStep"/>), its fixed point ρ*, and one period from ρ* booked by the
/// <see cref="ThermodynamicLedger"/> with heat read off each collision's ancilla. Dense: O(M · d_S² · Σ_j (d_S d_Ej)³)
/// for the map plus O(d_S⁶) for the fixed point; meant for small systems (a working medium of a few qubits).
/// </summary>
public static class PeriodicSteadyState
{
    /// <summary>
    /// The d_S² × d_S² superoperator of one period (M = <see cref="CollisionProtocol.StepsPerPeriod"/> steps of
    /// length δt, starting at t = 0; column stacking). Throws naming "period" when a drive has no period or its period
    /// is not a multiple of δt, and naming the bath for memory or time-dependent collisions.
    /// </summary>
    public static Matrix<Complex> OnePeriodMap(CollisionProtocol protocol, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        Guard.Finite(timeStep, nameof(timeStep));
        Guard.Positive(timeStep, nameof(timeStep));
        int m = protocol.StepsPerPeriod(timeStep);
        var map = Matrix<Complex>.Build.DenseIdentity(protocol.SystemDimension * protocol.SystemDimension);
        for (int n = 0; n < m; n++) map = StepChannel.SuperoperatorOfStep(protocol, n, timeStep) * map;
        return map;
    }

    /// <summary>
    /// The limit cycle reached from <paramref name="from"/> (default the maximally mixed state; it matters only when
    /// the one-period map has several fixed points): ρ* = the fixed point of <see cref="OnePeriodMap"/>, the states
    /// at every step boundary of one period from ρ*, and that period's heat per bath, work and drive work.
    /// </summary>
    public static LimitCycle Of(CollisionProtocol protocol, double timeStep, DensityMatrix? from = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var start = from ?? DensityMatrix.MaximallyMixed(protocol.SystemSpace);
        if (start.Dimension != protocol.SystemDimension)
            throw new DimensionMismatchException($"The start state has dimension {start.Dimension}, the system {protocol.SystemDimension}.", nameof(from));
        var fixedPoint = StationaryStates.FixedPoint(OnePeriodMap(protocol, timeStep), start);
        var rho = DensityMatrix.Trusted(protocol.SystemSpace, fixedPoint.ColumnMajor.ToArray());
        int m = protocol.StepsPerPeriod(timeStep);
        var ledger = new ThermodynamicLedger(protocol, rho.ColumnMajor, timeStep);
        var heat = new double[protocol.Baths.Count];
        var states = new List<DensityMatrix>(m + 1) { rho };
        var x = rho.ToMatrix();
        for (int n = 0; n < m; n++)
        {
            var step = protocol.Step(n, timeStep);
            if (step.SystemBefore is { } before) x = before * x * before.ConjugateTranspose();
            for (int j = 0; j < step.Baths.Count; j++)
            {
                var collision = new DenseCollision(protocol, step.Baths[j]);
                var joint = collision.Joint(x);
                heat[j] = ledger.FreshAncillaEnergy(j) - ledger.AncillaEnergy(j, collision.Ancilla(joint).ToColumnMajorArray());
                x = collision.System(joint);
            }
            if (step.SystemAfter is { } after) x = after * x * after.ConjugateTranspose();
            var columns = x.ToColumnMajorArray();
            ledger.BookStep(columns, heat);
            states.Add(DensityMatrix.Trusted(protocol.SystemSpace, columns));
        }
        var totals = ledger.Totals(x.ToColumnMajorArray());
        return new LimitCycle(m, m * timeStep, states, totals.Heat, totals.Work, totals.DriveWork);
    }
}
