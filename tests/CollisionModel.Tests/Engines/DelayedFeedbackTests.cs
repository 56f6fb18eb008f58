using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;
using static CollisionModel.Tests.Engines.BruteForceCollisions;

namespace CollisionModel.Tests.Engines;

/// <summary>
/// Delayed feedback in the explicit representation: each ancilla collides a second time, `delay` steps after its
/// first collision, through the loop phase e^{iφN}; the line starts filled with fresh ancillas. References written
/// here: the single-excitation amplitude recursion, a two-excitation state vector of the system and every ancilla,
/// the density-matrix brute force (mixed ancillas, every booked field), and the closed-form solution of the delay
/// equation ċ = −r c − r e^{iφ} c(t − τ) Θ(t − τ).
/// </summary>
public class DelayedFeedbackTests
{
    private const double Exact = 1e-10;

    // Basis: level 1 is the excitation of the system qubit (|e⟩) and of an ancilla (one photon in the time bin).
    private static Matrix<Complex> ExchangeCoupling()
    {
        // V = σ⁺ ⊗ b + σ⁻ ⊗ b† on (system, ancilla), index = 2·s + a.
        var v = Matrix<Complex>.Build.Dense(4, 4);
        v[2, 1] = 1; // |e,0⟩⟨g,1|
        v[1, 2] = 1; // |g,1⟩⟨e,0|
        return v;
    }

    private static Matrix<Complex> Level1(double omega) => Matrix<Complex>.Build.DenseOfDiagonalArray([0, omega]);

    internal static CollisionProtocol AtomMirror(double rate, int delay, double phase, double omega = 0)
    {
        var vacuum = AncillaState.From(DensityMatrix.Diagonal([1.0, 0.0]), omega == 0 ? null : Level1(omega));
        var bath = new Bath([0], vacuum, BathCollision.WithRate(ExchangeCoupling(), rate), feedback: new DelayedFeedback(delay, phase));
        return new CollisionProtocol([2], [0], [bath], omega == 0 ? null : Level1(omega));
    }

