using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.MasterEquation;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Studies;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;
using Plain = CollisionModel.Tests.Thermodynamics.BruteForce;

namespace CollisionModel.Tests.Models;

/// <summary>
/// The Lindblad limit of a cascade against the cascaded master equation written here: the Gardiner–Carmichael form
/// (one collective jump √r₁L₁ + √r₂L₂ and H_casc = (i/2)√(r₁r₂)(L₁†L₂ − L₂†L₁), L₁ first) for a vacuum waveguide, and
/// the general second-order formula term by term for a thermal one; then the collision model converging to it.
/// </summary>
public class CascadeLindbladLimitTests
{
    private static readonly Matrix<Complex> Sp = Pauli.SigmaPlus, Sm = Pauli.SigmaMinus, I2 = Plain.Identity(2);

    // V = L ⊗ b† + L† ⊗ b with b = σ⁻ on the ancilla: emission of a quantum into the waveguide.
    private static Matrix<Complex> Emission(Matrix<Complex> l) => Plain.Kron(l, Sp) + Plain.Kron(l.ConjugateTranspose(), Sm);

    private static Matrix<Complex> RandomOperator(QuantumRandom rng, int d) => rng.Hermitian(d) + Complex.ImaginaryOne * rng.Hermitian(d);

    [Fact]
    public void A_vacuum_waveguide_through_two_qubits_has_the_Gardiner_Carmichael_limit()
    {
        // Reference: L(ρ) = −i[H_S + H_casc, ρ] + D[J]ρ with J = √r₁ L₁⊗1 + √r₂ 1⊗L₂, built from the test's operators;
        // random non-normal L₁, L₂ and H_S; superoperators to 1e-13.
        const double r1 = 0.9, r2 = 0.4;
        var rng = new QuantumRandom(2111);
        var (l1, l2, hS) = (RandomOperator(rng, 2), RandomOperator(rng, 2), rng.Hermitian(4));
        var bath = Bath.Cascaded([new CascadeEntry([0], BathCollision.WithRate(Emission(l1), r1)), new CascadeEntry([1], BathCollision.WithRate(Emission(l2), r2))],
            [2, 2], AncillaState.Ground);
        var protocol = new CollisionProtocol([2, 2], [1], [bath], hS);
        var (a, b) = (Plain.Kron(l1, I2), Plain.Kron(I2, l2));
        var jump = Math.Sqrt(r1) * a + Math.Sqrt(r2) * b;
        var hCascade = new Complex(0, 0.5) * Math.Sqrt(r1 * r2) * (a.ConjugateTranspose() * b - b.ConjugateTranspose() * a);
        var reference = new Lindbladian(CompositeSpace.Qubits(2), hS + hCascade, [jump]);
        double difference = (protocol.LindbladLimitGenerator().Superoperator() - reference.Superoperator()).FrobeniusNorm();
        Assert.True(difference < 1e-13, $"‖L − L_GC‖ = {difference:E2}");
        // The order matters: the source first. The reversed cascade (qubit 1 first) is a different generator.
        var reversed = new CollisionProtocol([2, 2], [1], [Bath.Cascaded(
            [new CascadeEntry([1], BathCollision.WithRate(Emission(l2), r2)), new CascadeEntry([0], BathCollision.WithRate(Emission(l1), r1))], [2, 2], AncillaState.Ground)], hS);
        Assert.True((reversed.LindbladLimitGenerator().Superoperator() - reference.Superoperator()).FrobeniusNorm() > 0.1);
    }

