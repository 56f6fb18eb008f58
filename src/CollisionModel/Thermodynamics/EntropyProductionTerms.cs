using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Thermodynamics;

/// <summary>
/// The terms of the second law, one collision at a time (nats; energies with ħ = k_B = 1), for a fresh ancilla η of a
/// bath meeting the system in state ρ_S: ΔS_S − β·Q = I(S′:E′) + D(η′‖η) — the entropy change of the system minus
/// the entropy flow equals the correlations built with the ancilla plus the ancilla's displacement from η, both ≥ 0.
/// Dense reference computation (O((d_S d_E)³)); the engines' running totals come from <see cref="ThermodynamicLedger"/>.
/// </summary>
/// <param name="SystemEntropyChange">ΔS_S = S(ρ_S′) − S(ρ_S).</param>
/// <param name="Heat">Q = −tr[H_E(η′ − η)]; null without H_E.</param>
/// <param name="EntropyFlow">β·Q; null unless the ancilla is thermal (β = 0 gives 0).</param>
/// <param name="MutualInformation">I(S′:E′) ≥ 0.</param>
/// <param name="AncillaRelativeEntropy">D(η′‖η) ≥ 0; +∞ when η′ leaves the support of η.</param>
/// <param name="Work">ΔE_S + ΔE_E; null without H_S or H_E.</param>
/// <param name="SystemAfter">ρ_S′, to chain collisions along a run.</param>
/// <param name="AncillaAfter">η′, the ancilla right after the collision.</param>
public sealed record EntropyProductionTerms(double SystemEntropyChange, double? Heat, double? EntropyFlow, double MutualInformation,
    double AncillaRelativeEntropy, double? Work, DensityMatrix SystemAfter, DensityMatrix AncillaAfter)
{
    /// <summary>I(S′:E′) + D(η′‖η), the right side of the identity (≥ 0, may be +∞).</summary>
    public double Production => MutualInformation + AncillaRelativeEntropy;

    /// <summary>ΔS_S − β·Q, the left side; null when the entropy flow is.</summary>
    public double? ProductionFromFlow => EntropyFlow is { } flow ? SystemEntropyChange - flow : null;

    /// <summary>
    /// The terms of bath <paramref name="bath"/>'s collision (its unitary at step <paramref name="stepIndex"/> of
    /// length δt) with a fresh ancilla, on <paramref name="system"/>. Only the collision: free evolution under H_S
    /// changes neither S_S nor E_S.
    /// </summary>
    public static EntropyProductionTerms Of(CollisionProtocol protocol, int bath, DensityMatrix system, double timeStep, int stepIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(system);
        if (bath < 0 || bath >= protocol.Baths.Count)
            throw new ParameterOutOfRangeException($"The protocol has {protocol.Baths.Count} bath(s); got bath index {bath}.", nameof(bath));
        if (system.Dimension != protocol.SystemDimension)
            throw new DimensionMismatchException($"The system state has dimension {system.Dimension}, the protocol's system {protocol.SystemDimension}.", nameof(system));
        var step = protocol.Step(stepIndex, timeStep).Baths[bath];
        var ancilla = step.Bath.Ancilla;
        var collision = new DenseCollision(protocol, step);
        var joint = collision.Joint(system.ToMatrix());
        var after = State(collision.System(joint), protocol.SystemSpace);
        var etaAfter = State(collision.Ancilla(joint), null);
        double sAfter = Entropy.VonNeumann(after), sE = Entropy.VonNeumann(etaAfter);
        double sJoint = Entropy.VonNeumann(State(joint, collision.JointSpace));
        double? heat = null, flow = null, work = null;
        if (ancilla.Hamiltonian is { } he)
        {
            double q = -Energy(he, etaAfter.ToMatrix() - ancilla.State.ToMatrix());
            heat = q;
            if (ancilla.Beta is { } beta) flow = beta == 0 ? 0 : beta * q;
            if (protocol.SystemHamiltonian is { } hs) work = Energy(hs, after.ToMatrix() - system.ToMatrix()) - q;
        }
        return new EntropyProductionTerms(sAfter - Entropy.VonNeumann(system), heat, flow, Math.Max(0, sAfter + sE - sJoint),
            RelativeEntropy.Compute(etaAfter, ancilla.State), work, after, etaAfter);
    }

    private static DensityMatrix State(Matrix<Complex> m, Spaces.CompositeSpace? space) =>
        DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), space);

    private static double Energy(Matrix<Complex> h, Matrix<Complex> x) => (h * x).Trace().Real;
}
