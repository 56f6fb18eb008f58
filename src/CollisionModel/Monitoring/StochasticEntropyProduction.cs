using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// The stochastic entropy production of a run whose baths are all energy-measured with thermal ancillas at finite β_j:
/// the system measured in the eigenbasis of ρ_S(0) at the start (outcome i, probability p_0(i)) and of ρ_S(K) at the
/// end (f, p_K(f)), Σ = ln p_0(i) − ln p_K(f) − Σ_j β_j ω_j N_j. Exact (no sampling): ⟨e^{−Σ}⟩ = tr[ρ_K Ψ^K(P_0)] with
/// Ψ the step map tilted by e^{+β_j ω_j n} per outcome of bath j and P_0 the projector on supp ρ_S(0) (the i with
/// p_0(i) = 0 never occur, which is what makes it fall below 1 for a rank-deficient start). Each step is one real
/// channel, one real tilted map and one row vector per bath (built once for a time-independent protocol): O(K · d_S⁴).
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
        int d = protocol.SystemDimension, size = d * d;
        var weights = protocol.Baths.Select((b, j) => b.Ancilla.Beta!.Value * measurements[j]!.EnergyQuantum!.Value).ToArray();
        if (d > MonitoredStep.MaxSystemDimension) return ComputeByKraus(protocol, measurements, initialState, timeStep, steps, weights);
        var rho = new double[size];
        HermitianCoordinates.FromMatrix(initialState.ColumnMajor, rho, d);
        var tilted = new double[size];
        HermitianCoordinates.FromMatrix(SupportProjector(initialState).ToColumnMajorArray(), tilted, d);
        var next = new double[size];
        var meanCounts = new double[protocol.Baths.Count];
        EntropyStep? fixedStep = protocol.IsTimeDependent ? null : EntropyStep.Of(MonitoredStep.Of(protocol, measurements, 0, timeStep), weights);
        for (int n = 0; n < steps; n++)
        {
            var step = fixedStep ?? EntropyStep.Of(MonitoredStep.Of(protocol, measurements, n, timeStep), weights);
            for (int j = 0; j < meanCounts.Length; j++) meanCounts[j] += Dot(step.MeanCount[j], rho);
            Apply(step.Channel, ref rho, ref next, size);
            Apply(step.Tilted, ref tilted, ref next, size);
        }
        var finalMatrix = new Complex[size];
        HermitianCoordinates.ToMatrix(rho, finalMatrix, d);
        var finalState = DensityMatrix.Create(Matrix<Complex>.Build.DenseOfColumnMajor(d, d, finalMatrix), initialState.Space);
        // tr(ρ_K Y) of two Hermitian matrices is the dot product of their coordinates (the basis is orthonormal).
        double exponential = Dot(rho, tilted);
        double flow = 0;
        for (int j = 0; j < weights.Length; j++) flow += weights[j] * meanCounts[j];
        double mean = Entropy.VonNeumann(finalState) - Entropy.VonNeumann(initialState) - flow;
        return new EntropyProductionStatistics(mean, exponential, meanCounts, finalState);
    }

    /// <summary>
    /// Systems above <see cref="MonitoredStep.MaxSystemDimension"/>: the same three recursions (ρ by the channel, the
    /// support projector by the tilted map, each bath's mean count from the state entering its stage) on d × d
    /// matrices through the step's sparse Kraus operators (<see cref="KrausStepMap"/>).
    /// </summary>
    private static EntropyProductionStatistics ComputeByKraus(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements,
        DensityMatrix initialState, double timeStep, int steps, double[] weights)
    {
        int d = protocol.SystemDimension;
        var rho = initialState.ColumnMajor.ToArray();
        var tilted = SupportProjector(initialState).ToColumnMajorArray();
        var next = new Complex[d * d];
        var workspace = new KrausWorkspace(d);
        var meanCounts = new double[protocol.Baths.Count];
        KrausStepMap? fixedMap = protocol.IsTimeDependent ? null : KrausStepMap.Of(protocol, measurements, 0, timeStep);
        for (int n = 0; n < steps; n++)
        {
            var map = fixedMap ?? KrausStepMap.Of(protocol, measurements, n, timeStep);
            foreach (var stage in map.Stages)
            {
                Array.Clear(next);
                foreach (var outcome in stage.Outcomes)
                {
                    double before = TraceOf(next, d);
                    foreach (var k in outcome.Kraus) k.AddConjugation(rho, next, workspace.Scratch, 1);
                    if (stage.Bath >= 0) meanCounts[stage.Bath] += outcome.Count * (TraceOf(next, d) - before);
                }
                (rho, next) = (next, rho);
            }
            map.Apply(tilted, tilted, workspace, (bath, count) => Math.Exp(weights[bath] * count));
        }
        var finalState = DensityMatrix.Create(Matrix<Complex>.Build.DenseOfColumnMajor(d, d, rho), initialState.Space);
        // tr(ρ_K Y) = Σ_ij ρ_ij Y_ji.
        double exponential = 0;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) exponential += (rho[i + j * d] * tilted[j + i * d]).Real;
        double flow = 0;
        for (int j = 0; j < weights.Length; j++) flow += weights[j] * meanCounts[j];
        double mean = Entropy.VonNeumann(finalState) - Entropy.VonNeumann(initialState) - flow;
        return new EntropyProductionStatistics(mean, exponential, meanCounts, finalState);
    }

    private static double TraceOf(Complex[] x, int d)
    {
        double t = 0;
        for (int i = 0; i < d; i++) t += x[i + i * d].Real;
        return t;
    }

    private static void Apply(double[] map, ref double[] x, ref double[] scratch, int size)
    {
        Array.Clear(scratch);
        HermitianCoordinates.MultiplyAdd(map, x, scratch, size);
        (x, scratch) = (scratch, x);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }

    /// <summary>
    /// One step in real coordinates: the channel, the map tilted by e^{β_j ω_j n} per outcome of bath j, and per bath the
    /// row vector whose product with ρ (at the step's start) is the bath's mean count in the step.
    /// </summary>
    private sealed record EntropyStep(double[] Channel, double[] Tilted, double[][] MeanCount)
    {
        public static EntropyStep Of(MonitoredStep step, double[] weights)
        {
            int d = step.SystemDimension, size = d * d;
            var identity = Matrix<Complex>.Build.DenseIdentity(size);
            var channel = step.Before ?? identity;
            var tilted = channel;
            var meanCount = new double[weights.Length][];
            var trace = Matrix<Complex>.Build.DenseOfRowArrays([TraceRow(d)]);
            foreach (var bath in step.Baths)
            {
                var sum = Matrix<Complex>.Build.Dense(size, size);
                var tilt = Matrix<Complex>.Build.Dense(size, size);
                var counted = Matrix<Complex>.Build.Dense(size, size);
                foreach (var o in bath.Outcomes)
                {
                    sum += o.Superoperator;
                    tilt += Math.Exp(weights[bath.BathIndex] * o.Count) * o.Superoperator;
                    counted += (double)o.Count * o.Superoperator;
                }
                meanCount[bath.BathIndex] = Row(trace * counted * channel, d);
                channel = sum * channel;
                tilted = tilt * tilted;
            }
            if (step.After is { } after)
            {
                channel = after * channel;
                tilted = after * tilted;
            }
            return new EntropyStep(HermitianCoordinates.Real(channel, d), HermitianCoordinates.Real(tilted, d), meanCount);
        }

        // The trace functional on column-stacked vec ρ.
        private static Complex[] TraceRow(int d)
        {
            var t = new Complex[d * d];
            for (int i = 0; i < d; i++) t[i + i * d] = 1;
            return t;
        }

        // A functional f·vec ρ turned into coordinates: f·vec ρ = Σ_k c_k x_k with c = the real map of f (ρ ↦ f·vec ρ · 1).
        private static double[] Row(Matrix<Complex> functional, int d)
        {
            var asMap = Matrix<Complex>.Build.Dense(d * d, d * d);
            asMap.SetRow(0, functional.Row(0));
            var real = HermitianCoordinates.Real(asMap, d);
            // The image of the map is f·vec ρ · E_00 (coordinate 0), so row 0 of the real map is c.
            return real.AsSpan(0, d * d).ToArray();
        }
    }

    private static Matrix<Complex> SupportProjector(DensityMatrix rho)
    {
        var dec = HermitianEigen.Decompose(rho.ToMatrix());
        var keep = dec.Values.Select(v => v > Tolerances.ZeroEigenvalue ? 1.0 : 0.0).ToArray();
        return dec.WithValues(keep);
    }
}
