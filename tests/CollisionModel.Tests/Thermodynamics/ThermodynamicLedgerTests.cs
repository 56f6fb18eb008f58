using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Thermodynamics;

public class ThermodynamicLedgerTests
{
    // Two coupled qubits between a hot bath (on qubit 0) and a cold bath (on qubit 1) whose ancillas are detuned from
    // the qubits (ω_h = 1.4, ω_c = 0.7 vs ω_S = 1), so every partial swap exchanges energy with the coupling: W ≠ 0.
    private const double OmegaS = 1, G = 0.3, OmegaHot = 1.4, OmegaCold = 0.7, BetaHot = 0.4, BetaCold = 2.5;
    private const double RateHot = 0.8, RateCold = 1.1, Dt = 0.05;

    private static readonly Matrix<Complex> Sp = Pauli.SigmaPlus, Sm = Pauli.SigmaMinus, Z = Pauli.Z, I2 = Identity(2);

    internal static Matrix<Complex> SystemHamiltonian() =>
        0.5 * OmegaS * (Kron(Z, I2) + Kron(I2, Z)) + G * (Kron(Sp, Sm) + Kron(Sm, Sp));

    internal static Matrix<Complex> PartialSwap() => Kron(Sp, Sm) + Kron(Sm, Sp);

    internal static CollisionProtocol TwoBaths() => new([2, 2], [1],
    [
        new Bath([0], AncillaState.Thermal(0.5 * OmegaHot * Z, BetaHot), BathCollision.WithRate(PartialSwap(), RateHot), name: "hot"),
        new Bath([1], AncillaState.Thermal(0.5 * OmegaCold * Z, BetaCold), BathCollision.WithRate(PartialSwap(), RateCold), name: "cold"),
    ], SystemHamiltonian());

    internal static DensityMatrix Initial() => DensityMatrix.Create(Matrix<Complex>.Build.DenseOfArray(new Complex[,]
    {
        { 0.4, new(0.1, 0.05), 0.05, 0.1 },
        { new(0.1, -0.05), 0.3, 0, 0 },
        { 0.05, 0, 0.2, new(0, 0.02) },
        { 0.1, 0, new(0, -0.02), 0.1 },
    }));

    /// <summary>Drives a ledger collision by collision with the library's dense collisions (states only).</summary>
    private static (ThermodynamicLedger Ledger, DensityMatrix Final, List<(CollisionEnergetics Entry, EntropyProductionTerms Terms, double DeltaS)> Collisions)
        LibraryRun(CollisionProtocol protocol, DensityMatrix rho0, int steps)
    {
        var ledger = new ThermodynamicLedger(protocol, rho0.ColumnMajor);
        var rho = rho0;
        var collisions = new List<(CollisionEnergetics, EntropyProductionTerms, double)>();
        for (int n = 0; n < steps; n++)
        {
            var step = protocol.Step(n, Dt);
            if (step.SystemBefore is { } u) rho = Conjugate(u, rho, protocol);
            for (int j = 0; j < protocol.Baths.Count; j++)
            {
                var terms = EntropyProductionTerms.Of(protocol, j, rho, Dt, n);
                ledger.Collision(j, rho.ColumnMajor, terms.SystemAfter.ColumnMajor, terms.AncillaAfter.ColumnMajor);
                collisions.Add((ledger.Last, terms, Entropy(terms.SystemAfter.ToMatrix()) - Entropy(rho.ToMatrix())));
                rho = terms.SystemAfter;
            }
            if (step.SystemAfter is { } v) rho = Conjugate(v, rho, protocol);
        }
        return (ledger, rho, collisions);
    }

