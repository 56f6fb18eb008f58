using CollisionModel.Channels;
using CollisionModel.Models;
using CollisionModel.Tests.Cli;
using CollisionModel.Tests.Docs;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Tests.Thermodynamics;

/// <summary>
/// The three-qubit absorption refrigerator (examples/AbsorptionRefrigerator): ω_c = 1, ω_h = 2, ω_r = 3, g = 0.2,
/// β_c = 1.25, β_r = 1, rates 0.5, the hot bath's β_h varied. References written here: the window edge
/// β_h* = (β_r ω_r − β_c ω_c)/ω_h = 0.875 and Carnot's (β_r − β_h)/(β_c − β_r) from the frequencies and temperatures,
/// the product of the three baths' Gibbs states at the edge, and `collision master --model-file` (the Lindblad
/// limit, from the generator's null space) for the collision model's fixed point of one step.
/// </summary>
public class AbsorptionRefrigeratorTests
{
    private const double OmegaCold = 1, OmegaHot = 2, OmegaRoom = 3, BetaCold = 1.25, BetaRoom = 1, EdgeBeta = 0.875;
    private const int Cold = AbsorptionRefrigerator.Cold, Room = AbsorptionRefrigerator.Room, Hot = AbsorptionRefrigerator.Hot;

    private static AbsorptionRefrigerator Fridge(double hotBeta) => new(OmegaCold, OmegaHot, 0.2, BetaCold, BetaRoom, hotBeta, 0.5, 0.5, 0.5);

    private static string ExampleFile => Path.Combine(TrackedFiles.Root, "examples", "AbsorptionRefrigerator", "refrigerator.json");

    private static double[] Currents(SteadyStateCurrents s) => s.HeatCurrents.Select(j => j!.Value).ToArray();

    [Fact]
    public void The_example_model_file_is_the_librarys_refrigerator_at_its_hot_temperature()
    {
        var file = ModelFile.Load(ExampleFile);
        var fromFile = StepChannel.Superoperator(file.Protocol, 0.05);
        var fromCode = StepChannel.Superoperator(Fridge(0.25).Protocol, 0.05);
        Assert.True((fromFile - fromCode).FrobeniusNorm() < 1e-14);
    }

    [Theory]
    [InlineData(0.25, 0.05)]
    [InlineData(0.25, 0.2)]
    [InlineData(1.5, 0.05)]
    public void Every_bath_trades_the_same_number_of_quanta_so_the_currents_stand_as_the_frequencies(double hotBeta, double dt)
    {
        // H_S conserves n_c − n_h and n_c + n_r (the three-body term moves |101⟩ ↔ |010⟩), and each bath changes only
        // its own qubit's n, so in a steady state the baths' quanta currents are equal: J_c/ω_c = J_h/ω_h = −J_r/ω_r.
        // In the collision model at any δt and in its Lindblad limit; 1e-10 on the ratios.
        var protocol = Fridge(hotBeta).Protocol;
        foreach (var currents in new[] { Currents(SteadyState.OfCollisionModel(protocol, dt)), Currents(SteadyState.OfLindbladLimit(protocol)) })
        {
            Assert.Equal(OmegaHot / OmegaCold, currents[Hot] / currents[Cold], 1e-10);
            Assert.Equal(-OmegaRoom / OmegaCold, currents[Room] / currents[Cold], 1e-10);
        }
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0.9)]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void It_draws_heat_from_the_cold_bath_exactly_inside_the_window_and_then_below_carnot(double hotBeta)
    {
        // Cooling (J_c > 0) ⇔ β_h < β_h* (the virtual temperature below T_c); then J_c/J_h = ω_c/ω_h lies below
        // Carnot's (β_r − β_h)/(β_c − β_r), and the entropy production −Σ_j β_j J_j is positive either way.
        var fridge = Fridge(hotBeta);
        var j = Currents(SteadyState.OfCollisionModel(fridge.Protocol, 0.05));
        bool inside = hotBeta < EdgeBeta;
        Assert.Equal(inside, j[Cold] > 0);
        Assert.Equal(inside, fridge.Parameters.Cools);
        Assert.True(-(BetaCold * j[Cold] + BetaRoom * j[Room] + hotBeta * j[Hot]) > 0);
        if (inside) Assert.True(j[Cold] / j[Hot] < (BetaRoom - hotBeta) / (BetaCold - BetaRoom));
    }

    [Fact]
    public void At_the_window_edge_the_steady_state_is_the_product_of_the_three_gibbs_states_and_nothing_flows()
    {
        // β_h = β_h*: the Gibbs product has equal populations on |010⟩ and |101⟩, so it commutes with H_S and each
        // bath leaves its own qubit's Gibbs state alone. Currents below 1e-14, state to 1e-12.
        var fridge = Fridge(EdgeBeta);
        Assert.Equal(EdgeBeta, fridge.Parameters.EdgeHotBeta, 1e-15);
        double[] omega = [OmegaCold, OmegaRoom, OmegaHot], beta = [BetaCold, BetaRoom, EdgeBeta];
        var steady = SteadyState.OfCollisionModel(fridge.Protocol, 0.05);
        var rho = steady.State.ToMatrix();
        for (int i = 0; i < 8; i++)
        {
            double p = 1;
            for (int q = 0; q < 3; q++) p *= ((i >> (2 - q)) & 1) == 1 ? 1 / (1 + Math.Exp(beta[q] * omega[q])) : 1 / (1 + Math.Exp(-beta[q] * omega[q]));
            Assert.Equal(p, rho[i, i].Real, 1e-12);
        }
        Assert.All(Currents(steady), c => Assert.True(Math.Abs(c) < 1e-14, $"current {c}"));
    }

    [Fact]
    public void The_collision_models_currents_converge_to_master_model_file_at_first_order()
    {
        // Reference: collision master --model-file on the example's file. The fixed point of one step differs from the
        // limit at O(δt): halving δt halves the difference (ratio in [1.8, 2.2]), and the Richardson combination
        // 2J(δt/2) − J(δt) removes that order (ten times closer than J(δt/2)).
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
}
