using System.Numerics;
using System.Text.Json;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Thermodynamics.BruteForce;
using static CollisionModel.Tests.Thermodynamics.ThermodynamicLedgerTests;

namespace CollisionModel.Tests.Thermodynamics;

/// <summary>The ledger as the streaming engine books it, step by step from the joint state of the step's ancillas.</summary>
public class StreamingLedgerTests
{
    private static CollisionTrajectory Run(CollisionProtocol protocol, int steps, int recordEvery = 1) =>
        CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = Initial().WithSpace(protocol.SystemSpace),
            Grid = TimeGrid.OfStep(0.05, steps),
            RecordEvery = recordEvery,
        }, Representation.Streaming);

    [Fact]
    public void Streaming_records_carry_the_ledger_of_the_heisenberg_brute_force()
    {
        // Two baths at β = 0.4 and 2.5 with detuned ancillas (nonzero work), 40 steps: the last record's totals
        // against the test's Heisenberg-picture reference (written without the library's collision code).
        var trajectory = Run(TwoBaths(), 40);
        var last = trajectory.Records[^1].Thermodynamics!;
        var (heat, work, energy, _) = HeisenbergReference(40);
        Assert.Equal(heat[0], last.Heat[0]!.Value, 1e-12);
        Assert.Equal(heat[1], last.Heat[1]!.Value, 1e-12);
        Assert.Equal(work, last.Work!.Value, 1e-12);
        Assert.Equal(0.4 * heat[0] + 2.5 * heat[1], last.EntropyFlow!.Value, 1e-12);
        Assert.Equal(energy, last.EnergySystem!.Value, 1e-12);
        var first = trajectory.Records[0].Thermodynamics!;
        Assert.Equal(0, first.Collisions);
        Assert.Equal(0.0, first.Work);
    }

    [Fact]
    public void The_engines_entropy_production_is_the_system_entropy_change_minus_the_entropy_flow()
    {
        // Σ over steps of I(S′:E′) + D(η′‖η) (the engine's entropy_production_total, E = both ancillas of a step
        // jointly) equals S_AB(K) − S_AB(0) − Σ_j β_j Q_j (ledger) at every record: the second law closes per step.
        var records = Run(TwoBaths(), 200, recordEvery: 10).Records;
        double s0 = records[0].Bookkeeping.EntropyAB;
        foreach (var r in records)
        {
            double fromLedger = r.Thermodynamics!.EntropyProduction(r.Bookkeeping.EntropyAB - s0)!.Value;
            Assert.Equal(r.Bookkeeping.EntropyProductionTotal, fromLedger, 1e-10);
            Assert.True(Math.Abs(r.Thermodynamics.FirstLawResidual!.Value) < 1e-13, $"step {r.Step}: first-law residual {r.Thermodynamics.FirstLawResidual:G3}");
        }
    }

    [Fact]
    public void Exports_carry_the_ledger_fields_only_when_an_ancilla_has_a_hamiltonian()
    {
        using var doc = JsonDocument.Parse(Run(TwoBaths(), 3).ToJson());
        var record = doc.RootElement.GetProperty("records")[3];
        Assert.Equal(2, record.GetProperty("heat").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, record.GetProperty("work").ValueKind);
        Assert.Equal(JsonValueKind.Number, record.GetProperty("entropy_flow").ValueKind);
        Assert.Equal(JsonValueKind.Number, record.GetProperty("energy_S").ValueKind);
        string header = Run(TwoBaths(), 3).ToCsv().Split('\n')[0];
        Assert.EndsWith(",energy_S,work,entropy_flow", header);

        // The paper's decay preset: thermal ancillas given by populations only, no H_E: no ledger fields at all.
        var model = PaperModels.Decay(1, 0.5, 1, 0.6, AngleConvention.Exact, true);
        var preset = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = model.Protocol,
            InitialSystem = model.InitialState,
            Grid = TimeGrid.OfStep(0.1, 2),
        }, Representation.Streaming);
        Assert.Null(preset.Records[^1].Thermodynamics);
        Assert.DoesNotContain("energy_S", preset.ToCsv());
        Assert.DoesNotContain("entropy_flow", preset.ToJson());
    }

    [Fact]
    public void A_memory_bath_gives_up_the_energy_its_whole_stream_of_ancillas_lost()
    {
        // One qubit (H_S = σz/2) and one memory bath of qubit ancillas (H_E = 0.8σz/2, β = 1, detuned), φ = 0.6, δt = 0.1,
        // 4 steps. Reference: every ancilla kept, S ⊗ A_0 ⊗ … ⊗ A_4 (64 dimensions): at step n, A_n collides with S
        // (partial swap, θ = √(1.5 δt)), then U_mem = cos φ + i sin φ SWAP on (A_n, A_{n+1}). The bath's heat is minus the
        // energy change of all ancillas, Σ_k tr H_E(ρ_Ak − η); the work is ΔE_S − Q.
        const double dt = 0.1, phi = 0.6, rate = 1.5, omegaE = 0.8, beta = 1;
        const int steps = 4;
        var z = Pauli.Z;
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var hs = 0.5 * z;
        var he = 0.5 * omegaE * z;
        var protocol = new CollisionProtocol([2], [0],
            [new Bath([0], AncillaState.Thermal(he, beta), BathCollision.WithRate(v, rate), memoryAngle: phi)], hs);
        var rho0 = DensityMatrix.Create(Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0.7, new(0.2, 0.1) }, { new(0.2, -0.1), 0.3 } }));
        var totals = CollisionSimulation.Run(new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = rho0,
            Grid = TimeGrid.OfStep(dt, steps),
        }, Representation.Streaming).Records[^1].Thermodynamics!;

        int n = steps + 2; // S and A_0 … A_4
        var eta = Gibbs(he, beta);
        var state = rho0.ToMatrix();
        for (int k = 0; k <= steps; k++) state = Kron(state, eta);
        Matrix<Complex> On(Matrix<Complex> op, params int[] sites) => EmbedAdjacent(op, sites[0], sites.Length, n);
        var w = Propagator(v, Math.Sqrt(rate * dt));
        var swap = Matrix<Complex>.Build.Dense(4, 4);
        swap[0, 0] = 1; swap[1, 2] = 1; swap[2, 1] = 1; swap[3, 3] = 1;
        var mem = Math.Cos(phi) * Identity(4) + new Complex(0, Math.Sin(phi)) * swap;
        var half = On(Propagator(hs, dt / 2), 0);
        for (int step = 0; step < steps; step++)
        {
            // S and A_step are not adjacent for step > 0: swap A_step next to S, collide, swap back.
            var collide = Adjacent(w, 0, 1 + step, n);
            var memory = On(mem, 1 + step, 2 + step);
            var u = half * memory * collide * half;
            state = u * state * u.ConjugateTranspose();
        }
        double ancillaEnergyChange = 0;
        for (int k = 0; k <= steps; k++)
            ancillaEnergyChange += Expectation(On(he, 1 + k), state) - Expectation(he, eta);
        double systemEnergyChange = Expectation(On(hs, 0), state) - Expectation(hs, rho0.ToMatrix());
        Assert.Equal(-ancillaEnergyChange, totals.Heat[0]!.Value, 1e-12);
        Assert.Equal(systemEnergyChange + ancillaEnergyChange, totals.Work!.Value, 1e-12);
        Assert.True(Math.Abs(totals.Work!.Value) > 1e-4, "the detuned ancillas should do work");
        Assert.True(Math.Abs(totals.FirstLawResidual!.Value) < 1e-13);
    }

    [Fact]
    public void The_general_stepper_books_what_collision_by_collision_dense_algebra_books()
    {
        // Three qubits with two qutrit baths (8·9 = 72 > the fast map's 64, so the general stepper runs): the ledger
        // from the step's ancilla marginals against the per-collision dense reference (EntropyProductionTerms chain).
        var hop3 = Matrix<Complex>.Build.Dense(6, 6);
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) hop3[i, j] = (i + 2 * j) % 5 == 1 ? 0.3 : 0;
        hop3 = 0.5 * (hop3 + hop3.ConjugateTranspose());
        var h3 = Matrix<Complex>.Build.DenseDiagonal(3, 3, i => 0.4 * i);
        var h3b = Matrix<Complex>.Build.DenseDiagonal(3, 3, i => 0.9 * i);
        var hs = Kron(Pauli.Z, Pauli.I, Pauli.I) + 0.7 * Kron(Pauli.I, Pauli.Z, Pauli.I) + 0.2 * Kron(Pauli.X, Pauli.X, Pauli.Z);
        var protocol = new CollisionProtocol([2, 2, 2], [2],
        [
            new Bath([0], AncillaState.Thermal(h3, 0.5), BathCollision.WithRate(hop3, 1.2)),
            new Bath([2], AncillaState.Thermal(h3b, 2), BathCollision.WithRate(hop3, 0.7)),
        ], hs);
        var options = new CollisionRunOptions
        {
            Protocol = protocol,
            InitialSystem = DensityMatrix.MaximallyMixed(protocol.SystemSpace),
            Grid = TimeGrid.OfStep(0.1, 6),
        };
        Assert.False(StreamingCollisionEngine.UsesFastMap(options));
        var totals = CollisionSimulation.Run(options, Representation.Streaming).Records[^1].Thermodynamics!;

        var ledger = new ThermodynamicLedger(protocol, options.InitialSystem.ColumnMajor);
        var rho = options.InitialSystem;
        for (int n = 0; n < 6; n++)
        {
            var step = protocol.Step(n, 0.1);
            rho = Evolve(step.SystemBefore!, rho);
            for (int j = 0; j < 2; j++)
            {
                var terms = EntropyProductionTerms.Of(protocol, j, rho, 0.1, n);
                ledger.Collision(j, rho.ColumnMajor, terms.SystemAfter.ColumnMajor, terms.AncillaAfter.ColumnMajor);
                rho = terms.SystemAfter;
            }
            rho = Evolve(step.SystemAfter!, rho);
        }
        Assert.Equal(ledger.Heat(0)!.Value, totals.Heat[0]!.Value, 1e-12);
        Assert.Equal(ledger.Heat(1)!.Value, totals.Heat[1]!.Value, 1e-12);
        Assert.Equal(ledger.Work!.Value, totals.Work!.Value, 1e-12);
        Assert.Equal(ledger.EntropyFlow!.Value, totals.EntropyFlow!.Value, 1e-12);
        Assert.True(Math.Abs(totals.Heat[0]!.Value) > 1e-3, "bath 0 exchanges energy");
    }

    private static DensityMatrix Evolve(Matrix<Complex> u, DensityMatrix rho)
    {
        var m = u * rho.ToMatrix() * u.ConjugateTranspose();
        return DensityMatrix.Create(0.5 * (m + m.ConjugateTranspose()), rho.Space);
    }

    // op on the `count` adjacent qubits starting at `first`, of n qubits.
    private static Matrix<Complex> EmbedAdjacent(Matrix<Complex> op, int first, int count, int n) =>
        Kron(Identity(1 << first), op, Identity(1 << (n - first - count)));

    // A two-qubit op on qubits a < b (not necessarily adjacent) of n: conjugate by the swap chain bringing b next to a.
    private static Matrix<Complex> Adjacent(Matrix<Complex> op, int a, int b, int n)
    {
        var bring = Identity(1 << n);
        var swap = Matrix<Complex>.Build.Dense(4, 4);
        swap[0, 0] = 1; swap[1, 2] = 1; swap[2, 1] = 1; swap[3, 3] = 1;
        for (int k = b - 1; k > a; k--) bring = EmbedAdjacent(swap, k, 2, n) * bring;
        return bring.ConjugateTranspose() * EmbedAdjacent(op, a, 2, n) * bring;
    }

    [Fact]
    public void The_explicit_engine_books_the_ledger_from_heisenberg_picture_heat_operators()
    {
        // The explicit representation keeps no ancilla marginals: it books Q_j = tr[ρ_S(start) F_j]. Generic path
        // (two baths): against the test's Heisenberg-picture reference from the pure a|00⟩ + b|11⟩, a = 0.6.
        var protocol = TwoBaths();
        var initial = PaperModels.InitialState(0.6).WithSpace(protocol.SystemSpace);
        var options = new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.05, 3) };
        var totals = CollisionSimulation.Run(options, Representation.Explicit).Records[^1].Thermodynamics!;
        var (heat, work, energy, _) = HeisenbergReference(3, initial);
        Assert.Equal(heat[0], totals.Heat[0]!.Value, 1e-12);
        Assert.Equal(heat[1], totals.Heat[1]!.Value, 1e-12);
        Assert.Equal(work, totals.Work!.Value, 1e-12);
        Assert.Equal(energy, totals.EnergySystem!.Value, 1e-12);
    }

    [Fact]
    public void The_explicit_fast_path_and_streaming_book_the_same_ledger()
    {
        // The paper's shape (qubit system, one qubit bath) runs the explicit fast path: a detuned thermal partial swap
        // on B (H_E = 0.7σz/2, β = 1.3, H_S = σz_B/2); streaming books from ρ_E′, explicit from ρ_S and F_j.
        var v = Kron(Pauli.SigmaPlus, Pauli.SigmaMinus) + Kron(Pauli.SigmaMinus, Pauli.SigmaPlus);
        var protocol = new CollisionProtocol([2, 2], [1],
            [new Bath([1], AncillaState.Thermal(0.35 * Pauli.Z, 1.3), BathCollision.WithRate(v, 1.5))],
            Kron(Pauli.I, 0.5 * Pauli.Z));
        var options = new CollisionRunOptions { Protocol = protocol, InitialSystem = PaperModels.InitialState(0.6), Grid = TimeGrid.OfStep(0.1, 8) };
        Assert.True(ExplicitCollisionEngine.UsesFastPath(protocol));
        var explicitTotals = CollisionSimulation.Run(options, Representation.Explicit).Records[^1].Thermodynamics!;
        var streamingTotals = CollisionSimulation.Run(options, Representation.Streaming).Records[^1].Thermodynamics!;
        Assert.Equal(streamingTotals.Heat[0]!.Value, explicitTotals.Heat[0]!.Value, 1e-12);
        Assert.Equal(streamingTotals.Work!.Value, explicitTotals.Work!.Value, 1e-12);
        Assert.Equal(streamingTotals.EntropyFlow!.Value, explicitTotals.EntropyFlow!.Value, 1e-12);
        Assert.True(Math.Abs(explicitTotals.Work!.Value) > 1e-3, "detuned: nonzero work");
    }
}
