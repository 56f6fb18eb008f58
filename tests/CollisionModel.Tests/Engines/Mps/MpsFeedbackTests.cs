using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Tests.TestSupport;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Tests.Engines.Mps;

/// <summary>
/// Delayed feedback in the matrix-product representation, where the returning ancilla is brought from the chain to
/// the system by the center walking along the delay line. References: the explicit state vector of the system and
/// every ancilla (an independent representation; every field of every record, 1e-10), the single-excitation
/// amplitude recursion written in <see cref="Engines.DelayedFeedbackTests"/> (long lines), and the atom–mirror
/// bound state 1/(1 + rτ)² of the delay equation at φ = π.
/// </summary>
public class MpsFeedbackTests
{
    private const double Exact = 1e-10;

    private static void Field(double expected, double actual, string what)
    {
        if (double.IsPositiveInfinity(expected)) { Assert.True(double.IsPositiveInfinity(actual), $"{what}: expected +∞, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) < Exact, $"{what}: explicit {expected:R}, mps {actual:R}");
    }

    private static void Field(double? expected, double? actual, string what)
    {
        Assert.True(expected is null == actual is null, $"{what}: explicit {expected}, mps {actual}");
        if (expected is { } e) Field(e, actual!.Value, what);
    }

    // Every scalar field, ρ_S and (when the explicit engine keeps one) the ledger, record by record.
    private static void AssertEveryFieldMatchesExplicit(CollisionRunOptions options)
    {
        var e = CollisionSimulation.Run(options, Representation.Explicit).Records;
        var m = CollisionSimulation.Run(options, Representation.Mps).Records;
        Assert.Equal(e.Count, m.Count);
        for (int i = 0; i < e.Count; i++)
        {
            var a = e[i].Bookkeeping;
            var b = m[i].Bookkeeping;
            string at = $"step {a.Step}";
            Field(a.EntropyA, b.EntropyA, $"{at} S_A");
            Field(a.EntropyB, b.EntropyB, $"{at} S_B");
            Field(a.EntropyAB, b.EntropyAB, $"{at} S_AB");
            Field(a.EntropyE, b.EntropyE, $"{at} S_E");
            Field(a.EntropyAE, b.EntropyAE, $"{at} S_AE");
            Field(a.EntropyBE, b.EntropyBE, $"{at} S_BE");
            Field(a.EntropyABE, b.EntropyABE, $"{at} S_ABE");
            Field(a.RelativeEntropyE, b.RelativeEntropyE, $"{at} D_E");
            Field(a.EntropyProductionTotal, b.EntropyProductionTotal, $"{at} entropy_production_total");
            Field(a.MinSsaSlack, b.MinSsaSlack, $"{at} min_ssa_slack");
            Reference.AssertClose(e[i].RhoAB.ToMatrix(), m[i].RhoAB.ToMatrix(), Exact, $"{at} ρ_AB");
            if (e[i].Thermodynamics is not { } x) continue;
            var y = m[i].Thermodynamics!;
            Field(x.EnergySystem, y.EnergySystem, $"{at} energy_S");
            Field(x.Work, y.Work, $"{at} work");
            Field(x.EntropyFlow, y.EntropyFlow, $"{at} entropy_flow");
            for (int j = 0; j < x.Heat.Count; j++) Field(x.Heat[j], y.Heat[j], $"{at} heat[{j}]");
            Assert.Equal(0, m[i].WholeEnvironment!.TruncationError);
        }
    }

    private static Matrix<Complex> Exchange()
    {
        var v = Matrix<Complex>.Build.Dense(4, 4);
        v[2, 1] = 1;
        v[1, 2] = 1;
        return v;
    }

    private static Matrix<Complex> Level1(double omega) => Matrix<Complex>.Build.DenseOfDiagonalArray([0, omega]);

    [Theory]
    [InlineData(3, 0.7, 12)]
    [InlineData(1, 2.0, 8)]
    [InlineData(5, Math.PI, 9)]
    public void The_atom_in_front_of_a_mirror_matches_the_explicit_engine_on_every_field(int delay, double phase, int steps)
    {
        // A qubit in a superposition, vacuum bins with H_E = ω b†b, H_S = ω|e⟩⟨e|, exchange coupling (the ledger books
        // the returning collisions' heat); pure ancillas, so E's entropies come from the system's end at every step.
        const double omega = 1.3;
        var vacuum = AncillaState.From(DensityMatrix.Diagonal([1.0, 0.0]), Level1(omega));
        var bath = new Bath([0], vacuum, BathCollision.WithRate(Exchange(), 1.1), feedback: new DelayedFeedback(delay, phase));
        var protocol = new CollisionProtocol([2], [0], [bath], Level1(omega));
        var initial = DensityMatrix.FromKet(Ket.Create([new Complex(0.6, 0), new Complex(0, 0.8)], new CompositeSpace(2)));
        AssertEveryFieldMatchesExplicit(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.15, steps) });
    }

