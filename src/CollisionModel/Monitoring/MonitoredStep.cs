using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// One step of a protocol whose baths are (partly) monitored, as maps on the system: the superoperator of the H_S
/// factor before the collisions, each bath's outcome maps in collision order, the H_S factor after. Built from
/// <see cref="CollisionProtocol.Step(int, double)"/> at the given step index, so time-dependent protocols are followed step by step.
/// Memoryless baths only (with memory the outgoing ancilla is still entangled with the next one). System dimension ≤
/// <see cref="MaxSystemDimension"/> (the maps are dense d_S² × d_S²). Build cost O(Σ_j |outcomes_j| · d_E² · d_S⁴).
/// </summary>
public sealed class MonitoredStep
{
    /// <summary>
    /// The largest system dimension of the dense monitored maps (d_S² × d_S² matrices). Counting and trajectories of
    /// larger systems (up to <see cref="CollisionProtocol.MaxSystemDimension"/>) apply sparse Kraus operators instead.
    /// </summary>
    public const int MaxSystemDimension = 16;

    private MonitoredStep(int index, double time, double timeStep, int systemDimension, Matrix<Complex>? before, Matrix<Complex>? after,
        IReadOnlyList<BathOutcomeMaps> baths)
    {
        Index = index;
        Time = time;
        TimeStep = timeStep;
        SystemDimension = systemDimension;
        Before = before;
        After = after;
        Baths = baths;
    }

    /// <summary>The 0-based step index n.</summary>
    public int Index { get; }

    /// <summary>t_n = n·δt, the step's start.</summary>
    public double Time { get; }

    /// <summary>δt.</summary>
    public double TimeStep { get; }

    /// <summary>d_S.</summary>
    public int SystemDimension { get; }

    /// <summary>The superoperator of the H_S factor before the collisions, or null.</summary>
    public Matrix<Complex>? Before { get; }

    /// <summary>The superoperator of the H_S factor after the collisions, or null.</summary>
    public Matrix<Complex>? After { get; }

    /// <summary>Every bath's outcome maps, in collision order.</summary>
    public IReadOnlyList<BathOutcomeMaps> Baths { get; }

    /// <summary>
    /// Step <paramref name="stepIndex"/> of length δt with bath j measured by <paramref name="measurements"/>[j] (null:
    /// unmeasured). Throws a <see cref="QuantumInputException"/> naming the key for a memory bath, a measurement of
    /// another dimension than its ancilla, or a system larger than <see cref="MaxSystemDimension"/>.
    /// </summary>
    public static MonitoredStep Of(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, int stepIndex, double timeStep)
    {
        CheckMonitorable(protocol, measurements);
        if (protocol.SystemDimension > MaxSystemDimension)
            throw new DimensionMismatchException(
                $"the dense monitored maps take systems of dimension ≤ {MaxSystemDimension} (d_S² × d_S² superoperators), got {protocol.SystemDimension}.", "dims");
        var step = protocol.Step(stepIndex, timeStep);
        int d = protocol.SystemDimension;
        var baths = new BathOutcomeMaps[step.Baths.Count];
        for (int j = 0; j < baths.Length; j++)
        {
            var bathStep = step.Baths[j];
            var measurement = measurements[j];
            var eta = bathStep.Bath.Ancilla.State.ToMatrix();
            if (measurement is null)
            {
                var all = Matrix<Complex>.Build.DenseIdentity(bathStep.Bath.Ancilla.Dimension);
                baths[j] = new BathOutcomeMaps(j, false, [new OutcomeMap(0, ConditionalMap(protocol, bathStep, eta, null, all)!, null)]);
                continue;
            }
            var maps = new List<OutcomeMap>();
            foreach (var outcome in measurement.Outcomes)
            {
                var map = ConditionalMap(protocol, bathStep, eta, outcome.Incoming, outcome.Outgoing);
                if (map is not null) maps.Add(new OutcomeMap(outcome.Count, map, outcome));
            }
            baths[j] = new BathOutcomeMaps(j, true, maps);
        }
        return new MonitoredStep(stepIndex, step.Time, timeStep, d, Unitary(step.SystemBefore), Unitary(step.SystemAfter), baths);
    }

    /// <summary>The largest carried register (system ⊗ one ancilla per memory bath) that trajectories take (its Kraus operators are dense).</summary>
    public const int MaxCarriedDimension = 256;

