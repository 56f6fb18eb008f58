using System.Numerics;
using CollisionModel.Protocols;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Collisions;

/// <summary>
/// Configuration of a collision-model run: a system of 1–4 qubits (A = the qubits not in <see cref="SubsystemB"/>,
/// B = <see cref="SubsystemB"/>), a collision, the ancillas' initial state, K steps of length δt, an optional
/// system Hamiltonian and what to record. Immutable; <see cref="Validate"/> checks everything and names the problem.
/// </summary>
public sealed record CollisionRunOptions
{
    /// <summary>ρ_AB(0) on n = 1–4 qubits (qubit 0 most significant).</summary>
    public required DensityMatrix InitialSystem { get; init; }

    /// <summary>The collision applied at every step.</summary>
    public required Collision Collision { get; init; }

    /// <summary>Every ancilla's initial state η.</summary>
    public required AncillaState Ancilla { get; init; }

    /// <summary>Number of collisions K ≥ 1.</summary>
    public required int Steps { get; init; }

    /// <summary>δt &gt; 0 (time units; the record time is step · δt).</summary>
    public required double TimeStep { get; init; }

    /// <summary>Optional Hermitian system Hamiltonian H (2^n × 2^n, ħ = 1) applied between collisions.</summary>
    public Matrix<Complex>? SystemHamiltonian { get; init; }

    /// <summary>How H and the collision are interleaved (default Strang).</summary>
    public SplittingOrder Splitting { get; init; } = SplittingOrder.Strang;

    /// <summary>The system qubits forming B (default: the collision's system qubits); A is the rest (may be empty).</summary>
    public IReadOnlyList<int>? SubsystemB { get; init; }

    /// <summary>Emit every N-th step (N ≥ 1); steps 0 and K are always emitted. Bookkeeping runs at every step.</summary>
    public int RecordEvery { get; init; } = 1;

    /// <summary>Optional E_R(ρ_AB) (or any entanglement measure), evaluated at emitted steps with a warm start.</summary>
    public EntanglementMeasure? EntanglementMeasure { get; init; }

    /// <summary>User-defined quantities evaluated at every emitted step.</summary>
    public IReadOnlyList<StepObserver> Observers { get; init; } = [];

    /// <summary>
    /// Streaming only: compute S_ABE from the 2^(n+1)-dimensional joint state instead of the unitarity shortcut
    /// S_ABE′ = S_AB + S(η) (a check of that shortcut; slower).
    /// </summary>
    public bool ComputeJointEntropyDirectly { get; init; }

    /// <summary>Number of system qubits n.</summary>
    public int SystemQubits => InitialSystem.Dimension switch { 2 => 1, 4 => 2, 8 => 3, 16 => 4, _ => 0 };

    /// <summary>B's system qubits, ascending.</summary>
    public int[] BQubits => (SubsystemB ?? Collision.SystemQubits).OrderBy(q => q).ToArray();

    /// <summary>A's system qubits (the complement of B), ascending.</summary>
    public int[] AQubits => Enumerable.Range(0, SystemQubits).Except(BQubits).ToArray();

    /// <summary>Throws a <see cref="QuantumInputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(InitialSystem);
        ArgumentNullException.ThrowIfNull(Collision);
        ArgumentNullException.ThrowIfNull(Ancilla);
        ArgumentNullException.ThrowIfNull(Observers);
        int n = SystemQubits;
        if (n == 0)
            throw new DimensionMismatchException($"The system must be 1–4 qubits (dimension 2, 4, 8 or 16), got dimension {InitialSystem.Dimension}.", nameof(InitialSystem));
        if (Steps < 1) throw new ParameterOutOfRangeException($"Steps must be ≥ 1, got {Steps}.", nameof(Steps));
        Guard.Positive(TimeStep, nameof(TimeStep));
        if (RecordEvery < 1) throw new ParameterOutOfRangeException($"RecordEvery must be ≥ 1, got {RecordEvery}.", nameof(RecordEvery));
        foreach (int q in Collision.SystemQubits)
            if (q >= n) throw new DimensionMismatchException($"The collision acts on system qubit {q}, but the system has {n} qubit(s).", nameof(Collision));
        var b = SubsystemB ?? Collision.SystemQubits;
        if (b.Count == 0 || b.Any(q => q < 0 || q >= n) || b.Distinct().Count() != b.Count)
            throw new DimensionMismatchException($"SubsystemB must list distinct system qubits in 0..{n - 1}, got [{string.Join(", ", b)}].", nameof(SubsystemB));
        if (SystemHamiltonian is not null)
        {
            Guard.Dimension(SystemHamiltonian, InitialSystem.Dimension, nameof(SystemHamiltonian));
            Guard.Hermitian(SystemHamiltonian, nameof(SystemHamiltonian));
        }
        var names = new HashSet<string>();
        foreach (var o in Observers)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(Observers));
            if (!names.Add(o.Name)) throw new ParameterOutOfRangeException($"Two observers are named '{o.Name}'.", nameof(Observers));
        }
    }

    /// <summary>
    /// The unitary W of one whole step on (system, ancilla), ancilla least significant: the collision embedded on
    /// its qubits, composed with U_H = exp(−iHτ) ⊗ 1 — Lie: W = C (U_H(δt) ⊗ 1); Strang: W = U_H(δt/2) C U_H(δt/2).
    /// Because the ancilla is fresh and traced out afterwards, one step is one conjugation by W. O(8^n) once.
    /// </summary>
    public Matrix<Complex> StepUnitary()
    {
        int n = SystemQubits;
        var space = CompositeSpace.Qubits(n + 1);
        var targets = Collision.SystemQubits.Append(n).ToArray();
        var c = Tensor.Embed(Collision.Unitary, space, targets);
        if (SystemHamiltonian is null) return c;
        var id2 = Matrix<Complex>.Build.DenseIdentity(2);
        if (Splitting == SplittingOrder.Lie)
            return c * Tensor.Kron(Numerics.MatrixFunctions.UnitaryPropagator(SystemHamiltonian, TimeStep), id2);
        var half = Tensor.Kron(Numerics.MatrixFunctions.UnitaryPropagator(SystemHamiltonian, 0.5 * TimeStep), id2);
        return half * c * half;
    }
}