    [Fact]
    public void Mixed_ancillas_a_mixed_system_and_a_random_collision_match_the_explicit_engine_on_every_field()
    {
        // Two qubits (B = [1]) in a mixed state (purified by R_S in both engines), a thermal-like rank-2 ancilla with a
        // Hamiltonian and a random collision on B, delay 2, φ = 0.9: 4 steps, 6 ancillas (the whole-E entropies of
        // mixed ancillas are computed up to 9).
        var rng = new QuantumRandom(2131);
        var eta = DensityMatrix.Diagonal([0.7, 0.3]);
        var bath = new Bath([1], AncillaState.From(eta, Level1(0.8)), BathCollision.WithUnitary(rng.Unitary(4)), feedback: new DelayedFeedback(2, 0.9));
        var protocol = new CollisionProtocol([2, 2], [1], [bath], rng.Hermitian(4));
        var initial = rng.MixedState(protocol.SystemSpace);
        AssertEveryFieldMatchesExplicit(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.2, 4) });
    }

    [Fact]
    public void Two_delay_lines_and_a_bath_without_one_match_the_explicit_engine_on_every_field()
    {
        // Two qubits, pure random ancillas: a line of delay 3 on A, a memoryless bath on B, a line of delay 1 on B; the
        // lines' sites interleave with the ones that left, so the center walks past ancillas that never come back.
        var rng = new QuantumRandom(2132);
        AncillaState Pure() => AncillaState.Pure(rng.Ket(CompositeSpace.Qubits(1)));
        var protocol = new CollisionProtocol([2, 2], [1],
        [
            new Bath([0], Pure(), BathCollision.WithUnitary(rng.Unitary(4)), feedback: new DelayedFeedback(3, 0.4)),
            new Bath([1], Pure(), BathCollision.WithUnitary(rng.Unitary(4))),
            new Bath([1], Pure(), BathCollision.WithUnitary(rng.Unitary(4)), feedback: new DelayedFeedback(1, -1.2)),
        ], rng.Hermitian(4));
        var initial = DensityMatrix.FromKet(rng.Ket(protocol.SystemSpace));
        AssertEveryFieldMatchesExplicit(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(0.2, 4) });
    }

    [Fact]
    public void A_long_line_matches_the_amplitude_recursion()
    {
        // K = 400 steps with a delay of 20 (r = 1, δt = 0.01, φ = 0.7): far beyond the explicit engine. ρ_ee = |β c_n|²
        // and ρ_eg = β c_n ᾱ at every step, c_n from the recursion; one excitation keeps every bond ≤ 2, exactly.
        const double rate = 1, dt = 0.01, phase = 0.7;
        const int delay = 20, steps = 400;
        Complex alpha = new(0.6, 0), beta = new(0, 0.8);
        var initial = DensityMatrix.FromKet(Ket.Create([alpha, beta], new CompositeSpace(2)));
        var c = DelayedFeedbackTests.AmplitudeRecursion(rate, delay, phase, dt, steps);
        var engine = new MpsCollisionEngine(new CollisionRunOptions { Protocol = DelayedFeedbackTests.AtomMirror(rate, delay, phase), InitialSystem = initial, Grid = TimeGrid.OfStep(dt, steps) });
        for (int n = 1; n <= steps; n++)
        {
            engine.Advance();
            var rho = engine.SystemState().ToMatrix();
            Assert.True(Math.Abs((beta * c[n]).Magnitude * (beta * c[n]).Magnitude - rho[1, 1].Real) < Exact, $"step {n}: ρ_ee = {rho[1, 1].Real:R}");
            Assert.True((rho[1, 0] - beta * c[n] * Complex.Conjugate(alpha)).Magnitude < Exact, $"step {n}: ρ_eg = {rho[1, 0]}");
        }
        Assert.Equal(2, engine.MaxBond);
        Assert.Equal(0, engine.TruncationError);
    }

    [Fact]
    public void At_phase_pi_the_engine_freezes_at_the_atom_mirror_bound_state_to_first_order()
    {
        // ċ = −r c + r c(t − τ): the excited population freezes at 1/(1 + rτ)² = 4/9 for r = 2, τ = 0.25, read at
        // t = 10 (the transients have decayed below 1e-6 there). The distance is the discretisation error: it halves
        // with δt (δt = 0.01, 0.005: delays 25 and 50).
        const double rate = 2, tau = 0.25, time = 10;
        double bound = 1 / ((1 + rate * tau) * (1 + rate * tau));
        double Distance(int steps)
        {
            double dt = time / steps;
            var records = CollisionSimulation.Run(new CollisionRunOptions
            {
                Protocol = DelayedFeedbackTests.AtomMirror(rate, (int)Math.Round(tau / dt), Math.PI),
                InitialSystem = DensityMatrix.Diagonal([0.0, 1.0]),
                Grid = TimeGrid.OfStep(dt, steps),
                RecordEvery = steps,
            }, Representation.Mps).Records;
            return Math.Abs(records[^1].RhoAB.ToMatrix()[1, 1].Real - bound);
        }
        double coarse = Distance(1000), fine = Distance(2000);
        Assert.True(coarse < 2e-2, $"|c|² − 4/9 = {coarse:E2} at δt = 1e-2");
        Assert.InRange(Math.Log2(coarse / fine), 0.85, 1.15);
    }

    [Fact]
    public void A_loop_truncated_to_a_small_bond_reports_its_discarded_weight()
    {
        // Random qubit bins on a qubit: the line of 6 carries up to 2^6 Schmidt values across its deepest cut. Exact:
        // no truncation, bond above 4; with --max-bond 4 the bond stays at 4 and the discarded weight is reported,
        // growing record by record, and ρ_S stays a state close to the exact one.
        var rng = new QuantumRandom(2133);
        var protocol = new CollisionProtocol([2], [0],
            [new Bath([0], AncillaState.Pure(rng.Ket(new CompositeSpace(2))), BathCollision.WithUnitary(rng.Unitary(4)), feedback: new DelayedFeedback(6, 0.3))]);
        var options = new CollisionRunOptions { Protocol = protocol, InitialSystem = DensityMatrix.FromKet(rng.Ket(protocol.SystemSpace)), Grid = TimeGrid.OfStep(0.1, 20) };
        var exact = CollisionSimulation.Run(options, Representation.Mps).Records;
        Assert.True(exact[^1].WholeEnvironment!.MaxBond > 4);
        Assert.Equal(0, exact[^1].WholeEnvironment!.TruncationError);
        var truncated = CollisionSimulation.Run(options with { Truncation = new MpsTruncation { MaxBond = 4 } }, Representation.Mps).Records;
        Assert.Equal(4, truncated[^1].WholeEnvironment!.MaxBond);
        double error = truncated[^1].WholeEnvironment!.TruncationError;
        Assert.True(error > 1e-8, $"truncation_error = {error:E2}");
        for (int i = 1; i < truncated.Count; i++)
            Assert.True(truncated[i].WholeEnvironment!.TruncationError >= truncated[i - 1].WholeEnvironment!.TruncationError);
        // Each split moves the global state by at most √(2 ε_i): over N ≤ K·(2·delay + 2) splits, ‖Δψ‖ ≤ √(2 N Σε_i)
        // (Cauchy–Schwarz), and ‖Δρ_S‖₁ ≤ 2‖Δψ‖.
        double distance = (exact[^1].RhoAB.ToMatrix() - truncated[^1].RhoAB.ToMatrix()).L2Norm();
        Assert.True(distance <= 2 * Math.Sqrt(2 * 20 * 14 * error), $"‖Δρ‖ = {distance:E2}, discarded weight {error:E2}");
    }

    [Fact]
    public void Fragments_with_a_delay_line_are_refused_by_name()
    {
        var options = new CollisionRunOptions { Protocol = DelayedFeedbackTests.AtomMirror(1, 2, 0), InitialSystem = DensityMatrix.Diagonal([0.0, 1.0]), Grid = TimeGrid.OfStep(0.1, 3), Fragments = true };
        var e = Assert.Throws<ParameterOutOfRangeException>(() => CollisionSimulation.Run(options, Representation.Mps));
        Assert.Contains("baths[0].feedback", e.Message, StringComparison.Ordinal);
    }
}
