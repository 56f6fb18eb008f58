using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Thermodynamics;

public class SteadyStateTests
{
    // One qubit, H_S = (ω/2)σz (|0⟩ is the excited level), between a hot and a cold bath of resonant thermal
    // ancillas colliding through the partial swap at rates Γ_h, Γ_c. p_j = 1/(1 + e^{β_j ω}) is an ancilla's excited
    // population. Closed forms written here:
    //  - collision model: each collision maps the excited population P ↦ c_j P + s_j p_j (s_j = sin²θ_j, c_j = 1 − s_j,
    //    θ_j² = Γ_j δt), so the fixed point of hot-then-cold is P* = (c_c s_h p_h + s_c p_c)/(1 − c_c c_h), and the
    //    heats per collision are Q_h = ω s_h (p_h − P*), Q_c = ω s_c (p_c − P_mid), P_mid = c_h P* + s_h p_h;
    //  - local master equation: dP/dt = Σ_j Γ_j (p_j − P), so P_ss = Σ Γ_j p_j / Σ Γ_j and J_j = ω Γ_j (p_j − P_ss).
    private const double Omega = 1, BetaHot = 0.3, BetaCold = 3, RateHot = 0.7, RateCold = 1.3;

    private static double Excited(double beta) => 1 / (1 + Math.Exp(beta * Omega));

    private static CollisionProtocol Protocol()
    {
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var h = 0.5 * Omega * Pauli.Z;
        return new CollisionProtocol([2], [0],
        [
            new Bath([0], AncillaState.Thermal(h, BetaHot), BathCollision.WithRate(v, RateHot), name: "hot"),
            new Bath([0], AncillaState.Thermal(h, BetaCold), BathCollision.WithRate(v, RateCold), name: "cold"),
        ], h);
    }

    [Fact]
    public void The_collision_model_fixed_point_and_heat_currents_match_the_closed_form()
    {
        const double dt = 0.1;
        var ss = SteadyState.OfCollisionModel(Protocol(), dt);
        double ph = Excited(BetaHot), pc = Excited(BetaCold);
        double sh = Math.Pow(Math.Sin(Math.Sqrt(RateHot * dt)), 2), sc = Math.Pow(Math.Sin(Math.Sqrt(RateCold * dt)), 2);
        double p = ((1 - sc) * sh * ph + sc * pc) / (1 - (1 - sc) * (1 - sh));
        double mid = (1 - sh) * p + sh * ph;
        double jh = Omega * sh * (ph - p) / dt, jc = Omega * sc * (pc - mid) / dt;
        Assert.Equal(p, ss.State[0, 0].Real, 1e-12);
        Assert.Equal(0, ss.State[0, 1].Magnitude, 1e-12);
        Assert.Equal(jh, ss.HeatCurrents[0]!.Value, 1e-12);
        Assert.Equal(jc, ss.HeatCurrents[1]!.Value, 1e-12);
        Assert.Equal(-BetaHot * jh - BetaCold * jc, ss.EntropyProductionRate!.Value, 1e-12);
        Assert.Equal(0, ss.Power!.Value, 1e-12); // resonant partial swaps conserve H_S + H_E
    }

    [Fact]
    public void Heat_flows_from_the_hot_bath_to_the_cold_one_with_positive_entropy_production()
    {
        foreach (var ss in new[] { SteadyState.OfCollisionModel(Protocol(), 0.05), SteadyState.OfLindbladLimit(Protocol()) })
        {
            Assert.True(ss.HeatCurrents[0] > 1e-3, $"J_hot = {ss.HeatCurrents[0]:G3} should be > 0 (into the system)");
            Assert.True(ss.HeatCurrents[1] < -1e-3, $"J_cold = {ss.HeatCurrents[1]:G3} should be < 0 (out of the system)");
            Assert.Equal(0, ss.HeatCurrents[0]!.Value + ss.HeatCurrents[1]!.Value, 1e-12);
            Assert.True(ss.EntropyProductionRate > 1e-3, $"Σ̇ = {ss.EntropyProductionRate:G3}");
        }
    }

    [Fact]
    public void The_local_master_equation_currents_match_the_closed_form()
    {
        var ss = SteadyState.OfLindbladLimit(Protocol());
        double ph = Excited(BetaHot), pc = Excited(BetaCold);
        double p = (RateHot * ph + RateCold * pc) / (RateHot + RateCold);
        Assert.Equal(p, ss.State[0, 0].Real, 1e-12);
        Assert.Equal(Omega * RateHot * (ph - p), ss.HeatCurrents[0]!.Value, 1e-12);
        Assert.Equal(Omega * RateCold * (pc - p), ss.HeatCurrents[1]!.Value, 1e-12);
        Assert.Equal(0, ss.Power!.Value, 1e-12);
    }

