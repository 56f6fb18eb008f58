using System.Numerics;
using CollisionModel.Bookkeeping;
using CollisionModel.Models;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Bookkeeping;

/// <summary>
/// The one bookkeeper: D(ρ‖η) against the classical closed form Σ p ln(p/q), and the invariant guard tripped by a
/// deliberately broken engine view — a test double that hands the books an impossible state or entropy — with the
/// step and the invariant named in the message.
/// </summary>
public class StepBookkeeperTests
{
    // One qubit system (B), one bath with a thermal qubit ancilla η = diag(q, 1 − q) and a partial-swap collision.
    private const double Q = 0.8;

    private static CollisionProtocol Protocol()
    {
        var swap = MathNet.Numerics.LinearAlgebra.Matrix<Complex>.Build.DenseOfArray(new Complex[,]
        {
            { 1, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 },
        });
        return new CollisionProtocol([2], [0], [new Bath([0], AncillaState.Thermal(Q, 1 - Q), BathCollision.WithUnitary(swap))]);
    }

    private static StepBookkeeper Books() =>
        new(Protocol(), TimeGrid.OfStep(0.1, 10), EnvironmentScope.LatestStep, Diagonal(0.5, 0.5), keepLedger: false);

    private static Complex[] Diagonal(double a, double b) => [a, 0, 0, b];

    private static StepEntropies Consistent(double s) => new(0, s, s, s, s, 2 * s, s);

    [Fact]
    public void Relative_entropy_of_a_diagonal_ancilla_is_the_classical_divergence()
    {
        // D(diag(p, 1 − p) ‖ diag(q, 1 − q)) = p ln(p/q) + (1 − p) ln((1 − p)/(1 − q)) for commuting states.
        const double p = 0.3;
        var eta = AncillaState.Thermal(Q, 1 - Q);
        var (cross, outside) = AncillaDivergence.CrossTerm(Diagonal(p, 1 - p), 2, eta.LogOnSupport, eta.KernelProjector);
        double entropy = -p * Math.Log(p) - (1 - p) * Math.Log(1 - p);
        double expected = p * Math.Log(p / Q) + (1 - p) * Math.Log((1 - p) / (1 - Q));
        Assert.False(outside);
        Assert.Equal(expected, AncillaDivergence.Value(entropy, cross, outside), 1e-14);
    }

    [Fact]
    public void Relative_entropy_is_infinite_once_the_ancilla_leaves_the_support_of_a_pure_reference()
    {
        var ground = AncillaState.Ground;
        var (cross, outside) = AncillaDivergence.CrossTerm(Diagonal(0.9, 0.1), 2, ground.LogOnSupport, ground.KernelProjector);
        Assert.True(outside);
        Assert.Equal(double.PositiveInfinity, AncillaDivergence.Value(0.3, cross, outside));
    }

    [Fact]
    public void A_consistent_step_passes_the_guard_and_is_booked()
    {
        var books = Books();
        books.Initial(Consistent(Math.Log(2)));
        var b = books.Close(Consistent(0.5), Diagonal(0.6, 0.4));
        Assert.Equal(1, b.Step);
        Assert.Equal(0.1, b.Time, 1e-15);
    }

    [Fact]
    public void A_system_state_of_trace_above_one_stops_the_run_naming_the_step_and_the_trace()
    {
        var books = Books();
        books.Initial(Consistent(Math.Log(2)));
        books.Close(Consistent(0.5), Diagonal(0.6, 0.4));
        var e = Assert.Throws<InvariantViolationException>(() => books.Close(Consistent(0.5), Diagonal(0.6, 0.5)));
        Assert.Equal(2, e.Step);
        Assert.Contains("step 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("tr ρ_S = 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_hermitian_system_state_stops_the_run()
    {
        var books = Books();
        var e = Assert.Throws<InvariantViolationException>(() =>
            books.Close(Consistent(0.5), [0.5, new Complex(0, 0.1), new Complex(0, 0.1), 0.5]));
        Assert.Equal("ρ_S Hermitian", e.Invariant);
    }

    [Fact]
    public void A_system_state_with_a_negative_eigenvalue_stops_the_run()
    {
        // diag(1.1, −0.1): unit trace and Hermitian, but not positive; the guard computes the spectrum itself.
        var books = Books();
        var e = Assert.Throws<InvariantViolationException>(() => books.Close(Consistent(0.5), Diagonal(1.1, -0.1)));
        Assert.Equal("ρ_S ≥ 0", e.Invariant);
        Assert.Contains("-0.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_ssa_slack_stops_the_run()
    {
        // slack = S_AB + S_BE − S_ABE − S_B = 0.5 + 0.2 − 0.9 − 0 = −0.2.
        var books = Books();
        var e = Assert.Throws<InvariantViolationException>(() =>
            books.Close(new StepEntropies(0, 0, 0.5, 0.4, 0.4, 0.2, 0.9), Diagonal(0.6, 0.4)));
        Assert.Equal("SSA slack I(A:E|B) ≥ 0", e.Invariant);
        Assert.Equal(1, e.Step);
    }

    [Fact]
    public void A_negative_production_of_a_fresh_ancilla_stops_the_run()
    {
        // η itself after the collision (D = 0), but S(S′E′) above S(S′) + S(E′): I(S′:E′) = −0.1.
        var books = Books();
        double sEta = -Q * Math.Log(Q) - (1 - Q) * Math.Log(1 - Q);
        var e = Assert.Throws<InvariantViolationException>(() =>
            books.Collision(0, 0.3, Diagonal(Q, 1 - Q), sEta, 0.3 + sEta + 0.1));
        Assert.Equal("entropy production ≥ 0", e.Invariant);
    }

    [Fact]
    public void Without_the_guard_the_broken_view_is_booked_as_given()
    {
        var books = new StepBookkeeper(Protocol(), TimeGrid.OfStep(0.1, 10), EnvironmentScope.LatestStep, Diagonal(0.5, 0.5),
            keepLedger: false, guardInvariants: false);
        var b = books.Close(Consistent(0.5), Diagonal(0.6, 0.5));
        Assert.Equal(1, b.Step);
    }
}
