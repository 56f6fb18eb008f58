using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using CollisionModel.Validation;

namespace CollisionModel.Tests.Thermodynamics;

/// <summary>
/// The partial-swap Otto cycle against its closed form, written here. With resonant ancillas every collision conserves
/// the energy of medium and ancilla and maps the medium's excited population p ↦ c_j p + (1 − c_j) q_j, c_j = cos²θ_j,
/// q_j = 1/(1 + e^{β_j ω_j}) the ancilla's; a stroke of N_j collisions maps p ↦ q_j + a_j (p − q_j), a_j = c_j^{N_j}.
/// The one-cycle map is linear with the fixed point
///   p_h* = [(1 − a_h) q_h + a_h (1 − a_c) q_c] / (1 − a_h a_c)   (after the hot stroke),
///   p_c* = [(1 − a_c) q_c + a_c (1 − a_h) q_h] / (1 − a_h a_c)   (after the cold stroke, at the cycle's start),
/// and per cycle Q_h = ω_h Δ, Q_c = −ω_c Δ, W = 0, W_drive = −(ω_h − ω_c) Δ with Δ = p_h* − p_c*, so the efficiency
/// −W_drive/Q_h = 1 − ω_c/ω_h whatever Δ. Δ ∝ q_h − q_c: an engine (Q_h &gt; 0, work out) for β_h ω_h &lt; β_c ω_c, a
/// refrigerator (Q_c &gt; 0, work in) for β_h ω_h &gt; β_c ω_c.
/// </summary>
public class OttoCycleTests
{
    private const double OmegaHot = 2, OmegaCold = 1, ThetaHot = 0.4, ThetaCold = 0.6, Dt = 0.1;
    private const int HotSteps = 5, ColdSteps = 4;

    // β_h ω_h = 0.5 < β_c ω_c = 2 (engine); β_h ω_h = 3 > 2 (refrigerator).
    private static OttoCycle Cycle(double betaHot, double betaCold = 2) =>
        new(OmegaHot, OmegaCold, betaHot, betaCold, ThetaHot, ThetaCold, HotSteps, ColdSteps, Dt);

    private static (double Hot, double Cold) ClosedFormPopulations(double betaHot, double betaCold)
    {
        double qh = 1 / (1 + Math.Exp(betaHot * OmegaHot)), qc = 1 / (1 + Math.Exp(betaCold * OmegaCold));
        double ah = Math.Pow(Math.Cos(ThetaHot), 2 * HotSteps), ac = Math.Pow(Math.Cos(ThetaCold), 2 * ColdSteps);
        return (((1 - ah) * qh + ah * (1 - ac) * qc) / (1 - ah * ac), ((1 - ac) * qc + ac * (1 - ah) * qh) / (1 - ah * ac));
    }

    private static double Excited(DensityMatrix rho) => rho.ToMatrix()[1, 1].Real;

    [Theory]
    [InlineData(0.25, 2.0)]
    [InlineData(1.5, 2.0)]
    public void The_limit_cycle_populations_heat_and_work_equal_the_closed_form(double betaHot, double betaCold)
    {
        var cycle = PeriodicSteadyState.Of(Cycle(betaHot, betaCold).Protocol, Dt);
        var (ph, pc) = ClosedFormPopulations(betaHot, betaCold);
        double delta = ph - pc;
        Assert.Equal(HotSteps + ColdSteps, cycle.StepsPerPeriod);
        Assert.Equal(pc, Excited(cycle.State), 1e-12);
        Assert.Equal(ph, Excited(cycle.States[HotSteps]), 1e-12);
        Assert.Equal(pc, Excited(cycle.States[^1]), 1e-12);
        Assert.Equal(OmegaHot * delta, cycle.Heat[0]!.Value, 1e-12);
        Assert.Equal(-OmegaCold * delta, cycle.Heat[1]!.Value, 1e-12);
        Assert.Equal(0, cycle.Work!.Value, 1e-12);
        Assert.Equal(-(OmegaHot - OmegaCold) * delta, cycle.DriveWork!.Value, 1e-12);
        Assert.Equal((OmegaHot - OmegaCold) * delta / ((HotSteps + ColdSteps) * Dt), cycle.PowerOutput!.Value, 1e-12);
    }

    [Fact]
    public void It_runs_as_an_engine_below_and_as_a_refrigerator_above_the_Otto_threshold()
    {
        // β_h ω_h < β_c ω_c: heat in from the hot bath, out to the cold one, work out; above: every sign flips.
        var engine = PeriodicSteadyState.Of(Cycle(0.25).Protocol, Dt);
        Assert.True(engine.Heat[0] > 0 && engine.Heat[1] < 0 && engine.TotalWork < 0, $"engine: Q_h {engine.Heat[0]}, Q_c {engine.Heat[1]}, W {engine.TotalWork}");
        var fridge = PeriodicSteadyState.Of(Cycle(1.5).Protocol, Dt);
        Assert.True(fridge.Heat[0] < 0 && fridge.Heat[1] > 0 && fridge.TotalWork > 0, $"refrigerator: Q_h {fridge.Heat[0]}, Q_c {fridge.Heat[1]}, W {fridge.TotalWork}");
    }