    [Fact]
    public void Three_entries_with_a_thermal_ancilla_follow_the_second_order_formula_term_by_term()
    {
        // Reference, applied to a random ρ: −i[H_S, ρ] + Σ_i r_i tr_E(V_i X V_i − ½{V_i², X})
        //   + Σ_{i<j} √(r_i r_j) tr_E(V_i X V_j + V_j X V_i − V_j V_i X − X V_i V_j), X = ρ ⊗ η,
        // every V_i embedded on (A, B, E) by Kronecker products here; entries on A, on (A, B) and on B; 1e-13.
        var rates = new[] { 0.7, 1.3, 0.5 };
        var rng = new QuantumRandom(2112);
        var (l0, l1, l2, hS) = (RandomOperator(rng, 2), RandomOperator(rng, 4), RandomOperator(rng, 2), rng.Hermitian(4));
        var eta = Plain.Gibbs(0.5 * Pauli.Z, 0.8);
        var bath = Bath.Cascaded(
        [
            new CascadeEntry([0], BathCollision.WithRate(Emission(l0), rates[0])),
            new CascadeEntry([0, 1], BathCollision.WithRate(Emission(l1), rates[1])),
            new CascadeEntry([1], BathCollision.WithRate(Emission(l2), rates[2])),
        ], [2, 2], AncillaState.From(DensityMatrix.Create(eta)));
        var protocol = new CollisionProtocol([2, 2], [1], [bath], hS);
        var v = new[] { Emission(Plain.Kron(l0, I2)), Emission(l1), Emission(Plain.Kron(I2, l2)) };
        var rho = rng.MixedState(CompositeSpace.Qubits(2)).ToMatrix();
        var x = Plain.Kron(rho, eta);
        var sum = Matrix<Complex>.Build.Dense(8, 8);
        for (int i = 0; i < 3; i++)
        {
            sum += rates[i] * (v[i] * x * v[i] - 0.5 * (v[i] * v[i] * x + x * v[i] * v[i]));
            for (int j = i + 1; j < 3; j++)
                sum += Math.Sqrt(rates[i] * rates[j]) * (v[i] * x * v[j] + v[j] * x * v[i] - v[j] * v[i] * x - x * v[i] * v[j]);
        }
        var reference = -Complex.ImaginaryOne * (hS * rho - rho * hS) + Plain.TraceOutLast(sum, 4, 2);
        double difference = (protocol.LindbladLimitGenerator().Apply(rho) - reference).FrobeniusNorm();
        Assert.True(difference < 1e-13, $"‖L(ρ) − L_ref(ρ)‖ = {difference:E2}");
    }

    [Fact]
    public void An_entry_without_a_limit_is_named()
    {
        var v = Emission(Sm);
        var angle = new CollisionProtocol([2, 2], [1], [Bath.Cascaded(
            [new CascadeEntry([0], BathCollision.WithRate(v, 1)), new CascadeEntry([1], BathCollision.WithAngle(v, 0.2))], [2, 2], AncillaState.Ground)]);
        Assert.Contains("baths[0].cascade[1] has a fixed angle", angle.WhyNoLindbladLimit());
        var mean = new CollisionProtocol([2, 2], [1], [Bath.Cascaded(
            [new CascadeEntry([0], BathCollision.WithRate(Plain.Kron(Pauli.X, Pauli.Z), 1)), new CascadeEntry([1], BathCollision.WithRate(v, 1))], [2, 2], AncillaState.Ground)]);
        Assert.Contains("baths[0].cascade[0]: the coupling has a nonzero mean", mean.WhyNoLindbladLimit());
    }

    /// <summary>
    /// A driven source qubit (H = (Ω/2)σx on qubit 0) feeding a second qubit through one vacuum waveguide, at rates
    /// γ₁ (source) and γ₂ (target); the jump operators are σ⁻ of each qubit.
    /// </summary>
    private static CollisionProtocol SourceAndTarget(double omega, double gamma1, double gamma2) => new([2, 2], [1],
        [Bath.Cascaded([new CascadeEntry([0], BathCollision.WithRate(Emission(Sm), gamma1)), new CascadeEntry([1], BathCollision.WithRate(Emission(Sm), gamma2))],
            [2, 2], AncillaState.Ground)],
        0.5 * omega * Plain.Kron(Pauli.X, I2));

    [Fact]
    public void The_source_of_a_cascade_feels_no_back_action_and_relaxes_to_resonance_fluorescence()
    {
        // Closed form (the Bloch equations of a resonantly driven two-level atom, H = (Ω/2)σx, decay γ₁ from |1⟩ to
        // |0⟩): ⟨σz⟩ = γ₁²/(γ₁² + 2Ω²), ⟨σy⟩ = −2Ωγ₁/(γ₁² + 2Ω²), ⟨σx⟩ = 0, so ρ_11 = Ω²/(γ₁² + 2Ω²); 1e-10. The
        // source's reduced steady state must not depend on the target.
        const double omega = 1.3, gamma1 = 0.8, gamma2 = 1.7;
        var steady = SteadyState.OfLindbladLimit(SourceAndTarget(omega, gamma1, gamma2)).State;
        var source = steady.Reduced(0).ToMatrix();
        double denominator = gamma1 * gamma1 + 2 * omega * omega;
        Assert.Equal(omega * omega / denominator, source[1, 1].Real, 1e-10);
        double sigmaY = (Pauli.Y * source).Trace().Real;
        double sigmaX = (Pauli.X * source).Trace().Real;
        Assert.Equal(0, sigmaX, 1e-10);
        Assert.Equal(-2 * omega * gamma1 / denominator, sigmaY, 1e-10);
        // Unidirectional: the target is excited by the source's output, and the source is the same at another γ₂.
        Assert.True(steady.Reduced(1).ToMatrix()[1, 1].Real > 0.05);
        var other = SteadyState.OfLindbladLimit(SourceAndTarget(omega, gamma1, 0.3)).State.Reduced(0).ToMatrix();
        Assert.True((other - source).FrobeniusNorm() < 1e-10);
    }