    [Fact]
    public void The_collision_model_currents_approach_the_lindblad_limit_at_first_order_in_the_step()
    {
        // The partial-swap angle θ = √(Γδt) makes the collision model first order: halving δt halves the difference.
        var limit = SteadyState.OfLindbladLimit(Protocol());
        double previous = double.NaN;
        foreach (double dt in new[] { 0.2, 0.1, 0.05, 0.025 })
        {
            var cm = SteadyState.OfCollisionModel(Protocol(), dt);
            double diff = Math.Abs(cm.HeatCurrents[0]!.Value - limit.HeatCurrents[0]!.Value)
                + Math.Abs(cm.EntropyProductionRate!.Value - limit.EntropyProductionRate!.Value);
            if (!double.IsNaN(previous))
            {
                double ratio = previous / diff;
                Assert.InRange(ratio, 1.7, 2.3);
            }
            previous = diff;
        }
        Assert.True(previous < 0.02 * Math.Abs(limit.HeatCurrents[0]!.Value), $"difference {previous:G3} at δt = 0.025");
    }

    [Fact]
    public void The_fixed_point_is_where_repeated_steps_go()
    {
        // Independent of the null-space computation: 3000 steps of the test's own two-qubit-and-coherences
        // propagation from an off-diagonal start (coherences decay, populations relax) land on the same state.
        const double dt = 0.1;
        var ss = SteadyState.OfCollisionModel(Protocol(), dt);
        var h = 0.5 * Omega * Pauli.Z;
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var half = Propagator(h, dt / 2);
        var wh = Propagator(v, Math.Sqrt(RateHot * dt));
        var wc = Propagator(v, Math.Sqrt(RateCold * dt));
        var eh = Gibbs(h, BetaHot);
        var ec = Gibbs(h, BetaCold);
        var rho = Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0.9, new(0.2, 0.1) }, { new(0.2, -0.1), 0.1 } });
        for (int n = 0; n < 3000; n++)
        {
            rho = half * rho * half.ConjugateTranspose();
            rho = TraceOutLast(wh * Kron(rho, eh) * wh.ConjugateTranspose(), 2, 2);
            rho = TraceOutLast(wc * Kron(rho, ec) * wc.ConjugateTranspose(), 2, 2);
            rho = half * rho * half.ConjugateTranspose();
        }
        var difference = rho - ss.State.ToMatrix();
        Assert.True(difference.FrobeniusNorm() < 1e-12, $"‖ρ_3000 − ρ*‖ = {difference.FrobeniusNorm():G3}");
    }

    [Fact]
    public void Detuned_swaps_between_two_baths_run_an_engine_at_the_otto_efficiency()
    {
        // Two resonant coupled qubits, hot ancillas at ω_h = 1.4 on qubit 0, cold ones at ω_c = 0.7 on qubit 1. H_S and
        // every partial swap conserve the number of excitations, so in the steady state as many quanta leave the hot
        // ancillas as enter the cold ones: J_hot/ω_h = −J_cold/ω_c, and the power −P = J_hot + J_cold is extracted with
        // efficiency −P/J_hot = 1 − ω_c/ω_h = 0.5 (below Carnot's 1 − β_h/β_c = 0.84).
        var ss = SteadyState.OfCollisionModel(ThermodynamicLedgerTests.TwoBaths(), 0.05);
        double jh = ss.HeatCurrents[0]!.Value, jc = ss.HeatCurrents[1]!.Value;
        Assert.True(jh > 1e-3, $"J_hot = {jh:G3}");
        Assert.Equal(jh / 1.4, -jc / 0.7, 1e-12);
        Assert.Equal(0.5, -ss.Power!.Value / jh, 1e-10);
        Assert.True(ss.EntropyProductionRate > 0, $"Σ̇ = {ss.EntropyProductionRate:G3}");
    }

    [Fact]
    public void Memory_baths_have_no_fixed_step_channel()
    {
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(Pauli.Z, 1), BathCollision.WithRate(v, 1), memoryAngle: 0.3)]);
        var error = Assert.Throws<CollisionModel.Validation.ParameterOutOfRangeException>(() => SteadyState.OfCollisionModel(protocol, 0.1));
        Assert.Contains("memory", error.Message);
    }

    [Fact]
    public void Without_a_system_hamiltonian_the_limit_has_no_heat_currents()
    {
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var protocol = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(Pauli.Z, 1), BathCollision.WithRate(v, 1))]);
        var ss = SteadyState.OfLindbladLimit(protocol);
        Assert.Null(ss.HeatCurrents[0]);
        Assert.Null(ss.EntropyProductionRate);
        Assert.Null(ss.Power);
        var cm = SteadyState.OfCollisionModel(protocol, 0.1);
        Assert.NotNull(cm.HeatCurrents[0]); // the ancilla's H_E still measures the heat
        Assert.Null(cm.Power);
    }
}
