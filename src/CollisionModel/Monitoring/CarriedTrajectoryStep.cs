using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// One step of a monitored protocol as Kraus operators on the carried register C = S ⊗ M_1 ⊗ … ⊗ M_p, M_i the next
/// ancilla of the i-th memory bath (as the streaming engine carries it): for memory baths, and for systems too large
/// for dense d_S² × d_S² superoperators (up to <see cref="CollisionProtocol.MaxSystemDimension"/>). A stage per bath in
/// collision order, each with its outcomes' Kraus sets, plus the H_S factors as one-outcome stages. A memory bath's
/// stage: W on (acts_on, M_j); the next ancilla N arrives in η (with "energy", projected onto its level E_in, the first
/// half of its two-point measurement); the memory collision on (M_j, N); M_j leaves, measured (E_out, or the basis),
/// and N takes its place. Its count is k_in(M_j) − k_out(M_j) with k_in remembered from when M_j arrived (basis: the
/// value). Probabilities are tr(E_o ρ) with the effect E_o = Σ K†K. O(Σ |Kraus| D³) per application, D = dim C.
/// Immutable.
/// </summary>
internal sealed class CarriedTrajectoryStep
{
    private CarriedTrajectoryStep(Stage[] stages) => Stages = stages;

    /// <summary>The stages in order (H_S before, each bath, H_S after).</summary>
    public Stage[] Stages { get; }

    /// <summary>One outcome: Kraus operators (column-major D × D), its effect, and how it changes the bath's count.</summary>
    /// <param name="Kraus">The Kraus operators.</param>
    /// <param name="Effect">Σ K†K (column-major).</param>
    /// <param name="Count">Added to the bath's count (for a memory energy measurement: −k_out; the pending k_in is added too).</param>
    /// <param name="UsesPending">True for a memory bath's energy outcome: the leaving ancilla's k_in is added and replaced by <paramref name="NewPending"/>.</param>
    /// <param name="NewPending">k_in of the ancilla that arrived in this outcome.</param>
    internal sealed record Outcome(Complex[][] Kraus, Complex[] Effect, int Count, bool UsesPending, int NewPending);

    /// <summary>A bath's stage (Bath ≥ 0, Measured: sample an outcome) or a unitary/unmeasured stage (one outcome applied as is).</summary>
    internal sealed record Stage(int Bath, bool Measured, Outcome[] Outcomes);

    /// <summary>The carried register's subsystem dimensions: the system's, then each memory bath's ancilla.</summary>
    public static CompositeSpace CarriedSpace(CollisionProtocol protocol) =>
        new([.. protocol.SystemSpace.Dimensions, .. protocol.Baths.Where(b => b.HasMemory).Select(b => b.Ancilla.Dimension)]);

    /// <summary>
    /// Each memory bath's first ancilla: its levels' projected states Π_a η Π_a / p_a with probabilities p_a and k_in = a's
    /// quanta for an energy measurement, else one "level", η itself, with k_in 0. In memory-bath order.
    /// </summary>
    public static IReadOnlyList<(double Probability, Matrix<Complex> State, int Quanta)[]> FirstAncillas(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements)
    {
        var result = new List<(double, Matrix<Complex>, int)[]>();
        for (int j = 0; j < protocol.Baths.Count; j++)
        {
            if (!protocol.Baths[j].HasMemory) continue;
            var eta = protocol.Baths[j].Ancilla.State.ToMatrix();
            if (measurements[j] is not { IsEnergy: true } m)
            {
                result.Add([(1.0, eta, 0)]);
                continue;
            }
            var levels = new List<(double, Matrix<Complex>, int)>();
            foreach (var o in m.Outcomes.DistinctBy(o => o.IncomingQuanta))
            {
                var projector = o.Incoming! * o.Incoming!.ConjugateTranspose();
                var projected = projector * eta * projector;
                double p = projected.Trace().Real;
                if (p > 0) levels.Add((p, projected / p, o.IncomingQuanta!.Value));
            }
            result.Add([.. levels]);
        }
        return result;
    }

