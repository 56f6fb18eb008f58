using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// Steady states of a protocol between several baths and their heat currents, computed directly (not by running to
/// them): the fixed point of the step channel (the null space of Φ − 1, <see cref="StepChannel"/>) for the collision
/// model, the null space of the generator for its Lindblad limit (the local master equation). Dense, O(d_S⁶); meant
/// for small systems.
/// </summary>
public static class SteadyState
{
    /// <summary>
    /// The collision model's steady state at step δt (the fixed point reached from <paramref name="from"/>, default
    /// the maximally mixed state) and, per bath, J_j = Q_j/δt with Q_j = −tr[H_Ej(η_j′ − η_j)] the heat one collision
    /// takes from bath j in that state (the ancilla meeting the system as it is when that bath collides). The power is
    /// Σ_j (ΔE_S,j − Q_j)/δt over the step's collisions (null without H_S or with a bath without H_E). Memoryless,
    /// time-independent protocols only.
    /// </summary>
    public static SteadyStateCurrents OfCollisionModel(CollisionProtocol protocol, double timeStep, DensityMatrix? from = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var start = StartState(protocol, from);
        var channel = StepChannel.Superoperator(protocol, timeStep);
        var rho = StationaryStates.FixedPoint(channel, start);
        var step = protocol.Step(0, timeStep);
        var hs = protocol.SystemHamiltonian;
        var x = rho.ToMatrix();
        if (step.SystemBefore is { } before) x = before * x * before.ConjugateTranspose();
        var heat = new double?[step.Baths.Count];
        double work = 0;
        bool workDefined = hs is not null;
        for (int j = 0; j < step.Baths.Count; j++)
        {
            var bath = step.Baths[j].Bath;
            var collision = new DenseCollision(protocol, step.Baths[j]);
            var joint = collision.Joint(x);
            var after = collision.System(joint);
            if (bath.Ancilla.Hamiltonian is { } he)
            {
                var eta = bath.Ancilla.State.ToMatrix();
                double q = -Energy(he, collision.Ancilla(joint) - eta);
                heat[j] = q / timeStep;
                if (hs is not null) work += Energy(hs, after - x) - q;
            }
            else
            {
                workDefined = false;
            }
            x = after;
        }
        return new SteadyStateCurrents(rho, heat, EntropyRate(protocol, heat), workDefined ? work / timeStep : null);
    }

    /// <summary>
    /// The steady state of the Lindblad limit (<see cref="CollisionProtocol.LindbladLimitGenerator"/>; reached from
    /// <paramref name="from"/>, default the maximally mixed state) and the local master equation's heat currents
    /// J_j = tr[H_S 𝒟_j(ρ_ss)], 𝒟_j bath j's dissipator; null entries without H_S. The power is −Σ_j J_j (zero to
    /// rounding, since tr[H_S 𝓛ρ_ss] = 0). Throws when the protocol has no Lindblad limit.
    /// </summary>
    public static SteadyStateCurrents OfLindbladLimit(CollisionProtocol protocol, DensityMatrix? from = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var start = StartState(protocol, from);
        var generator = protocol.LindbladLimitGenerator();
        var rho = StationaryStates.ReachedFrom(generator, start);
        var hs = protocol.SystemHamiltonian;
        var heat = new LimitHeatCurrents(protocol).Evaluate(rho).ToArray();
        double? power = hs is null ? null : -heat.Sum(h => h!.Value);
        return new SteadyStateCurrents(rho, heat, EntropyRate(protocol, heat), power);
    }

    private static DensityMatrix StartState(CollisionProtocol protocol, DensityMatrix? from)
    {
        if (from is null) return DensityMatrix.MaximallyMixed(protocol.SystemSpace);
        if (from.Dimension != protocol.SystemDimension)
            throw new DimensionMismatchException($"The start state has dimension {from.Dimension}, the system {protocol.SystemDimension}.", nameof(from));
        return from.Space.Equals(protocol.SystemSpace) ? from : from.WithSpace(protocol.SystemSpace);
    }

    private static double? EntropyRate(CollisionProtocol protocol, double?[] heat)
    {
        double sigma = 0;
        for (int j = 0; j < heat.Length; j++)
        {
            if (heat[j] is not { } current || protocol.Baths[j].Ancilla.Beta is not { } beta) return null;
            if (beta != 0) sigma -= beta * current;
        }
        return sigma;
    }

    private static double Energy(Matrix<Complex> h, Matrix<Complex> x) => (h * x).Trace().Real;
}