    private static DensityMatrix Conjugate(Matrix<Complex> u, DensityMatrix rho, CollisionProtocol protocol)
    {
        var m = u * rho.ToMatrix() * u.ConjugateTranspose();
        return DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), protocol.SystemSpace);
    }

    /// <summary>
    /// The test's own propagation on S ⊗ E (8 dimensions) of <see cref="TwoBaths"/> from <see cref="Initial"/>, with
    /// per-collision heat and work from the Heisenberg-picture operators W†(1⊗H_E)W − 1⊗H_E and W†H₀W − H₀
    /// (H₀ = H_S⊗1 + 1⊗H_E) averaged in ρ_S ⊗ η: (Q_hot, Q_cold), W, E_S(K), ρ_S(K).
    /// </summary>
    internal static (double[] Heat, double Work, double Energy, Matrix<Complex> Rho) HeisenbergReference(int steps, DensityMatrix? initial = null)
    {
        var hs = SystemHamiltonian();
        var half = Propagator(hs, Dt / 2);
        var he = new[] { 0.5 * OmegaHot * Z, 0.5 * OmegaCold * Z };
        var eta = new[] { Gibbs(he[0], BetaHot), Gibbs(he[1], BetaCold) };
        var v = new[] { Kron(Sp, I2, Sm) + Kron(Sm, I2, Sp), Kron(I2, Sp, Sm) + Kron(I2, Sm, Sp) };
        var w = new[] { Propagator(v[0], Math.Sqrt(RateHot * Dt)), Propagator(v[1], Math.Sqrt(RateCold * Dt)) };
        var rho = (initial ?? Initial()).ToMatrix();
        double[] heat = new double[2];
        double work = 0;
        for (int n = 0; n < steps; n++)
        {
            rho = half * rho * half.ConjugateTranspose();
            for (int j = 0; j < 2; j++)
            {
                var ancillaEnergy = Kron(Identity(4), he[j]);
                var total = Kron(hs, I2) + ancillaEnergy;
                var product = Kron(rho, eta[j]);
                heat[j] -= Expectation(w[j].ConjugateTranspose() * ancillaEnergy * w[j] - ancillaEnergy, product);
                work += Expectation(w[j].ConjugateTranspose() * total * w[j] - total, product);
                rho = TraceOutLast(w[j] * product * w[j].ConjugateTranspose(), 4, 2);
            }
            rho = half * rho * half.ConjugateTranspose();
        }
        return (heat, work, Expectation(hs, rho), rho);
    }

    [Fact]
    public void Two_baths_with_detuned_ancillas_match_a_heisenberg_picture_brute_force()
    {
        // Reference: the test's own propagation on S ⊗ E (8 dimensions), with per-collision heat and work from the
        // Heisenberg-picture operators W†(1⊗H_E)W − 1⊗H_E and W†H₀W − H₀, H₀ = H_S⊗1 + 1⊗H_E, averaged in ρ_S ⊗ η.
        const int steps = 40;
        var protocol = TwoBaths();
        var (ledger, final, _) = LibraryRun(protocol, Initial(), steps);

        var (heat, work, energy, _) = HeisenbergReference(steps);
        double[] beta = [BetaHot, BetaCold];
        var totals = ledger.Totals(final.ColumnMajor);
        Assert.Equal(2 * steps, totals.Collisions);
        Assert.Equal(heat[0], totals.Heat[0]!.Value, 1e-12);
        Assert.Equal(heat[1], totals.Heat[1]!.Value, 1e-12);
        Assert.Equal(work, totals.Work!.Value, 1e-12);
        Assert.Equal(beta[0] * heat[0] + beta[1] * heat[1], totals.EntropyFlow!.Value, 1e-12);
        Assert.Equal(energy, totals.EnergySystem!.Value, 1e-12);
        Assert.True(Math.Abs(work) > 1e-3, $"the detuned ancillas should do work, got W = {work:G3}");
        Assert.True(Math.Abs(totals.FirstLawResidual!.Value) < 1e-13, $"first-law residual {totals.FirstLawResidual:G3}");
    }

    [Fact]
    public void Every_collision_closes_the_second_law_identity_against_a_brute_force()
    {
        // ΔS_S − β_j Q_j (ledger's entropy flow, test's entropies) = I(S′:E′) + D(η′‖η) computed by the test on the
        // joint 8-dimensional state, to 1e-10 (eigenvalue rounding); each side ≥ 0.
        var protocol = TwoBaths();
        var (_, _, collisions) = LibraryRun(protocol, Initial(), 10);
        var he = new[] { 0.5 * OmegaHot * Z, 0.5 * OmegaCold * Z };
        var eta = new[] { Gibbs(he[0], BetaHot), Gibbs(he[1], BetaCold) };
        var v = new[] { Kron(Sp, I2, Sm) + Kron(Sm, I2, Sp), Kron(I2, Sp, Sm) + Kron(I2, Sm, Sp) };
        var w = new[] { Propagator(v[0], Math.Sqrt(RateHot * Dt)), Propagator(v[1], Math.Sqrt(RateCold * Dt)) };
        var rho = Initial().ToMatrix();
        var half = Propagator(SystemHamiltonian(), Dt / 2);
        int c = 0;
        for (int n = 0; n < 10; n++)
        {
            rho = half * rho * half.ConjugateTranspose();
            for (int j = 0; j < 2; j++, c++)
            {
                var joint = w[j] * Kron(rho, eta[j]) * w[j].ConjugateTranspose();
                var s = TraceOutLast(joint, 4, 2);
                var e = TraceOutFirst(joint, 4, 2);
                double mutual = Entropy(s) + Entropy(e) - Entropy(joint);
                double relative = RelativeEntropy(e, eta[j]);
                var (entry, _, deltaS) = collisions[c];
                Assert.Equal(j, entry.Bath);
                double lhs = entry.EntropyProduction(deltaS)!.Value;
                Assert.Equal(mutual + relative, lhs, 1e-10);
                Assert.True(lhs > -1e-12, $"collision {c}: production {lhs:G3}");
                rho = s;
            }
            rho = half * rho * half.ConjugateTranspose();
        }
    }

    [Fact]
    public void A_whole_step_booked_from_the_joint_ancilla_state_equals_the_collision_by_collision_booking()
    {
        // A Strang step U_H(δt/2) W_cold W_hot U_H(δt/2) on S ⊗ E_hot ⊗ E_cold (16 dimensions, computed here);
        // FreshAncillaHeat() reads each bath's energy from the joint ancilla state, Collision() from each marginal.
        var baths = TwoBaths().Baths;
        var protocol = new CollisionProtocol([2, 2], [1], baths, SystemHamiltonian(), SplittingOrder.Strang);
        var he = new[] { 0.5 * OmegaHot * Z, 0.5 * OmegaCold * Z };
        var eta = Kron(Gibbs(he[0], BetaHot), Gibbs(he[1], BetaCold));
        var v = new[] { Kron(Sp, I2, Sm, I2) + Kron(Sm, I2, Sp, I2), Kron(I2, Sp, I2, Sm) + Kron(I2, Sm, I2, Sp) };
        var half = Kron(Propagator(SystemHamiltonian(), Dt / 2), Identity(4));
        var u = half * Propagator(v[1], Math.Sqrt(RateCold * Dt)) * Propagator(v[0], Math.Sqrt(RateHot * Dt)) * half;
        var byStep = new ThermodynamicLedger(protocol, Initial().ColumnMajor);
        var rho = Initial().ToMatrix();
        for (int n = 0; n < 20; n++)
        {
            var joint = u * Kron(rho, eta) * u.ConjugateTranspose();
            var after = TraceOutLast(joint, 4, 4);
            var heat = new double[2];
            byStep.FreshAncillaHeat(TraceOutFirst(joint, 4, 4).ToColumnMajorArray(), heat);
            byStep.BookStep(after.ToColumnMajorArray(), heat);
            rho = after;
        }
        var (byCollision, final, _) = LibraryRun(protocol, Initial(), 20);
        Assert.Equal(-1, byStep.Last.Bath);
        Assert.Equal(byCollision.Heat(0)!.Value, byStep.Heat(0)!.Value, 1e-12);
        Assert.Equal(byCollision.Heat(1)!.Value, byStep.Heat(1)!.Value, 1e-12);
        Assert.Equal(byCollision.Work!.Value, byStep.Work!.Value, 1e-12);
        Assert.Equal(byCollision.EntropyFlow!.Value, byStep.EntropyFlow!.Value, 1e-12);
        Assert.Equal(byCollision.Totals(final.ColumnMajor).EnergySystem!.Value, byStep.Totals(rho.ToColumnMajorArray()).EnergySystem!.Value, 1e-12);
    }

    [Fact]
    public void Infinite_temperature_ancillas_exchange_heat_but_carry_no_entropy_flow()
    {
        // β = 0: η = 1/2 exchanges energy (Q ≠ 0 from a polarised system) but β·Q = 0 exactly, not NaN.
        var bath = new Bath([0], AncillaState.Thermal(0.5 * Z, 0), BathCollision.WithRate(PartialSwap(), 1));
        var protocol = new CollisionProtocol([2], [0], [bath], 0.5 * Z);
        var rho0 = DensityMatrix.Diagonal([1.0, 0.0]);
        var terms = EntropyProductionTerms.Of(protocol, 0, rho0, 0.1);
        var ledger = new ThermodynamicLedger(protocol, rho0.ColumnMajor);
        ledger.Collision(0, rho0.ColumnMajor, terms.SystemAfter.ColumnMajor, terms.AncillaAfter.ColumnMajor);
        // Closed form: the excited |0⟩ population drops by sin²θ/2, θ² = 0.1, so the system loses (1/2)·sin²θ·ω, ω = 1.
        double expectedHeat = -0.5 * Math.Pow(Math.Sin(Math.Sqrt(0.1)), 2);
        Assert.Equal(expectedHeat, ledger.Heat(0)!.Value, 1e-14);
        Assert.Equal(0.0, ledger.EntropyFlow);
        Assert.Equal(0.0, ledger.Last.EntropyFlow);
        Assert.Equal(0.0, ledger.Work!.Value, 1e-15); // resonant: the partial swap conserves H_S + H_E
    }

    [Fact]
    public void Missing_hamiltonians_give_null_quantities_not_nan()
    {
        // No H_E: heat and entropy flow null; no H_S: energy_S and work null. The ledger still counts collisions.
        var bath = new Bath([0], AncillaState.Thermal(0.7, 0.3), BathCollision.WithRate(PartialSwap(), 1));
        var protocol = new CollisionProtocol([2], [0], [bath]);
        var rho0 = DensityMatrix.Diagonal([0.2, 0.8]);
        var terms = EntropyProductionTerms.Of(protocol, 0, rho0, 0.1);
        var ledger = new ThermodynamicLedger(protocol, rho0.ColumnMajor);
        ledger.Collision(0, rho0.ColumnMajor, terms.SystemAfter.ColumnMajor, terms.AncillaAfter.ColumnMajor);
        var totals = ledger.Totals(terms.SystemAfter.ColumnMajor);
        Assert.Equal(1, totals.Collisions);
        Assert.Null(totals.Heat[0]);
        Assert.Null(totals.Work);
        Assert.Null(totals.EntropyFlow);
        Assert.Null(totals.EnergySystem);
        Assert.Null(totals.FirstLawResidual);
        Assert.Null(terms.Heat);
        Assert.Null(terms.ProductionFromFlow);

        var withHe = new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(0.5 * Z, 1), BathCollision.WithRate(PartialSwap(), 1))]);
        var ledger2 = new ThermodynamicLedger(withHe, rho0.ColumnMajor);
        var terms2 = EntropyProductionTerms.Of(withHe, 0, rho0, 0.1);
        ledger2.Collision(0, rho0.ColumnMajor, terms2.SystemAfter.ColumnMajor, terms2.AncillaAfter.ColumnMajor);
        Assert.NotNull(ledger2.Heat(0));
        Assert.NotNull(ledger2.EntropyFlow);
        Assert.Null(ledger2.Work);
    }
}