    /// <summary>Step <paramref name="stepIndex"/> of length δt. O(Σ_j |outcomes_j| · d_E · (D d_E)² · D).</summary>
    public static CarriedTrajectoryStep Of(CollisionProtocol protocol, IReadOnlyList<AncillaMeasurement?> measurements, int stepIndex, double timeStep)
    {
        var step = protocol.Step(stepIndex, timeStep);
        var carried = CarriedSpace(protocol);
        int systemParts = protocol.SystemSpace.Count, dimension = carried.Dimension;
        var systemSlots = Enumerable.Range(0, systemParts).ToArray();
        var stages = new List<Stage>();
        if (step.SystemBefore is { } before) stages.Add(Unitary(Tensor.Embed(before, carried, systemSlots)));
        int memorySlot = systemParts;
        for (int j = 0; j < step.Baths.Count; j++)
        {
            var bathStep = step.Baths[j];
            var measurement = measurements[j];
            var eta = bathStep.Bath.Ancilla.State.ToMatrix();
            var actsOn = bathStep.Bath.ActsOn.ToArray();
            var outcomes = new List<Outcome>();
            if (bathStep.Memory is { } memory)
            {
                int slot = memorySlot++;
                var work = new CompositeSpace([.. carried.Dimensions, bathStep.Bath.Ancilla.Dimension]);
                var u = Tensor.Embed(memory, work, slot, work.Count - 1) * Tensor.Embed(bathStep.Collision, work, [.. actsOn, slot]);
                foreach (var (incoming, outgoing, count, uses, pending) in Readouts(measurement, bathStep.Bath.Ancilla.Dimension, memory: true))
                    if (MemoryKraus(u, carried, slot, eta, incoming, outgoing) is { Length: > 0 } kraus)
                        outcomes.Add(new Outcome(kraus, Effect(kraus, dimension), count, uses, pending));
            }
            else
            {
                foreach (var (incoming, outgoing, count, _, _) in Readouts(measurement, bathStep.Bath.Ancilla.Dimension, memory: false))
                {
                    var kraus = FreshKraus(bathStep.Collision, eta, incoming, outgoing)
                        .Select(k => Tensor.Embed(k, carried, actsOn).ToColumnMajorArray()).ToArray();
                    if (kraus.Length > 0) outcomes.Add(new Outcome(kraus, Effect(kraus, dimension), count, false, 0));
                }
            }
            stages.Add(new Stage(j, measurement is not null, [.. outcomes]));
        }
        if (step.SystemAfter is { } after) stages.Add(Unitary(Tensor.Embed(after, carried, systemSlots)));
        return new CarriedTrajectoryStep([.. stages]);
    }

    private static Stage Unitary(Matrix<Complex> u) => new(-1, false, [new Outcome([u.ToColumnMajorArray()], [], 0, false, 0)]);

    /// <summary>The readouts of a bath: (incoming columns or null, outgoing columns, count, uses pending, new pending).</summary>
    private static IEnumerable<(Matrix<Complex>?, Matrix<Complex>, int, bool, int)> Readouts(AncillaMeasurement? measurement, int dimension, bool memory)
    {
        if (measurement is null)
        {
            yield return (null, Matrix<Complex>.Build.DenseIdentity(dimension), 0, false, 0);
            yield break;
        }
        foreach (var o in measurement.Outcomes)
        {
            if (memory && o.IncomingQuanta is { } quanta) yield return (o.Incoming, o.Outgoing, -(quanta - o.Count), true, quanta);
            else yield return (o.Incoming, o.Outgoing, o.Count, false, 0);
        }
    }

