using CollisionModel.Channels;
using CollisionModel.Models;
using CollisionModel.Tests.Cli;
using CollisionModel.Tests.Docs;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Tests.Thermodynamics;

/// <summary>
/// The two-qubit absorption refrigerator (examples/AbsorptionRefrigerator/two-qubit-refrigerator.json): a cold qubit
/// (ω_c = 1) and a room qubit (ω_r = 3), the hot bath (ω_h = 2) driving |1_c 0_r⟩ ↔ |0_c 1_r⟩, β_c = 1.25, β_r = 1,
/// rates 0.5, β_h varied. References written here: the closed-form solution of the local master equation's 4×4
/// population rate equations (docs/thermodynamics.md), the window edge β_h* = (β_r ω_r − β_c ω_c)/ω_h = 0.875 and the
/// product of the local Gibbs states there, Carnot's (β_r − β_h)/(β_c − β_r), and `collision master --model-file`.
/// </summary>
public class TwoQubitAbsorptionRefrigeratorTests
{
    private const double OmegaCold = 1, OmegaHot = 2, OmegaRoom = 3, BetaCold = 1.25, BetaRoom = 1, EdgeBeta = 0.875;
    private const int Cold = TwoQubitAbsorptionRefrigerator.Cold, Room = TwoQubitAbsorptionRefrigerator.Room, Hot = TwoQubitAbsorptionRefrigerator.Hot;

    private static TwoQubitAbsorptionRefrigerator Fridge(double hotBeta, double coldRate = 0.5, double roomRate = 0.5, double hotRate = 0.5) =>
        new(OmegaCold, OmegaHot, BetaCold, BetaRoom, hotBeta, coldRate, roomRate, hotRate);

    private static string ExampleFile => Path.Combine(TrackedFiles.Root, "examples", "AbsorptionRefrigerator", "two-qubit-refrigerator.json");

    private static double[] Currents(SteadyStateCurrents s) => s.HeatCurrents.Select(j => j!.Value).ToArray();

    private static double Excited(double beta, double omega) => 1 / (1 + Math.Exp(beta * omega));

    /// <summary>
    /// The closed form of the local master equation's steady state: the quanta current Ṅ and the populations
    /// (p_00, p_01, p_10, p_11) in the basis |c r⟩. With q_j the excited population of bath j's ancilla,
    /// Ṅ = γ_h[q_h q_c(1 − q_r) − (1 − q_h) q_r(1 − q_c)]/D, D = 1 + γ_h[q_h/γ_c + (1 − q_h)/γ_r
    /// + (2q_h − 1)(γ_c q_c/γ_r − γ_r q_r/γ_c)/(γ_c + γ_r)]; P_c = q_c − Ṅ/γ_c, P_r = q_r + Ṅ/γ_r,
    /// p_11 = (γ_c q_c P_r + γ_r q_r P_c)/(γ_c + γ_r).
    /// </summary>
    private static (double Quanta, double[] Populations) ClosedForm(double hotBeta, double gc, double gr, double gh)
    {
        double qc = Excited(BetaCold, OmegaCold), qr = Excited(BetaRoom, OmegaRoom), qh = Excited(hotBeta, OmegaHot);
        double d = 1 + gh * (qh / gc + (1 - qh) / gr + (2 * qh - 1) * (gc * qc / gr - gr * qr / gc) / (gc + gr));
        double n = gh * (qh * qc * (1 - qr) - (1 - qh) * qr * (1 - qc)) / d;
        double pc = qc - n / gc, pr = qr + n / gr, p11 = (gc * qc * pr + gr * qr * pc) / (gc + gr);
        return (n, [1 - pc - pr + p11, pr - p11, pc - p11, p11]);
    }

    [Fact]
    public void The_example_model_file_is_the_librarys_two_qubit_refrigerator_at_its_hot_temperature()
    {
        var fromFile = StepChannel.Superoperator(ModelFile.Load(ExampleFile).Protocol, 0.05);
        var fromCode = StepChannel.Superoperator(Fridge(0.25).Protocol, 0.05);
        Assert.True((fromFile - fromCode).FrobeniusNorm() < 1e-14);
    }

    [Fact]
    public void Master_model_file_gives_the_closed_form_of_the_population_rate_equations()
    {
        // Reference: the closed form above (independent of the generator's null space the CLI computes). 1e-10.
        var master = CliHarness.RunJson("master", "--model-file", ExampleFile, "--time", "1", "--points", "2");
        var currents = master.GetProperty("steady_heat_current").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var rho = master.GetProperty("steady_state");
        var (quanta, populations) = ClosedForm(0.25, 0.5, 0.5, 0.5);
        Assert.Equal(OmegaCold * quanta, currents[Cold], 1e-10);
        Assert.Equal(OmegaHot * quanta, currents[Hot], 1e-10);
        Assert.Equal(-OmegaRoom * quanta, currents[Room], 1e-10);
        for (int i = 0; i < 4; i++) Assert.Equal(populations[i], rho[i][i][0].GetDouble(), 1e-10);
    }

    [Theory]
    [InlineData(0.25, 0.5, 0.5, 0.5)]
    [InlineData(0.1, 0.3, 1.2, 0.7)]
    [InlineData(1.5, 2.0, 0.4, 0.9)]
    public void The_lindblad_limit_matches_the_closed_form_for_unequal_rates_and_outside_the_window(double hotBeta, double gc, double gr, double gh)
    {
        var limit = SteadyState.OfLindbladLimit(Fridge(hotBeta, gc, gr, gh).Protocol);
        var (quanta, populations) = ClosedForm(hotBeta, gc, gr, gh);
        Assert.Equal(OmegaCold * quanta, limit.HeatCurrents[Cold]!.Value, 1e-10);
        var rho = limit.State.ToMatrix();
        for (int i = 0; i < 4; i++) Assert.Equal(populations[i], rho[i, i].Real, 1e-10);
    }

