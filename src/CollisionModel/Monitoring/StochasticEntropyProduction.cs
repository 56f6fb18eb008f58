using System.Numerics;
using CollisionModel.Information;
using CollisionModel.Numerics;
using CollisionModel.Protocols;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace CollisionModel.Monitoring;

/// <summary>
/// The stochastic entropy production of a run whose baths are all energy-measured with thermal ancillas at finite β_j:
/// the system measured in the eigenbasis of ρ_S(0) at the start (outcome i, probability p_0(i)) and of ρ_S(K) at the
/// end (f, p_K(f)), Σ = ln p_0(i) − ln p_K(f) − Σ_j β_j ω_j N_j. Exact (no sampling): ⟨e^{−Σ}⟩ = tr[ρ_K Ψ^K(P_0)] with
/// Ψ the step map tilted by e^{+β_j ω_j n} per outcome of bath j and P_0 the projector on supp ρ_S(0) (the i with
/// p_0(i) = 0 never occur, which is what makes it fall below 1 for a rank-deficient start). O(K · |outcomes| · d_S⁴).
/// </summary>
public static class StochasticEntropyProduction
{
    /// <summary>Null when Σ is defined for the model (every bath energy-measured, thermal, finite β), else why not.</summary>
    public static string? WhyUndefined(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(measurements);
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            if (j >= measurements.Count || measurements[j] is not { IsEnergy: true }) return $"baths[{j}] is not energy-measured";
            if (protocol.Baths[j].Ancilla.Beta is not { } beta || !double.IsFinite(beta)) return $"baths[{j}]'s ancilla is not thermal at a finite β";
        }
        return null;
    }

    /// <summary>⟨Σ⟩ and ⟨e^{−Σ}⟩ after <paramref name="steps"/> steps of length δt; throws naming "measure" when Σ is undefined.</summary>
    public static EntropyProductionStatistics Compute(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements,
        DensityMatrix initialState, double timeStep, int steps)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        MonitoredStep.CheckMonitorable(protocol, measurements);
        if (WhyUndefined(protocol, measurements) is { } why)
            throw new ParameterOutOfRangeException($"the stochastic entropy production needs every bath energy-measured and thermal: {why}.", "measure");
        if (steps < 1) throw new ParameterOutOfRangeException($"the number of steps must be ≥ 1, got {steps}.", "steps");
        int d = protocol.SystemDimension;
        var weights = protocol.Baths.Select((b, j) => b.Ancilla.Beta!.Value * measurements[j]!.EnergyQuantum!.Value).ToArray();
        var rho = Vector.Build.DenseOfArray(initialState.ColumnMajor.ToArray());
        var tilted = Vector.Build.DenseOfArray(SupportProjector(initialState).ToColumnMajorArray());
        var meanCounts = new double[protocol.Baths.Count];
        MonitoredStep? fixedStep = protocol.IsTimeDependent ? null : MonitoredStep.Of(protocol, measurements, 0, timeStep);
        for (int n = 0; n < steps; n++)
        {
            var step = fixedStep ?? MonitoredStep.Of(protocol, measurements, n, timeStep);
            if (step.Before is { } before)
            {
                rho = before * rho;
                tilted = before * tilted;
            }
            foreach (var bath in step.Baths)
            {
                var nextRho = Vector.Build.Dense(rho.Count);
                var nextTilted = Vector.Build.Dense(rho.Count);
                foreach (var o in bath.Outcomes)
                {
                    var image = o.Superoperator * rho;
                    meanCounts[bath.BathIndex] += o.Count * Trace(image, d);
                    nextRho += image;
                    nextTilted += Math.Exp(weights[bath.BathIndex] * o.Count) * (o.Superoperator * tilted);
                }
                rho = nextRho;
                tilted = nextTilted;
            }
            if (step.After is { } after)
            {
                rho = after * rho;
                tilted = after * tilted;
            }
        }
        var final = Matrix<Complex>.Build.DenseOfColumnMajor(d, d, rho.ToArray());
        final = 0.5 * (final + final.ConjugateTranspose());
        var finalState = DensityMatrix.Create(final, initialState.Space);
        double exponential = (final * Matrix<Complex>.Build.DenseOfColumnMajor(d, d, tilted.ToArray())).Trace().Real;
        double flow = 0;
        for (int j = 0; j < weights.Length; j++) flow += weights[j] * meanCounts[j];
        double mean = Entropy.VonNeumann(finalState) - Entropy.VonNeumann(initialState) - flow;
        return new EntropyProductionStatistics(mean, exponential, meanCounts, finalState);
    }

    private static Matrix<Complex> SupportProjector(DensityMatrix rho)
    {
        var dec = HermitianEigen.Decompose(rho.ToMatrix());
        var keep = dec.Values.Select(v => v > Tolerances.ZeroEigenvalue ? 1.0 : 0.0).ToArray();
        return dec.WithValues(keep);
    }

    private static double Trace(Vector v, int d)
    {
        double t = 0;
        for (int i = 0; i < d; i++) t += v[i + i * d].Real;
        return t;
    }
}
