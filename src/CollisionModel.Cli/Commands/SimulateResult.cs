using CollisionModel.Cli.Output;
using CollisionModel.Engines;
using CollisionModel.States;

namespace CollisionModel.Cli.Commands;

/// <summary>
/// The engine behind <c>collision simulate</c>: runs the collision model of the given options and returns the
/// emitted steps. Report the fraction done (0…1) through the progress sink; throw the library's
/// <c>QuantumInputException</c>s for inputs the engine cannot handle (they become exit code 2).
/// </summary>
public interface ISimulateRunner
{
    /// <summary>Runs the simulation.</summary>
    SimulateResult Run(SimulateOptions options, IProgress<double> progress);
}

/// <summary>The emitted steps of a collision-model run.</summary>
/// <param name="Steps">Step 0, every N-th step, and step K, in order.</param>
public sealed record SimulateResult(IReadOnlyList<SimulateStep> Steps);

/// <summary>One emitted step (entropies in nats). Field names in the output are the contract's (see <see cref="ToRecord"/>).</summary>
/// <param name="Step">Collision index j (0 = before the first collision).</param>
/// <param name="Time">j·δt.</param>
/// <param name="EntropyA">S_A.</param>
/// <param name="EntropyB">S_B.</param>
/// <param name="EntropyAB">S_AB.</param>
/// <param name="EntropyE">S_E (E = every ancilla so far, explicit; the latest ancilla, streaming).</param>
/// <param name="EntropyAE">S_AE.</param>
/// <param name="EntropyBE">S_BE.</param>
/// <param name="EntropyABE">S_ABE.</param>
/// <param name="MutualInformationAE">I(A:E).</param>
/// <param name="MutualInformationBE">I(B:E).</param>
/// <param name="MutualInformationABE">I(AB:E).</param>
/// <param name="SsaSlack">S_AB + S_BE − S_ABE − S_B.</param>
/// <param name="RelativeEntropyE">D_E: relative entropy of E's state to its initial state (may be +∞).</param>
/// <param name="RelativeEntropyOfEntanglement">E_R of ρ_AB; null with <c>--no-ree</c> or unless the system is two qubits.</param>
/// <param name="Concurrence">Concurrence of ρ_AB; null unless the system is two qubits (model files).</param>
/// <param name="RhoAB">ρ_AB: the whole system state (d_S × d_S, subsystems in their listed order).</param>
/// <param name="EntropyProductionTotal">Σ_j I(AB′:E_j′) + D(η_j′‖η_j) over collisions so far.</param>
/// <param name="MinSsaSlack">The smallest SSA slack over the collisions so far; null at step 0.</param>
/// <param name="Thermodynamics">The ledger's running totals (models whose ancillas have a Hamiltonian), else null.</param>
public sealed record SimulateStep(
    long Step,
    double Time,
    double EntropyA,
    double EntropyB,
    double EntropyAB,
    double EntropyE,
    double EntropyAE,
    double EntropyBE,
    double EntropyABE,
    double MutualInformationAE,
    double MutualInformationBE,
    double MutualInformationABE,
    double SsaSlack,
    double RelativeEntropyE,
    double? RelativeEntropyOfEntanglement,
    double? Concurrence,
    DensityMatrix RhoAB,
    double EntropyProductionTotal,
    double? MinSsaSlack,
    Thermodynamics.LedgerTotals? Thermodynamics = null)
{
    /// <summary>
    /// The emitted step of an engine run (concurrence and E_R as the engine reported them: null beyond two qubits), with
    /// the thermodynamic ledger's totals when the run keeps one (every runner that prints collision records maps them
    /// here, so the ledger fields appear wherever an ancilla has a Hamiltonian).
    /// </summary>
    public static SimulateStep From(StepRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var b = record.Bookkeeping;
        return new SimulateStep(b.Step, b.Time, b.EntropyA, b.EntropyB, b.EntropyAB, b.EntropyE, b.EntropyAE, b.EntropyBE,
            b.EntropyABE, b.MutualInformationAE, b.MutualInformationBE, b.MutualInformationABE, b.SsaSlack,
            b.RelativeEntropyE, record.RelativeEntropyOfEntanglement, record.Concurrence, record.RhoAB, b.EntropyProductionTotal,
            b.MinSsaSlack, record.Thermodynamics)
        {
            WholeEnvironment = record.WholeEnvironment is { } w
                ? new SimulateWholeEnvironment(w.MaxBond, w.TruncationError, w.Fragments?.Oldest, w.Fragments?.Newest)
                : null,
        };
    }

    /// <summary>The record with the contract's field names, in the contract's order.</summary>
    public ResultRecord ToRecord()
    {
        var record = ResultRecord.Of(
            ("step", Step),
            ("time", Time),
            ("S_A", EntropyA),
            ("S_B", EntropyB),
            ("S_AB", EntropyAB),
            ("S_E", Known(EntropyE)),
            ("S_AE", Known(EntropyAE)),
            ("S_BE", Known(EntropyBE)),
            ("S_ABE", Known(EntropyABE)),
            ("I_A_E", Known(MutualInformationAE)),
            ("I_B_E", Known(MutualInformationBE)),
            ("I_AB_E", Known(MutualInformationABE)),
            ("ssa_slack", Known(SsaSlack)),
            ("D_E", Known(RelativeEntropyE)),
            ("E_R", RelativeEntropyOfEntanglement),
            ("concurrence", Concurrence),
            ("rho_AB", RhoAB),
            ("entropy_production_total", EntropyProductionTotal),
            ("min_ssa_slack", MinSsaSlack));
        var fields = record.Fields.Select(f => (f.Name, f.Value)).Concat(LedgerFields.Of(Thermodynamics).Select(f => (f.Name, f.Value))).ToList();
        if (WholeEnvironment is not { } w) return ResultRecord.Of(fields.ToArray());
        fields.Add(("max_bond", w.MaxBond));
        fields.Add(("truncation_error", w.TruncationError));
        if (w.Oldest is not null && w.Newest is not null)
        {
            fields.Add(("I_AB_F_oldest", new ListValue(w.Oldest.Select(x => (ResultValue)x).ToArray())));
            fields.Add(("I_AB_F_newest", new ListValue(w.Newest.Select(x => (ResultValue)x).ToArray())));
        }
        return ResultRecord.Of(fields.ToArray());
    }

    /// <summary>The mps extras (bond, truncation, fragments); null for the other representations.</summary>
    public SimulateWholeEnvironment? WholeEnvironment { get; init; }

    // The whole-E fields are NaN where the mps engine does not compute them (many mixed ancillas): null.
    private static double? Known(double v) => double.IsNaN(v) ? null : v;
}

/// <summary>What <c>--representation mps</c> adds to a record.</summary>
/// <param name="MaxBond">max_bond: the largest bond dimension so far.</param>
/// <param name="TruncationError">truncation_error: the discarded weight summed over all splits (0 when nothing was truncated).</param>
/// <param name="Oldest">I_AB_F_oldest (with --fragments), indexed by m.</param>
/// <param name="Newest">I_AB_F_newest (with --fragments), indexed by m.</param>
public sealed record SimulateWholeEnvironment(int MaxBond, double TruncationError, double[]? Oldest, double[]? Newest);