    private static IReadOnlyList<StepRecord> Explicit(CollisionProtocol protocol, DensityMatrix initial, int steps, double dt) =>
        CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.OfStep(dt, steps) }, Representation.Explicit).Records;

    /// <summary>
    /// The excited amplitude c after every step, from one excitation in the system and a vacuum line: per step
    /// c ← e^{−iωδt/2} c; the returning bin a_{n−d} (zero for n &lt; d) meets the system, c′ = cos θ c − i sin θ e^{iφ} a_{n−d};
    /// the fresh bin takes a_n = −i sin θ c′ and c ← cos θ c′; c ← e^{−iωδt/2} c. θ = √(r δt).
    /// </summary>
    internal static Complex[] AmplitudeRecursion(double rate, int delay, double phase, double dt, int steps, double omega = 0)
    {
        double theta = Math.Sqrt(rate * dt), cos = Math.Cos(theta), sin = Math.Sin(theta);
        var half = Complex.FromPolarCoordinates(1, -omega * dt / 2);
        var loop = Complex.FromPolarCoordinates(1, phase);
        var bins = new Complex[steps];
        var c = new Complex[steps + 1];
        c[0] = 1;
        Complex now = 1;
        for (int n = 0; n < steps; n++)
        {
            now *= half;
            Complex back = n >= delay ? bins[n - delay] : 0;
            Complex after = cos * now - Complex.ImaginaryOne * sin * loop * back;
            bins[n] = -Complex.ImaginaryOne * sin * after;
            now = cos * after * half;
            c[n + 1] = now;
        }
        return c;
    }

    [Fact]
    public void Single_excitation_sector_matches_the_amplitude_recursion()
    {
        // ψ(0) = α|g⟩ + β|e⟩ with a vacuum line: the ground component never moves, so ρ_ee = |β c_n|² and
        // ρ_eg = β c_n ᾱ at every step. r = 1, δt = 0.1, delay 4 steps, φ = 0.7, 10 steps (14 ancillas).
        const double rate = 1, dt = 0.1, phase = 0.7;
        const int delay = 4, steps = 10;
        Complex alpha = new(0.6, 0), beta = new(0, 0.8);
        var initial = DensityMatrix.FromKet(Ket.Create([alpha, beta], new CompositeSpace(2)));
        var c = AmplitudeRecursion(rate, delay, phase, dt, steps);
        var records = Explicit(AtomMirror(rate, delay, phase), initial, steps, dt);
        for (int n = 0; n <= steps; n++)
        {
            var rho = records[n].RhoAB.ToMatrix();
            Assert.Equal((beta * c[n]).Magnitude * (beta * c[n]).Magnitude, rho[1, 1].Real, Exact);
            Assert.True((rho[1, 0] - beta * c[n] * Complex.Conjugate(alpha)).Magnitude < Exact, $"step {n}: ρ_eg = {rho[1, 0]}");
        }
    }

    [Fact]
    public void Ledger_books_the_returning_collisions_heat()
    {
        // H_S = ω|e⟩⟨e|, H_E = ω|1⟩⟨1| and an exchange coupling: the excitation moves between the atom and the bins, so
        // the heat the ancillas gave up so far is −ω (1 − |c_n|²) (with the returning collisions; the fresh ones alone
        // miss what comes back) and the work is 0. From the recursion with the H_S phases.
        const double rate = 1.3, dt = 0.08, phase = 2.1, omega = 1.7;
        const int delay = 3, steps = 12;
        var c = AmplitudeRecursion(rate, delay, phase, dt, steps, omega);
        var records = Explicit(AtomMirror(rate, delay, phase, omega), DensityMatrix.Diagonal([0.0, 1.0]), steps, dt);
        for (int n = 1; n <= steps; n++)
        {
            var ledger = records[n].Thermodynamics!;
            Assert.Equal(-omega * (1 - c[n].Magnitude * c[n].Magnitude), ledger.Heat[0]!.Value, Exact);
            Assert.Equal(0, ledger.Work!.Value, Exact);
            Assert.Equal(0, ledger.FirstLawResidual!.Value, Exact);
        }
    }

    [Fact]
    public void Ledger_counts_the_returning_collisions_as_collisions()
    {
        // A bath with a delay line collides twice per step (the returning ancilla, the line starting filled, then a
        // fresh one), so n steps of the atom–mirror model are 2n system–ancilla collisions (by hand), not n.
        const int delay = 3, steps = 7;
        var records = Explicit(AtomMirror(1.3, delay, 2.1, 1.7), DensityMatrix.Diagonal([0.0, 1.0]), steps, 0.08);
        for (int n = 0; n <= steps; n++) Assert.Equal(2 * n, records[n].Thermodynamics!.Collisions);
    }

    [Fact]
    public void Mixed_ancillas_and_a_random_collision_match_the_density_matrix_brute_force()
    {
        // Two qubits, B = [1], H_S random; the bath acts on B with rank-2 thermal-like ancillas (purified in the
        // engine, a density matrix in the reference) and a random unitary; delay 2, φ = 0.9, 3 steps: every booked
        // field (ρ_S, the E = all-collided-ancillas entropies, D_E, the fresh collisions' production) to 1e-10.
        var rng = new QuantumRandom(2121);
        var w = rng.Unitary(4);
        var eta = DensityMatrix.Diagonal([0.7, 0.3]);
        var h = rng.Hermitian(4);
        var protocol = new CollisionProtocol([2, 2], [1],
            [new Bath([1], AncillaState.From(eta), BathCollision.WithUnitary(w), feedback: new DelayedFeedback(2, 0.9))], h);
        var initial = DensityMatrix.FromKet(rng.Ket(protocol.SystemSpace));
        var reference = Run([2, 2], [0], [1], h, 0.2, [new BathSpec([1], eta.ToMatrix(), _ => w, Feedback: (2, 0.9))], initial, 3, keepAll: true);
        AssertMatches(Explicit(protocol, initial, 3, 0.2), reference, allAncillas: true, Exact);
    }

    [Fact]
    public void Two_excitations_match_a_state_vector_of_the_system_and_every_ancilla()
    {
        // Two atoms, both excited, emit into one waveguide: V = (σ⁻_A + σ⁻_B) ⊗ b† + h.c. on (A, B, bin) with a
        // three-level bin (0, 1, 2 photons: exact for two excitations), H_S = ω(n_A + n_B), loop phase e^{iφN}.
        // Reference: the state vector of A, B and every bin (5 fresh + 2 pre-filled), unitaries applied by hand.
        const double rate = 0.9, dt = 0.15, phase = 0.4, omega = 1.1;
        const int delay = 2, steps = 5;
        var v = TwoAtomCoupling();
        var hs = Matrix<Complex>.Build.DenseOfDiagonalArray([0, omega, omega, 2 * omega]);
        var bath = new Bath([0, 1], AncillaState.From(DensityMatrix.Diagonal([1.0, 0, 0]), Matrix<Complex>.Build.DenseOfDiagonalArray([0, omega, 2 * omega])),
            BathCollision.WithRate(v, rate), feedback: new DelayedFeedback(delay, phase));
        var protocol = new CollisionProtocol([2, 2], [1], [bath], hs);
        var records = Explicit(protocol, DensityMatrix.Diagonal([0.0, 0, 0, 1]), steps, dt);

        int bins = steps + delay;
        var psi = new Complex[4 * (int)Math.Pow(3, bins)];
        psi[3] = 1; // |e e⟩ ⊗ vacuum; index = s + 4·(bin digits, bin k the k-th appended)
        var half = MatrixFunctions.UnitaryPropagator(hs, dt / 2);
        var w = MatrixFunctions.UnitaryPropagator(v, Math.Sqrt(rate * dt));
        var loop = Matrix<Complex>.Build.DenseOfDiagonalArray([1, Complex.FromPolarCoordinates(1, phase), Complex.FromPolarCoordinates(1, 2 * phase)]);
        // Bin order: step n < delay appends its pre-filled bin, then its fresh one; afterwards only the fresh one.
        var fresh = new int[steps];
        int next = 0;
        for (int n = 0; n < steps; n++)
        {
            ApplySystem(psi, half);
            int back = n < delay ? next++ : fresh[n - delay];
            ApplyBin(psi, loop, back, bins, systemToo: false);
            ApplyBin(psi, w, back, bins, systemToo: true);
            fresh[n] = next++;
            ApplyBin(psi, w, fresh[n], bins, systemToo: true);
            ApplySystem(psi, half);

            var rho = Matrix<Complex>.Build.Dense(4, 4);
            double photons = 0;
            for (int i = 0; i < psi.Length; i++)
            {
                for (int s = 0; s < 4; s++) rho[i % 4, s] += psi[i] * Complex.Conjugate(psi[i - i % 4 + s]);
                int digits = i / 4;
                for (int k = 0; k < bins; k++, digits /= 3) photons += digits % 3 * psi[i].Magnitude * psi[i].Magnitude;
            }
            double delta = (records[n + 1].RhoAB.ToMatrix() - rho).Enumerate().Max(z => z.Magnitude);
            Assert.True(delta < Exact, $"step {n + 1}: max |Δρ_S| = {delta:E2}");
            // The bins hold every photon the atoms gave up: heat so far = −ω ⟨N_bins⟩.
            Assert.Equal(-omega * photons, records[n + 1].Thermodynamics!.Heat[0]!.Value, Exact);
        }
    }

    // (σ⁻_A + σ⁻_B) ⊗ b† + h.c. on (A, B, bin), index = 6·a + 3·b + k, level 1 = excited, b† with √(k+1).
    private static Matrix<Complex> TwoAtomCoupling()
    {
        var v = Matrix<Complex>.Build.Dense(12, 12);
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                for (int k = 0; k < 2; k++)
                {
                    double amp = Math.Sqrt(k + 1);
                    if (a == 1) v[6 * 0 + 3 * b + k + 1, 6 * 1 + 3 * b + k] += amp;
                    if (b == 1) v[6 * a + 3 * 0 + k + 1, 6 * a + 3 * 1 + k] += amp;
                }
        return v + v.ConjugateTranspose();
    }

    private static void ApplySystem(Complex[] psi, Matrix<Complex> u)
    {
        var x = new Complex[4];
        for (int o = 0; o < psi.Length; o += 4)
        {
            for (int s = 0; s < 4; s++) x[s] = psi[o + s];
            for (int r = 0; r < 4; r++)
            {
                Complex sum = 0;
                for (int s = 0; s < 4; s++) sum += u[r, s] * x[s];
                psi[o + r] = sum;
            }
        }
    }

    // u on (A, B, bin k) (12×12, index 3·s + level) or on bin k alone (3×3).
    private static void ApplyBin(Complex[] psi, Matrix<Complex> u, int bin, int bins, bool systemToo)
    {
        int stride = 4 * (int)Math.Pow(3, bin);
        var done = new bool[psi.Length];
        int n = u.RowCount;
        var x = new Complex[n];
        var index = new int[n];
        for (int i = 0; i < psi.Length; i++)
        {
            if (done[i]) continue;
            int level = i / stride % 3, s = i % 4;
            int root = i - level * stride - (systemToo ? s : 0);
            for (int t = 0; t < n; t++)
            {
                index[t] = systemToo ? root + t / 3 + t % 3 * stride : root + t * stride;
                x[t] = psi[index[t]];
                done[index[t]] = true;
            }
            for (int r = 0; r < n; r++)
            {
                Complex sum = 0;
                for (int t = 0; t < n; t++) sum += u[r, t] * x[t];
                psi[index[r]] = sum;
            }
        }
        _ = bins;
    }

    /// <summary>c(t) = Σ_k (−r e^{iφ})^k (t − kτ)^k / k! · e^{−r(t − kτ)} over t − kτ ≥ 0: the delay equation's solution, method of steps.</summary>
    private static Complex DelayEquation(double rate, double tau, double phase, double t)
    {
        Complex sum = 0, factor = 1;
        for (int k = 0; t - k * tau >= 0; k++)
        {
            double s = t - k * tau;
            sum += factor * Math.Pow(s, k) * Math.Exp(-rate * s);
            factor *= -rate * Complex.FromPolarCoordinates(1, phase) / (k + 1);
        }
        return sum;
    }

    [Fact]
    public void The_engine_converges_to_the_delay_equation_at_first_order()
    {
        // r = 1, τ = T/6 (delay K/6), φ = 0.7, T = 0.6: the error of c_e at T halves when K doubles.
        const double rate = 1, time = 0.6, phase = 0.7, tau = 0.1;
        var exact = DelayEquation(rate, tau, phase, time);
        double Error(int steps)
        {
            var initial = DensityMatrix.FromKet(Ket.Create([Math.Sqrt(0.5), Math.Sqrt(0.5)], new CompositeSpace(2)));
            var rho = Explicit(AtomMirror(rate, steps / 6, phase), initial, steps, time / steps)[steps].RhoAB.ToMatrix();
            return (2 * rho[1, 0] - exact).Magnitude; // ρ_eg = c_e(T)/2 with α = β = 1/√2
        }
        double coarse = Error(6), fine = Error(12);
        double order = Math.Log2(coarse / fine);
        Assert.InRange(order, 0.85, 1.15);
    }

    [Fact]
    public void At_phase_pi_the_recursion_freezes_at_the_atom_mirror_bound_state()
    {
        // The recursion of the single-excitation sector (equal to the engine, above) at φ = π: |c|² → 1/(1 + rτ)² =
        // 4/9 for r = 1, τ = 0.5, at t = 20; the distance falls at first order in δt.
        const double rate = 1, tau = 0.5, time = 20;
        double bound = 1 / ((1 + rate * tau) * (1 + rate * tau));
        double Distance(int steps)
        {
            double dt = time / steps;
            var c = AmplitudeRecursion(rate, (int)Math.Round(tau / dt), Math.PI, dt, steps);
            return Math.Abs(c[steps].Magnitude * c[steps].Magnitude - bound);
        }
        double coarse = Distance(2000), fine = Distance(4000);
        Assert.True(coarse < 1e-2, $"|c|² − 4/9 = {coarse:E2} at δt = 1e-2");
        Assert.InRange(Math.Log2(coarse / fine), 0.85, 1.15);
    }

    [Fact]
    public void Feedback_on_a_bath_with_memory_is_refused_by_name()
    {
        var e = Assert.Throws<ParameterOutOfRangeException>(() =>
            new Bath([0], AncillaState.Ground, BathCollision.WithRate(ExchangeCoupling(), 1), memoryAngle: 0.3, feedback: new DelayedFeedback(2, 0)));
        Assert.Contains("feedback", e.Message, StringComparison.Ordinal);
        Assert.Throws<ParameterOutOfRangeException>(() => new DelayedFeedback(0, 0));
    }

    [Fact]
    public void The_streaming_representation_refuses_a_delay_line_by_name()
    {
        var options = new CollisionRunOptions { Protocol = AtomMirror(1, 2, 0), InitialSystem = DensityMatrix.Diagonal([0.0, 1.0]), Grid = TimeGrid.OfStep(0.1, 3) };
        var e = Assert.Throws<ParameterOutOfRangeException>(() => CollisionSimulation.Run(options, Representation.Streaming));
        Assert.Contains("baths[0].feedback", e.Message, StringComparison.Ordinal);
    }
}
