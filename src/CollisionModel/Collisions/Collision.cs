using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Collisions;

/// <summary>
/// One collision: a unitary U on (the listed system qubits, the fresh ancilla), with the listed system qubits in the
/// listed order (first most significant) and the ancilla as the least significant qubit — e.g. for (B, E) the basis
/// |0_B 0_E⟩, |0_B 1_E⟩, |1_B 0_E⟩, |1_B 1_E⟩. Immutable; the unitary is validated on construction.
/// </summary>
public sealed class Collision
{
    private readonly Complex[] _unitary;

    private Collision(Matrix<Complex> unitary, int[] systemQubits, string description)
    {
        _unitary = unitary.ToColumnMajorArray();
        SystemQubits = systemQubits;
        Description = description;
    }

    /// <summary>System qubits the collision acts on (indices into the system, 0 = A), in the unitary's order.</summary>
    public IReadOnlyList<int> SystemQubits { get; }

    /// <summary>A short human-readable description (preset name and angle).</summary>
    public string Description { get; }

    /// <summary>U as a fresh MathNet matrix (dimension 2^(m+1) for m system qubits).</summary>
    public Matrix<Complex> Unitary => Matrix<Complex>.Build.DenseOfColumnMajor(Dimension, Dimension, _unitary);

    /// <summary>Dimension of U: 2^(m+1).</summary>
    public int Dimension => 2 << SystemQubits.Count;

    internal ReadOnlySpan<Complex> UnitaryColumnMajor => _unitary;

    /// <summary>
    /// A collision from a given matrix, validated unitary to <paramref name="tolerance"/> and of dimension
    /// 2^(m+1) for the m listed system qubits (distinct, ≥ 0).
    /// </summary>
    public static Collision FromUnitary(Matrix<Complex> unitary, IReadOnlyList<int> systemQubits, double tolerance = Tolerances.Unitarity)
    {
        var qubits = CheckQubits(systemQubits);
        Guard.Dimension(unitary, 2 << qubits.Length, nameof(unitary));
        Guard.Unitary(unitary, nameof(unitary), tolerance);
        return new Collision(unitary.Clone(), qubits, "user unitary");
    }

    /// <summary>U = exp(−iθV) from a Hermitian coupling V on (system qubits, ancilla); θ finite.</summary>
    public static Collision FromCoupling(Matrix<Complex> coupling, double theta, IReadOnlyList<int> systemQubits)
    {
        var qubits = CheckQubits(systemQubits);
        Guard.Finite(theta, nameof(theta));
        Guard.Dimension(coupling, 2 << qubits.Length, nameof(coupling));
        Guard.Hermitian(coupling, nameof(coupling));
        var u = MatrixFunctions.UnitaryPropagator(coupling, theta);
        return new Collision(u, qubits, $"exp(−iθV), θ = {theta:G6}");
    }

    /// <summary>
    /// The paper's dephasing collision on system qubit <paramref name="qubit"/> for a given overlap ⟨a|b⟩ = cos θ:
    /// <see cref="ControlledRotation"/> with θ = arccos(cos θ) ∈ [0, π]. Prefer <see cref="ControlledRotation"/> with θ
    /// from <see cref="CollisionPresets.DephasingAngle"/> for tiny angles (arccos of 1 − 1e-12 keeps only ~4 digits).
    /// </summary>
    /// <param name="cosTheta">The overlap ⟨a|b⟩ = cos θ ∈ [−1, 1].</param>
    /// <param name="qubit">The controlling system qubit (B = 1 in the paper's A, B system).</param>
    public static Collision Dephasing(double cosTheta, int qubit = 1)
    {
        Guard.InRange(cosTheta, -1, 1, nameof(cosTheta));
        return ControlledRotation(Math.Acos(cosTheta), qubit);
    }

    /// <summary>
    /// The paper's dephasing collision as the closed form of exp(−iθV), V = <see cref="CollisionPresets.DephasingCoupling"/>
    /// = |1⟩⟨1| ⊗ σy: U = |0⟩⟨0| ⊗ 1 + |1⟩⟨1| ⊗ R_y(2θ), R_y(2θ) = [[cos θ, −sin θ], [sin θ, cos θ]], so
    /// |0⟩|0_E⟩ → |0⟩|a⟩, |1⟩|0_E⟩ → |1⟩|b⟩ with |a⟩ = |0⟩, |b⟩ = cos θ|0⟩ + sin θ|1⟩, ⟨a|b⟩ = cos θ.
    /// The qubit's coherence is multiplied by tr(η R_y(2θ)†) = cos θ for η = |0⟩⟨0| and for η = 1/2 alike, and a
    /// maximally mixed ancilla stays maximally mixed (ΔS_E = 0).
    /// </summary>
    /// <param name="theta">The rotation angle θ (finite).</param>
    /// <param name="qubit">The controlling system qubit (B = 1 in the paper's A, B system).</param>
    public static Collision ControlledRotation(double theta, int qubit = 1)
    {
        Guard.Finite(theta, nameof(theta));
        double c = Math.Cos(theta), s = Math.Sin(theta);
        var u = Matrix<Complex>.Build.Dense(4, 4);
        u[0, 0] = 1; u[1, 1] = 1;
        u[2, 2] = c; u[2, 3] = -s; u[3, 2] = s; u[3, 3] = c;
        return new Collision(u, CheckQubits([qubit]), $"dephasing, θ = {theta:G6}");
    }

    /// <summary>
    /// The partial swap U = exp(−iθV), V = <see cref="CollisionPresets.PartialSwapCoupling"/> = σ⁺ ⊗ σ⁻ + σ⁻ ⊗ σ⁺, of system qubit <paramref name="qubit"/> with the ancilla:
    /// |00⟩, |11⟩ fixed; |01⟩ → cos θ|01⟩ − i sin θ|10⟩; |10⟩ → cos θ|10⟩ − i sin θ|01⟩. With a thermal ancilla
    /// diag(p0, p1) it is the generalised amplitude-damping channel P1′ = cos²θ P1 + sin²θ p1, ρ01′ = cos θ ρ01.
    /// </summary>
    public static Collision PartialSwap(double theta, int qubit = 1)
    {
        Guard.Finite(theta, nameof(theta));
        double c = Math.Cos(theta), s = Math.Sin(theta);
        var u = Matrix<Complex>.Build.Dense(4, 4);
        u[0, 0] = 1; u[3, 3] = 1;
        u[1, 1] = c; u[2, 2] = c;
        u[1, 2] = new Complex(0, -s); u[2, 1] = new Complex(0, -s);
        return new Collision(u, CheckQubits([qubit]), $"partial swap, θ = {theta:G6}");
    }

    private static int[] CheckQubits(IReadOnlyList<int> systemQubits)
    {
        ArgumentNullException.ThrowIfNull(systemQubits);
        if (systemQubits.Count < 1 || systemQubits.Count > 4)
            throw new DimensionMismatchException($"A collision acts on 1–4 system qubits, got {systemQubits.Count}.", nameof(systemQubits));
        var q = systemQubits.ToArray();
        if (q.Any(x => x < 0 || x > 3) || q.Distinct().Count() != q.Length)
            throw new DimensionMismatchException($"Collision system qubits must be distinct indices in 0..3, got [{string.Join(", ", q)}].", nameof(systemQubits));
        return q;
    }
}
