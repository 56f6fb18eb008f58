using CollisionModel.Reproduction;

namespace CollisionModel.Tests.Reproduction;

public class SecondLawPerCollisionClaimTests
{
    [Fact]
    public void The_identity_holds_and_the_first_collision_matches_the_swap_closed_form()
    {
        // First collision from a|00⟩ + b|11⟩ (a = 0.6): B's |0⟩ population is a², the ancilla's p0 = γ/(γ+κ); the
        // partial swap moves s(a² − p0) of |0⟩ population into the ancilla, s = 1 − e^{−(γ+κ)δt}, and with
        // H_E = −(ω_E/2)σz the ancilla's energy changes by −ω_E·s(a² − p0), so Q = ω_E s (a² − p0) and βQ with β = ln(γ/κ)/ω_E.
        var report = new SecondLawPerCollisionClaim().Evaluate(new PaperSettings(Reduced: true));
        Assert.True(report.Holds, report.Finding);
        double dt = 2.0 / 40, s = 1 - Math.Exp(-1.5 * dt), q = 1 * s * (0.36 - 1 / 1.5), beta = Math.Log(2);
        var first = report.Rows[0];
        Assert.Equal(1L, first[0]);
        Assert.Equal(q, (double)first[6]!, 1e-14);
        Assert.Equal(beta * q, (double)first[3]!, 1e-14);
        Assert.True((double)report.Summary.Single(f => f.Name == "max_abs_identity_residual").Value! < 1e-10);
    }
}
