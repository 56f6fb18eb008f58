using System.Globalization;
using CollisionModel.Engines;
using CollisionModel.MasterEquation;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Studies;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Tests.States;

/// <summary>
/// Console.WriteLine(state) prints what a reader checks first — the dimensions and a few digits — instead of the type
/// name. The references are the objects' own values formatted to 4 significant digits, and closed forms where the
/// state is known (the Bell state: purity 1, populations ½, 0, 0, ½, coherence ½).
/// </summary>
public class ReadableToStringTests
{
    private static string G4(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    [Fact]
    public void A_density_matrix_prints_its_size_purity_populations_and_coherence()
    {
        var bell = DensityMatrix.FromKet(Ket.PhiPlus);
        Assert.Equal("DensityMatrix 4×4 on 2⊗2: tr ρ² = 1, diagonal [0.5, 0, 0, 0.5], largest |off-diagonal| 0.5", bell.ToString());
    }

    [Fact]
    public void A_large_density_matrix_cuts_its_diagonal_after_eight_entries()
    {
        var mixed = DensityMatrix.MaximallyMixed(CollisionModel.Spaces.CompositeSpace.Qubits(4));
        Assert.Equal("DensityMatrix 16×16 on 2⊗2⊗2⊗2: tr ρ² = 0.0625, diagonal [0.0625, 0.0625, 0.0625, 0.0625, 0.0625, "
            + "0.0625, 0.0625, 0.0625, …], largest |off-diagonal| 0", mixed.ToString());
    }

    [Fact]
    public void A_ket_prints_its_dimension_and_amplitudes()
    {
        // 1/√2 = 0.70710678… → 0.7071 to 4 digits.
        Assert.Equal("Ket of dimension 4 on 2⊗2: [0.7071, 0, 0, 0.7071]", Ket.PhiPlus.ToString());
    }

    private static CollisionTrajectory Dephasing() => CollisionSimulation.Run(new CollisionRunOptions
    {
        Protocol = PaperModels.Dephasing(1, omega: 0, a: Math.Sqrt(0.5), AngleConvention.Paper, mixedEnvironment: true).Protocol,
        InitialSystem = DensityMatrix.FromKet(Ket.PhiPlus),
        Grid = TimeGrid.OfStep(0.1, 10),
        RecordEvery = 5,
    }, Representation.Streaming);

    [Fact]
    public void A_step_record_prints_its_step_time_and_bookkeeping_to_four_digits()
    {
        var last = Dephasing().Records[^1];
        var b = last.Bookkeeping;
        Assert.Equal($"StepRecord step 10, t = 1: S_AB = {G4(b.EntropyAB)}, I(AB:E) = {G4(b.MutualInformationABE)}, "
            + $"ssa_slack = {G4(b.SsaSlack)}, entropy_production_total = {G4(b.EntropyProductionTotal)}, "
            + $"E_R = {(last.RelativeEntropyOfEntanglement is { } e ? G4(e) : "null")}, ρ_AB 4×4", last.ToString());
    }

    [Fact]
    public void A_collision_trajectory_prints_its_records_span_and_last_entropy()
    {
        var run = Dephasing();
        Assert.Equal($"CollisionTrajectory (Streaming): 3 records, steps 0…10, t = 0…1, last S_AB = {G4(run.Records[^1].Bookkeeping.EntropyAB)}",
            run.ToString());
    }

    [Fact]
    public void A_master_equation_trajectory_prints_its_times_and_state_size()
    {
        var generator = PaperMasterEquation.Create(new PaperMasterEquationParameters(1, 1, 0.5, 0.2));
        var trajectory = ExactPropagator.ForGrid(generator, 2, 11).Run(PaperMasterEquation.InitialState(0.6), 10);
        Assert.Equal("Trajectory: 11 times t = 0…2, ρ 4×4, series []", trajectory.ToString());
    }

    [Fact]
    public void A_convergence_result_prints_each_k_with_its_trace_distance_and_the_order()
    {
        var result = ConvergenceStudy.Run(PaperModels.Dephasing(1, 0, 0.5), 1, [10, 100]);
        Assert.Equal($"ConvergenceResult at T = 1: k = 10 → {G4(result.Records[0].TraceDistance)}, k = 100 → "
            + $"{G4(result.Records[1].TraceDistance)}; order {G4(result.Order!.Value)}, Richardson {G4(result.Richardson!.Value)}",
            result.ToString());
    }

    [Fact]
    public void Ledger_totals_print_the_collisions_energies_and_each_baths_heat()
    {
        var totals = new LedgerTotals(80, 0.25, 0.5, [-0.1, null], 0, null);
        Assert.Equal("LedgerTotals after 80 collisions: energy_S = 0.25 (from 0.5), heat [-0.1, null], work 0, entropy_flow null", totals.ToString());
    }

    [Fact]
    public void Steady_state_currents_print_the_state_size_and_each_baths_current()
    {
        // ρ_ss = 1/2: purity ½.
        var steady = new SteadyStateCurrents(DensityMatrix.Diagonal([0.5, 0.5]), [0.0012, -0.0012], 0.0003, 0);
        Assert.Equal("SteadyStateCurrents: ρ_ss 2×2 (tr ρ² = 0.5), heat currents [0.0012, -0.0012], entropy production rate 0.0003, power 0",
            steady.ToString());
    }
}
