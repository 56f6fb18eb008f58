using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Models;

/// <summary>
/// The library refuses collisions whose phase θ·‖V‖ exceeds <see cref="BathCollision.MaxPhase"/> (where exp(−iθV) is
/// built, naming the bath and the key) and thermal ancillas whose β·ΔE exceeds <see cref="AncillaState.MaxBetaSpread"/>.
/// </summary>
public class UnresolvablePhaseTests
{
    private static Matrix<Complex> Swap => Pauli.X.KroneckerProduct(Pauli.X) + Pauli.Y.KroneckerProduct(Pauli.Y);

    [Fact]
    public void An_angle_whose_phase_exceeds_1e6_is_refused_naming_the_angle() =>
        Assert.Equal("angle", Assert.Throws<ParameterOutOfRangeException>(() => BathCollision.WithAngle(Swap, 1e100)).ParamName);

    [Fact]
    public void The_bound_is_on_the_phase_angle_times_the_coupling_norm()
    {
        // ‖1e3·V‖ = 2e3 (V = XX + YY has eigenvalues ±2, 0): angle 1e3 is a phase of 2e6, refused; angle 1e2 (2e5) is built.
        Assert.Throws<ParameterOutOfRangeException>(() => BathCollision.WithAngle(1e3 * Swap, 1e3));
        var w = BathCollision.WithAngle(1e3 * Swap, 1e2).UnitaryFor(0, 0, 0.1);
        Assert.True((w.ConjugateTranspose() * w - Matrix<Complex>.Build.DenseIdentity(4)).FrobeniusNorm() < 1e-9);
    }

    [Theory]
    [InlineData(1e100)]
    [InlineData(1e30)]
    public void A_rate_whose_collision_phase_exceeds_1e6_is_refused_when_the_step_is_built_naming_the_bath(double rate)
    {
        var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Ground, BathCollision.WithRate(Swap, rate), name: "hot")]);
        var e = Assert.Throws<ParameterOutOfRangeException>(() => protocol.Step(0, 0.25));
        Assert.Equal("baths[0] (\"hot\").rate", e.ParamName);
    }

    [Fact]
    public void A_beta_whose_spread_exceeds_1e6_is_refused_naming_beta() =>
        Assert.Equal("beta", Assert.Throws<ParameterOutOfRangeException>(() => AncillaState.Thermal(Pauli.Z, 1e308)).ParamName);

    [Fact]
    public void A_cold_gibbs_ancilla_keeps_the_exact_logarithm_on_every_level()
    {
        // β = 40, H = diag(0, 1): ln η = diag(−ln Z, −40 − ln Z) with Z = 1 + e^{−40}; the excited weight is below the
        // eigenvalue resolution, yet ln η stays exact and η has no kernel.
        var eta = AncillaState.Thermal(Matrix<Complex>.Build.DenseOfDiagonalArray([0, 1]), 40);
        double lnZ = Math.Log(1 + Math.Exp(-40));
        Assert.Equal(-lnZ, eta.LogOnSupport[0].Real, 15);
        Assert.Equal(-40 - lnZ, eta.LogOnSupport[3].Real, 12);
        Assert.All(eta.KernelProjector.ToArray(), z => Assert.Equal(0, z.Magnitude));
    }
}