    // √λ_r v_r: the eigenpairs of η restricted to the incoming columns (η projected), the λ_r > 0.
    private static IEnumerable<MathNet.Numerics.LinearAlgebra.Vector<Complex>> Incoming(Matrix<Complex> eta, Matrix<Complex>? incoming)
    {
        var q = incoming ?? Matrix<Complex>.Build.DenseIdentity(eta.RowCount);
        var restricted = q.ConjugateTranspose() * eta * q;
        var dec = HermitianEigen.Decompose(0.5 * (restricted + restricted.ConjugateTranspose()));
        for (int r = 0; r < dec.Values.Length; r++)
            if (dec.Values[r] > 0) yield return q * dec.Vectors.Column(r) * Math.Sqrt(dec.Values[r]);
    }

    /// <summary>K_{m,r} = (1⊗⟨e_m|) W (1⊗√λ_r|v_r⟩) on the bath's subsystems.</summary>
    private static IEnumerable<Matrix<Complex>> FreshKraus(Matrix<Complex> w, Matrix<Complex> eta, Matrix<Complex>? incoming, Matrix<Complex> outgoing)
    {
        int de = eta.RowCount;
        foreach (var v in Incoming(eta, incoming))
            for (int m = 0; m < outgoing.ColumnCount; m++)
                yield return AncillaKraus.Element(w, de, outgoing.Column(m), v);
    }

    /// <summary>
    /// K_{m,r}[c with M_j := ν, c′] = Σ_μ conj(e_m[μ]) (U (|c′⟩ ⊗ √λ_r|v_r⟩))[c with M_j := μ, N = ν]: the next ancilla N
    /// (last in the working space) enters in √λ_r|v_r⟩, M_j leaves projected on e_m, N moves into M_j's slot.
    /// </summary>
    private static Complex[][] MemoryKraus(Matrix<Complex> u, CompositeSpace carried, int slot, Matrix<Complex> eta, Matrix<Complex>? incoming, Matrix<Complex> outgoing)
    {
        int dimension = carried.Dimension, de = eta.RowCount, stride = carried.Stride(slot);
        var result = new List<Complex[]>();
        foreach (var v in Incoming(eta, incoming))
        {
            // A = U (1 ⊗ v): column c′ is U applied to |c′⟩ ⊗ v (working index c·d_E + ν).
            var lift = Matrix<Complex>.Build.Dense(dimension * de, dimension);
            for (int c = 0; c < dimension; c++)
                for (int nu = 0; nu < de; nu++) lift[c * de + nu, c] = v[nu];
            var a = u * lift;
            for (int m = 0; m < outgoing.ColumnCount; m++)
            {
                var e = outgoing.Column(m);
                var k = new Complex[dimension * dimension];
                bool any = false;
                for (int c = 0; c < dimension; c++)
                {
                    int digit = c / stride % de;
                    if (digit != 0) continue;
                    for (int nu = 0; nu < de; nu++)
                    {
                        int row = c + nu * stride;
                        for (int mu = 0; mu < de; mu++)
                        {
                            var bra = Complex.Conjugate(e[mu]);
                            if (bra == Complex.Zero) continue;
                            int from = (c + mu * stride) * de + nu;
                            for (int col = 0; col < dimension; col++)
                            {
                                var z = bra * a[from, col];
                                if (z == Complex.Zero) continue;
                                k[row + col * dimension] += z;
                                any = true;
                            }
                        }
                    }
                }
                if (any) result.Add(k);
            }
        }
        return [.. result];
    }

    private static Complex[] Effect(Complex[][] kraus, int n)
    {
        var effect = new Complex[n * n];
        var product = new Complex[n * n];
        var adjoint = new Complex[n * n];
        foreach (var k in kraus)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) adjoint[j + i * n] = Complex.Conjugate(k[i + j * n]);
            SmallMatrixKernels.Multiply(adjoint, k, product, n);
            for (int i = 0; i < effect.Length; i++) effect[i] += product[i];
        }
        return effect;
    }
}