    [Fact]
    public void The_steady_state_is_the_null_vector_of_the_hand_built_cascaded_generator()
    {
        // Reference: the kernel of the Gardiner–Carmichael superoperator built here (column stacking,
        // vec(AρB) = (Bᵀ ⊗ A) vec ρ), found by SVD and normalised to trace 1; 1e-10.
        const double omega = 1.3, gamma1 = 0.8, gamma2 = 1.7;
        var steady = SteadyState.OfLindbladLimit(SourceAndTarget(omega, gamma1, gamma2)).State.ToMatrix();
        var (a, b) = (Plain.Kron(Sm, I2), Plain.Kron(I2, Sm));
        var j = Math.Sqrt(gamma1) * a + Math.Sqrt(gamma2) * b;
        var h = 0.5 * omega * Plain.Kron(Pauli.X, I2) + new Complex(0, 0.5) * Math.Sqrt(gamma1 * gamma2) * (a.ConjugateTranspose() * b - b.ConjugateTranspose() * a);
        var one = Plain.Identity(4);
        var jj = j.ConjugateTranspose() * j;
        var super = -Complex.ImaginaryOne * (one.KroneckerProduct(h) - h.Transpose().KroneckerProduct(one))
            + j.Conjugate().KroneckerProduct(j) - 0.5 * (one.KroneckerProduct(jj) + jj.Transpose().KroneckerProduct(one));
        var svd = super.Svd(computeVectors: true);
        var kernel = svd.VT.Row(15).Conjugate();
        var reference = Matrix<Complex>.Build.DenseOfColumnMajor(4, 4, kernel.ToArray());
        reference /= reference.Trace();
        Assert.True(svd.S[15].Magnitude < 1e-12 && svd.S[14].Magnitude > 1e-3, "a unique steady state");
        Assert.True((steady - reference).FrobeniusNorm() < 1e-10, $"‖ρ_ss − ρ_ref‖ = {(steady - reference).FrobeniusNorm():E2}");
    }

    [Fact]
    public void The_collision_model_converges_to_the_hand_built_cascaded_equation_at_first_order()
    {
        // Streaming runs at K and 2K steps of θ_i = √(γ_i δt) against the hand-built Gardiner–Carmichael generator
        // evolved to T: the trace distance halves with δt (first order; ratios within 2 ± 0.1 at K ≥ 400), and the
        // library's convergence study fits the same order.
        const double omega = 1.3, gamma1 = 0.8, gamma2 = 1.7, time = 2;
        var protocol = SourceAndTarget(omega, gamma1, gamma2);
        var initial = DensityMatrix.FromKet(Ket.Create([0.6, new Complex(0, 0.48), 0.64, 0], CompositeSpace.Qubits(2)));
        var (a, b) = (Plain.Kron(Sm, I2), Plain.Kron(I2, Sm));
        var h = 0.5 * omega * Plain.Kron(Pauli.X, I2) + new Complex(0, 0.5) * Math.Sqrt(gamma1 * gamma2) * (a.ConjugateTranspose() * b - b.ConjugateTranspose() * a);
        var limit = new Lindbladian(CompositeSpace.Qubits(2), h, [Math.Sqrt(gamma1) * a + Math.Sqrt(gamma2) * b]).Evolve(initial, time);
        double Error(int k)
        {
            var run = CollisionSimulation.Run(new CollisionRunOptions { Protocol = protocol, InitialSystem = initial, Grid = TimeGrid.Over(time, k) }, Representation.Streaming);
            return TraceDistance.Compute(run.Records[^1].RhoAB, limit);
        }
        double e400 = Error(400), e800 = Error(800), e1600 = Error(1600);
        Assert.InRange(e400 / e800, 1.9, 2.1);
        Assert.InRange(e800 / e1600, 1.9, 2.1);
        var study = ConvergenceStudy.Run(protocol, initial, time, [1000, 2000, 4000, 8000]);
        Assert.InRange(study.Order!.Value, 0.95, 1.05);
        Assert.Equal(e1600 * 1600 / 8000, study.Records[^1].TraceDistance, 0.05 * e1600 * 1600 / 8000);
    }
}
