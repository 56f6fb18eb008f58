using System.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Dynamics;

/// <summary>
/// Entanglement production σ_E = d E_R/dt = tr[ρ̇(ln ρ − ln σ*)] in nats per unit time (docs/conventions.md §2 item 2):
/// σ* is the closest separable state of ρ, and its own motion drops out at the optimum (envelope theorem).
/// The closest separable state is supplied by the caller (e.g. the relative-entropy-of-entanglement solver), so
/// this class only does the dynamics side. Identity to check against: σ + σ_E = tr[ρ̇(ln ρ_T − ln σ*)].
/// </summary>
public static class EntanglementProduction
{
    /// <summary>
    /// σ_E for ρ, ρ̇ and σ*; null where the rate does not exist (ρ's rank jumps, e.g. a pure ρ(0) at t = 0),
    /// ±∞ when ρ̇ moves weight across the kernel of a rank-deficient σ*. Kernel rules as in <see cref="EntropyProduction"/>.
    /// </summary>
    public static double? Rate(DensityMatrix rho, Matrix<Complex> rhoDot, DensityMatrix closestSeparable,
        double zeroTolerance = Tolerances.ZeroEigenvalue, double supportTolerance = Tolerances.Support)
        => EntropyProduction.RelativeEntropyRate(rho, rhoDot, closestSeparable, zeroTolerance, supportTolerance);

    /// <summary>
    /// A trajectory observer recording σ_E at every output time, with σ* computed from ρ(t) by
    /// <paramref name="closestSeparable"/> (called once per output time).
    /// </summary>
    public static Observer<double?> Observer(Func<DensityMatrix, DensityMatrix> closestSeparable, string name = "sigma_E")
    {
        ArgumentNullException.ThrowIfNull(closestSeparable);
        return new Observer<double?>(name, p => Rate(p.State, p.Derivative, closestSeparable(p.State)));
    }
}