    /// <summary>
    /// Throws a <see cref="QuantumInputException"/> naming the key unless every bath can be monitored: one measurement
    /// slot per bath, each measurement of its ancilla's dimension; for counting memoryless baths (any system the
    /// protocol takes; the dense maps of this class need d_S ≤ <see cref="MaxSystemDimension"/>); for trajectories (<paramref name="forTrajectories"/>) memory
    /// baths too and any system the protocol takes, with the system and the memory baths' carried ancillas of
    /// dimension ≤ <see cref="MaxCarriedDimension"/>.
    /// </summary>
    public static void CheckMonitorable(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, bool forTrajectories = false)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(measurements);
        if (measurements.Count != protocol.Baths.Count)
            throw new DimensionMismatchException($"expected one measurement slot per bath ({protocol.Baths.Count}), got {measurements.Count}.", "measure");
        if (forTrajectories)
        {
            int carried = protocol.SystemDimension * protocol.Baths.Where(b => b.HasMemory).Aggregate(1, (p, b) => p * b.Ancilla.Dimension);
            if (carried > MaxCarriedDimension)
                throw new DimensionMismatchException(
                    $"trajectories hold the system and one ancilla per memory bath as one state of dimension ≤ {MaxCarriedDimension}, this model needs {carried}.", "memory_angle");
        }
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            var bath = protocol.Baths[j];
            if (bath.HasFeedback)
                throw new ParameterOutOfRangeException(
                    $"baths[{j}].feedback: a returning ancilla carries the system's past back, so there is no step map to monitor; counting and trajectories need baths without feedback.", $"baths[{j}].feedback");
            if (bath.HasMemory && !forTrajectories)
                throw new ParameterOutOfRangeException(
                    $"baths[{j}].memory_angle: a memory collision leaves the outgoing ancilla entangled with the next one; counting needs memoryless baths (trajectories take them).", $"baths[{j}].memory_angle");
            if (measurements[j] is { } m && m.Dimension != bath.Ancilla.Dimension)
                throw new DimensionMismatchException(
                    $"baths[{j}].measure acts on dimension {m.Dimension}, the ancilla has dimension {bath.Ancilla.Dimension}.", $"baths[{j}].measure");
        }
    }

    /// <summary>Σ over outcomes of every bath's maps, composed with the H_S factors: the unconditional step channel.</summary>
    public Matrix<Complex> Unconditional()
    {
        var total = Before?.Clone() ?? Matrix<Complex>.Build.DenseIdentity(SystemDimension * SystemDimension);
        foreach (var bath in Baths)
        {
            var sum = bath.Outcomes[0].Superoperator.Clone();
            for (int o = 1; o < bath.Outcomes.Count; o++) sum += bath.Outcomes[o].Superoperator;
            total = sum * total;
        }
        return After is null ? total : After * total;
    }

    private static Matrix<Complex>? Unitary(Matrix<Complex>? u) => u is null ? null : Superoperator.LeftRight(u, u.ConjugateTranspose());

    /// <summary>
    /// Σ_{m,r} K ρ K† with K_{m,r} = √λ_r (1⊗⟨e_m|) W (1⊗|v_r⟩): e_m the outgoing columns, λ_r, v_r the eigenpairs of
    /// η restricted to the incoming columns (η projected). Null when the incoming subspace has no weight in η.
    /// </summary>
    private static Matrix<Complex>? ConditionalMap(CollisionProtocol protocol, BathStep bathStep, Matrix<Complex> eta, Matrix<Complex>? incoming, Matrix<Complex> outgoing)
    {
        int de = eta.RowCount;
        var q = incoming ?? Matrix<Complex>.Build.DenseIdentity(de);
        var restricted = q.ConjugateTranspose() * eta * q;
        var dec = HermitianEigen.Decompose(0.5 * (restricted + restricted.ConjugateTranspose()));
        var w = bathStep.Collision;
        int d = protocol.SystemDimension;
        var sum = Matrix<Complex>.Build.Dense(d * d, d * d);
        bool any = false;
        var actsOn = bathStep.Bath.ActsOn.ToArray();
        for (int r = 0; r < dec.Values.Length; r++)
        {
            double lambda = dec.Values[r];
            if (!(lambda > 0)) continue;
            var v = q * dec.Vectors.Column(r) * Math.Sqrt(lambda);
            for (int m = 0; m < outgoing.ColumnCount; m++)
            {
                var k = AncillaKraus.Element(w, de, outgoing.Column(m), v);
                var full = Tensor.Embed(k, protocol.SystemSpace, actsOn);
                sum += Superoperator.LeftRight(full, full.ConjugateTranspose());
                any = true;
            }
        }
        return any ? sum : null;
    }
}