    [Theory]
    [InlineData(0.25, 0.05)]
    [InlineData(0.25, 0.2)]
    [InlineData(1.5, 0.05)]
    public void Every_cycle_moves_one_quantum_of_each_bath_so_the_currents_stand_as_the_frequencies(double hotBeta, double dt)
    {
        // The cold bath changes n_c, the room bath n_r, the hot bath moves one quantum from c to r: a steady ⟨n_c⟩ and
        // ⟨n_r⟩ need equal quanta currents, J_c/ω_c = J_h/ω_h = −J_r/ω_r. Collision model and limit; 1e-10 on the ratios.
        var protocol = Fridge(hotBeta).Protocol;
        foreach (var currents in new[] { Currents(SteadyState.OfCollisionModel(protocol, dt)), Currents(SteadyState.OfLindbladLimit(protocol)) })
        {
            Assert.Equal(OmegaHot / OmegaCold, currents[Hot] / currents[Cold], 1e-10);
            Assert.Equal(-OmegaRoom / OmegaCold, currents[Room] / currents[Cold], 1e-10);
        }
    }

    [Fact]
    public void The_collision_models_currents_converge_to_master_model_file_at_first_order()
    {
        // Reference: collision master --model-file. Halving δt halves the fixed point's difference from the limit
        // (ratio in [1.8, 2.2]); the Richardson combination 2J(δt/2) − J(δt) is ten times closer than J(δt/2).
        var master = CliHarness.RunJson("master", "--model-file", ExampleFile, "--time", "1", "--points", "2");
        var limit = master.GetProperty("steady_heat_current").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var protocol = ModelFile.Load(ExampleFile).Protocol;
        double[] steps = [0.04, 0.02, 0.01];
        var currents = steps.Select(dt => Currents(SteadyState.OfCollisionModel(protocol, dt))).ToArray();
        for (int b = 0; b < 3; b++)
        {
            var errors = currents.Select(c => Math.Abs(c[b] - limit[b])).ToArray();
            Assert.InRange(errors[0] / errors[1], 1.8, 2.2);
            Assert.InRange(errors[1] / errors[2], 1.8, 2.2);
            Assert.True(Math.Abs(2 * currents[2][b] - currents[1][b] - limit[b]) < errors[2] / 10);
        }
    }

    [Fact]
    public void A_long_simulate_model_file_run_reaches_the_fixed_point_currents()
    {
        // Reference: the fixed point of one step at δt = 0.05 (SteadyState). The CLI's ledger from |00⟩ over the last
        // 200 of 2000 steps (t = 90 … 100; the slowest relaxation rate is ~γ, so the start is forgotten to e^{-40}). 1e-10.
        var run = CliHarness.RunJson("simulate", "--model-file", ExampleFile, "--time", "100", "--steps", "2000");
        var records = run.GetProperty("records");
        var early = records[1800].GetProperty("heat").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var late = records[2000].GetProperty("heat").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var fixedPoint = Currents(SteadyState.OfCollisionModel(ModelFile.Load(ExampleFile).Protocol, 0.05));
        for (int b = 0; b < 3; b++) Assert.Equal(fixedPoint[b], (late[b] - early[b]) / 10, 1e-10);
    }

    [Fact]
    public void At_the_window_edge_the_steady_state_is_the_product_of_the_local_gibbs_states_and_nothing_flows()
    {
        // e^{−β_c ω_c} e^{−β_h ω_h} = e^{−β_r ω_r} at β_h* = 0.875: the product Gibbs state's p_01/p_10 = e^{−β_h ω_h}
        // is the hot bath's own ratio, so every bath leaves it alone, at any δt. State to 1e-12, currents below 1e-14.
        var fridge = Fridge(EdgeBeta);
        Assert.Equal(EdgeBeta, fridge.Parameters.EdgeHotBeta, 1e-15);
        double qc = Excited(BetaCold, OmegaCold), qr = Excited(BetaRoom, OmegaRoom);
        double[] product = [(1 - qc) * (1 - qr), (1 - qc) * qr, qc * (1 - qr), qc * qr];
        foreach (double dt in new[] { 0.05, 0.3 })
        {
            var steady = SteadyState.OfCollisionModel(fridge.Protocol, dt);
            var rho = steady.State.ToMatrix();
            for (int i = 0; i < 4; i++) Assert.Equal(product[i], rho[i, i].Real, 1e-12);
            Assert.All(Currents(steady), c => Assert.True(Math.Abs(c) < 1e-14, $"current {c}"));
        }
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0.9)]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void It_cools_exactly_inside_the_window_with_cop_omega_c_over_omega_h_below_carnot(double hotBeta)
    {
        // Cooling (J_c > 0) ⇔ β_h < β_h*; then J_c/J_h = ω_c/ω_h = 0.5 (1e-10) < Carnot's (β_r − β_h)/(β_c − β_r).
        var fridge = Fridge(hotBeta);
        var j = Currents(SteadyState.OfCollisionModel(fridge.Protocol, 0.05));
        bool inside = hotBeta < EdgeBeta;
        Assert.Equal(inside, j[Cold] > 0);
        Assert.Equal(inside, fridge.Parameters.Cools);
        Assert.Equal(OmegaCold / OmegaHot, j[Cold] / j[Hot], 1e-10);
        Assert.True(-(BetaCold * j[Cold] + BetaRoom * j[Room] + hotBeta * j[Hot]) > 0);
        if (inside) Assert.True(j[Cold] / j[Hot] < (BetaRoom - hotBeta) / (BetaCold - BetaRoom));
    }
}