    [Theory]
    [InlineData(Representation.Streaming, 0.25)]
    [InlineData(Representation.Streaming, 1.5)]
    [InlineData(Representation.Mps, 0.25)]
    public void Every_cycle_from_the_limit_state_has_the_Otto_efficiency_and_the_closed_form_heat(Representation representation, double betaHot)
    {
        // A run started in the closed-form p_c*: the ledger's totals at the cycle boundaries give each cycle's Q_h and
        // W + W_drive; every cycle has Q_h = ω_h (p_h* − p_c*) and −(W + W_drive)/Q_h = 1 − ω_c/ω_h (1e-10).
        var otto = Cycle(betaHot);
        var (ph, pc) = ClosedFormPopulations(betaHot, 2);
        int m = otto.StepsPerCycle, cycles = representation == Representation.Mps ? 2 : 6;
        var options = new CollisionRunOptions
        {
            Protocol = otto.Protocol,
            InitialSystem = DensityMatrix.Diagonal([1 - pc, pc]),
            Grid = TimeGrid.OfStep(Dt, cycles * m),
        };
        ICollisionEngine engine = representation == Representation.Mps ? new MpsCollisionEngine(options) : new StreamingCollisionEngine(options);
        double previousHot = 0, previousWork = 0;
        for (int k = 1; k <= cycles; k++)
        {
            for (int n = 0; n < m; n++) engine.Advance();
            var totals = engine.Thermodynamics()!;
            double hot = totals.Heat[0]!.Value - previousHot, work = totals.Work!.Value + totals.DriveWork!.Value - previousWork;
            Assert.Equal(OmegaHot * (ph - pc), hot, 1e-10);
            Assert.Equal(1 - OmegaCold / OmegaHot, -work / hot, 1e-10);
            (previousHot, previousWork) = (totals.Heat[0]!.Value, totals.Work!.Value + totals.DriveWork!.Value);
        }
    }

    [Fact]
    public void A_run_from_the_ground_state_reaches_the_limit_cycle()
    {
        // The one-cycle map contracts by a_h a_c ≈ 0.095 per cycle: after 12 cycles from p = 0 the population at the
        // cycle boundary is p_c* and the 12th cycle's Q_h is the closed form, both to 1e-10.
        var otto = Cycle(0.25);
        var (ph, pc) = ClosedFormPopulations(0.25, 2);
        int m = otto.StepsPerCycle;
        var engine = new StreamingCollisionEngine(new CollisionRunOptions
        {
            Protocol = otto.Protocol,
            InitialSystem = DensityMatrix.Diagonal([1.0, 0.0]),
            Grid = TimeGrid.OfStep(Dt, 12 * m),
        });
        for (int n = 0; n < 11 * m; n++) engine.Advance();
        double hotBefore = engine.Thermodynamics()!.Heat[0]!.Value;
        for (int n = 0; n < m; n++) engine.Advance();
        Assert.Equal(pc, Excited(engine.SystemState()), 1e-10);
        Assert.Equal(OmegaHot * (ph - pc), engine.Thermodynamics()!.Heat[0]!.Value - hotBefore, 1e-10);
    }

    [Fact]
    public void Without_drives_the_limit_cycle_is_the_steady_state_of_one_step()
    {
        // A second method: SteadyState's fixed point of the single step channel and its heat currents (1e-12).
        var o = Cycle(0.25).Protocol;
        var undriven = new CollisionProtocol([2], [0], o.Baths.Select(b => new Bath(b.ActsOn, b.Ancilla, b.Collision, name: b.Name)).ToArray(),
            o.SystemHamiltonian);
        var cycle = PeriodicSteadyState.Of(undriven, Dt);
        var steady = SteadyState.OfCollisionModel(undriven, Dt);
        Assert.Equal(1, cycle.StepsPerPeriod);
        Assert.True((cycle.State.ToMatrix() - steady.State.ToMatrix()).FrobeniusNorm() <= 1e-12);
        for (int j = 0; j < 2; j++) Assert.Equal(steady.HeatCurrents[j]!.Value, cycle.HeatCurrents[j]!.Value, 1e-12);
        Assert.Null(cycle.DriveWork);
    }

    [Fact]
    public void A_drive_without_a_period_has_no_one_period_map()
    {
        var o = Cycle(0.25).Protocol;
        var aperiodic = new CollisionProtocol([2], [0], o.Baths.Select(b => new Bath(b.ActsOn, b.Ancilla, b.Collision, name: b.Name)).ToArray(),
            o.SystemHamiltonian, SplittingOrder.Strang, new Drive([0, 1], [1, 0.5]));
        var e = Assert.Throws<ParameterOutOfRangeException>(() => PeriodicSteadyState.OnePeriodMap(aperiodic, Dt));
        Assert.Equal("period", e.ParamName);
    }
}
