using System.Numerics;
using CollisionModel.Channels;
using CollisionModel.Models;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// For a memoryless, time-independent protocol, the heat each bath takes from the system in one step is a linear
/// function of the system's state at the step's start: bath j's fresh ancilla meets Ψ_j(ρ) (ρ after U_before and the
/// earlier baths' collisions, whatever else the system is entangled with), and gives up
/// Q_j = −tr[(Ψ_j(ρ) ⊗ η_j)(W_j†(1⊗H_Ej)W_j − 1⊗H_Ej)] = tr[ρ F_j]. The F_j (Heisenberg-picture heat operators) are
/// built once, so an engine that keeps no ancilla marginals (the explicit one) books the ledger from ρ_S alone.
/// Construction O(d_S² Σ_j (d_S d_Ej)³); each heat O(nonzeros of F_j).
/// </summary>
public sealed class HeatObservables
{
    private readonly SparseObservable?[] _operators;

    private HeatObservables(SparseObservable?[] operators) => _operators = operators;

    /// <summary>Number of baths.</summary>
    public int Count => _operators.Length;

    /// <summary>Builds the F_j of the protocol's step of length δt (throws for memory or time-dependent baths).</summary>
    public static HeatObservables Of(CollisionProtocol protocol, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        StepChannel.CheckMemoryless(protocol);
        var step = protocol.Step(0, timeStep);
        int d = protocol.SystemDimension;
        var collisions = step.Baths.Select(b => new DenseCollision(protocol, b)).ToArray();
        var operators = new SparseObservable?[collisions.Length];
        for (int j = 0; j < collisions.Length; j++)
        {
            var bath = step.Baths[j].Bath;
            if (bath.Ancilla.Hamiltonian is not { } he) continue;
            // G_j = −tr_E[(1⊗η)(W†(1⊗H_E)W − 1⊗H_E)] on the system: Q_j = tr[ρ_j G_j] for ρ_j the state W_j meets.
            var c = collisions[j];
            int de = bath.Ancilla.Dimension;
            var energy = Matrix<Complex>.Build.DenseIdentity(d).KroneckerProduct(he);
            var w = c.Unitary;
            var change = w.ConjugateTranspose() * energy * w - energy;
            var weighted = Matrix<Complex>.Build.DenseIdentity(d).KroneckerProduct(bath.Ancilla.State.ToMatrix()) * change;
            var g = -c.System(weighted);
            // f[c] = tr[Ψ_j(|i⟩⟨k|) G_j], c = i + k d; stored conjugated, since the observable evaluates Re Σ ρ_c conj(H_c).
            var f = new Complex[d * d];
            for (int col = 0; col < d * d; col++)
            {
                var unit = Matrix<Complex>.Build.Dense(d, d);
                unit[col % d, col / d] = Complex.One;
                var x = unit;
                if (step.SystemBefore is { } before) x = before * x * before.ConjugateTranspose();
                for (int k = 0; k < j; k++) x = collisions[k].System(collisions[k].Joint(x));
                f[col] = Complex.Conjugate((x * g).Trace());
            }
            operators[j] = new SparseObservable(f);
        }
        return new HeatObservables(operators);
    }

    /// <summary>True when bath j's ancilla has H_E (its heat is defined).</summary>
    public bool Defines(int bath) => _operators[bath] is not null;

    /// <summary>Q_j of one step from the system state at its start (column-major); 0 when the bath has no H_E. Allocation-free.</summary>
    public double Heat(int bath, ReadOnlySpan<Complex> systemAtStart) => _operators[bath]?.Expectation(systemAtStart) ?? 0;
}
