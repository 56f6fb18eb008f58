using System.Numerics;
using CollisionModel.Protocols;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Convergence;

/// <summary>
/// The reduced map on ρ_AB of one time step of a <see cref="ConvergenceSetup"/>, in deviation form, built from
/// the collision unitary U = exp(−iθV) on (B, ancilla) and the ancilla's state. O(1) in k.
/// </summary>
public static class CollisionStepChannel
{
    private static readonly CompositeSpace TwoQubits = CompositeSpace.Qubits(2);

    /// <summary>One step of length T/k.</summary>
    public static NearIdentityChannel Build(ConvergenceSetup setup, long k)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        if (k < 1) throw new Validation.ParameterOutOfRangeException($"The number of collisions must be ≥ 1, got {k}.", nameof(k));
        double dt = setup.Time / k;
        var collision = Collision(setup, dt);
        var h = Hamiltonian(setup);
        if (h is null) return collision;
        if (setup.Ordering == StepOrdering.Strang)
        {
            var half = NearIdentityChannel.FromHamiltonian(h, dt / 2);
            return half.After(collision.After(half));
        }
        return collision.After(NearIdentityChannel.FromHamiltonian(h, dt));
    }

    /// <summary>
    /// The collision alone (no Hamiltonian step): the bath of the paper model (<see cref="PaperModels"/>; dephasing:
    /// pure |0⟩ ancilla; decay: thermal diag(γ, κ)/(γ+κ)), with W = exp(−iθV) − 1 formed exactly.
    /// </summary>
    public static NearIdentityChannel Collision(ConvergenceSetup setup, double dt)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var model = setup.Model == CollisionModelKind.Dephasing
            ? PaperModels.Dephasing(setup.Eta, 0, setup.A, setup.Angle)
            : PaperModels.Decay(setup.Gamma, setup.Kappa, 0, setup.A, setup.Angle, mixedEnvironment: true);
        var bath = model.Protocol.Baths[0];
        return NearIdentityChannel.FromCollision(TwoQubits, [.. bath.ActsOn], bath.Collision.DeviationFor(dt)!, bath.Ancilla.State);
    }

    /// <summary>H = (ω/2)σz_B + (Ω/2)σx_B on two qubits, or null when both vanish.</summary>
    public static Matrix<Complex>? Hamiltonian(ConvergenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Omega == 0 && setup.Drive == 0) return null;
        var hb = setup.Omega / 2 * Pauli.Z + setup.Drive / 2 * Pauli.X;
        return Tensor.Embed(hb, TwoQubits, 1);
    }
}
