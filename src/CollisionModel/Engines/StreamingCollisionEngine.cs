using System.Numerics;
using System.Runtime.CompilerServices;
using CollisionModel.Bookkeeping;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Engines;

/// <summary>
/// The streaming representation, for any <see cref="Models.CollisionProtocol"/>: the system density matrix (plus,
/// for memory baths, the one next ancilla each carries), with the ancillas of the current step traced out after it;
/// E = the ancillas that collided in the latest step, jointly, in their state at the end of the step. Memory
/// independent of the number of steps. Two paths:
/// <list type="bullet">
/// <item>memoryless protocols with d_S·d_E ≤ <see cref="FastMapLimit"/> (d_E = Π_j d_Ej) that are time-independent or
/// periodically driven (<see cref="DistinctStepLimit"/>): the step is one unitary U on S ⊗ E_1 ⊗ … ⊗ E_m, and the maps
/// ρ_S ↦ ρ_S′, ρ_E′, ρ_AE′, ρ_BE′, ρ_A′, ρ_B′ of tr U(ρ_S ⊗ η)U† are precomputed once (sparse) — for a periodic drive
/// once per distinct step of the period (an Otto cycle has two: the hot and the cold stroke) — so
/// <see cref="Advance"/> is allocation-free: a few small sparse products plus closed-form 2×2 and Householder + QL
/// eigenproblems (0.7–0.8 µs per step for the paper's A, B);</item>
/// <item>everything else (memory, time dependence, larger dimensions, up to a working dimension of
/// <see cref="DensityMatrixStepper.MaxWorkingDimension"/>): local unitaries applied to the density matrix by index
/// arithmetic, O(D² d_local) per unitary.</item>
/// </list>
/// S_ABE′ = S_AB + Σ S(η_j) by unitarity for memoryless protocols (unless
/// <see cref="CollisionRunOptions.ComputeJointEntropyDirectly"/>); with memory the arriving ancilla is correlated with
/// the system, so S_ABE′ is computed from the joint state. At step 0, E is the fresh ancillas: ρ_S ⊗ η_1 ⊗ … ⊗ η_m.
/// Both paths hand their entropies and ancilla states to one <see cref="StepBookkeeper"/> (E = the latest step's
/// ancillas), which books the production, D_E, the running totals, the ledger (when some bath's ancilla has a
/// Hamiltonian) and the invariant guard.
/// </summary>
public sealed class StreamingCollisionEngine : ICollisionEngine
{
    /// <summary>The largest d_S·d_E for which the step map is precomputed.</summary>
    public const int FastMapLimit = 64;

    /// <summary>
    /// The most distinct steps a periodic drive may have for the precomputed maps (one per distinct set of drive
    /// factors f(t_n) in a period; a drive ramping through every step of a long period takes the general path).
    /// </summary>
    public const int DistinctStepLimit = 64;

    // Periods longer than this are not scanned for their distinct steps.
    private const int ScannedPeriodLimit = 1 << 16;

    private readonly CollisionRunOptions _options;
    // The precomputed path: one kernel per distinct step; step n takes _kernels[_kernelOfStep[n mod M]].
    private readonly CollisionKernel[]? _kernels;
    private readonly int[] _kernelOfStep = [0];
    // The only kernel of a time-independent run (null with several, or on the general path): the hot path's test.
    private readonly CollisionKernel? _kernel;
    private readonly bool _direct;
    private readonly DensityMatrixStepper? _stepper;
    private readonly StepBookkeeper _books;
    private readonly Complex[] _rhoS;
    private readonly int _d;
    private double _entropySystem;

    /// <summary>Validates <paramref name="options"/>, picks the path and books step 0.</summary>
    public StreamingCollisionEngine(CollisionRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var protocol = options.Protocol;
        protocol.RefuseFeedback("the streaming representation forgets each ancilla after its step, so none can come back (use --representation explicit)");
        _options = options;
        _direct = options.ComputeJointEntropyDirectly;
        _d = protocol.SystemDimension;
        _rhoS = options.InitialSystem.ColumnMajor.ToArray();
        _books = new StepBookkeeper(protocol, options.Grid, EnvironmentScope.LatestStep, _rhoS, keepLedger: true, options.GuardInvariants);
        double sa, sb;
        if (UsesFastMap(options))
        {
            (_kernels, _kernelOfStep) = Kernels(protocol, options);
            if (_kernels.Length == 1) _kernel = _kernels[0];
            _entropySystem = _kernels[0].SystemEntropy(_rhoS);
            (sa, sb) = _kernels[0].MarginalEntropies(_rhoS);
        }
        else
        {
            _stepper = new DensityMatrixStepper(protocol, options.Grid, _rhoS);
            _entropySystem = _stepper.Entropy(_rhoS, _d);
            (sa, sb) = _stepper.MarginalEntropies(_rhoS);
        }
        // Product state ρ_S ⊗ η: every E-entropy adds S(η); all correlations with E vanish.
        double se = _books.FreshAncillaEntropy;
        _books.Initial(new StepEntropies(sa, sb, _entropySystem, se, sa + se, sb + se, _entropySystem + se));
    }

    /// <summary>
    /// True when the run takes the precomputed-map path: memoryless, d_S·d_E ≤ <see cref="FastMapLimit"/>, and either
    /// time-independent or changing only through periodic drives with at most <see cref="DistinctStepLimit"/> distinct
    /// steps per period. O(M·(baths + 1)·log drive points) for a period of M steps.
    /// </summary>
    public static bool UsesFastMap(CollisionRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = options.Protocol;
        if (p.HasMemory || p.SystemDimension * StepUnitaries.AncillaDimension(p) > FastMapLimit) return false;
        return !p.IsTimeDependent || DistinctSteps(p, options.Grid.TimeStep) is not null;
    }

    /// <summary>
    /// For a protocol that changes only through drives that all have a period (a multiple of δt, M steps in all, M ≤
    /// <see cref="ScannedPeriodLimit"/>): the index of each step of the period among its distinct steps (steps with the
    /// same drive factors of H_S and of every bath have the same unitaries), and one representative step per index;
    /// null otherwise or beyond <see cref="DistinctStepLimit"/> distinct steps.
    /// </summary>
    private static (int[] OfStep, List<int> Representatives)? DistinctSteps(CollisionProtocol p, double timeStep)
    {
        if (!p.HasDrive || p.Baths.Any(b => !b.Collision.IsTimeIndependent)) return null;
        var drives = p.Baths.Select(b => b.Drive).Append(p.SystemDrive).OfType<Drive>().ToArray();
        if (drives.Any(d => d.Period is null)) return null;
        int period;
        try { period = p.StepsPerPeriod(timeStep); }
        catch (Validation.QuantumInputException) { return null; }
        if (period > ScannedPeriodLimit) return null;
        var keys = new List<double[]>();
        var representatives = new List<int>();
        var ofStep = new int[period];
        for (int n = 0; n < period; n++)
        {
            var key = p.Baths.Select(b => b.Drive?.AtStep(n, timeStep) ?? 1).Append(p.SystemDriveFactor(n, timeStep)).ToArray();
            int k = keys.FindIndex(other => other.AsSpan().SequenceEqual(key));
            if (k < 0)
            {
                if (keys.Count == DistinctStepLimit) return null;
                k = keys.Count;
                keys.Add(key);
                representatives.Add(n);
            }
            ofStep[n] = k;
        }
        return (ofStep, representatives);
    }

    private static (CollisionKernel[] Kernels, int[] OfStep) Kernels(CollisionProtocol p, CollisionRunOptions options)
    {
        // A time-independent protocol reuses the step the options already built (and validated), and its maps.
        if (!p.IsTimeDependent) return ([CollisionKernel.Shared(p, p.Step(0, options.Grid))], [0]);
        var (ofStep, representatives) = DistinctSteps(p, options.Grid.TimeStep)!.Value;
        return (representatives.Select(n => new CollisionKernel(p, StepUnitaries.Joint(p, p.Step(n, options.Grid)))).ToArray(), ofStep);
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current => _books.Current;

    /// <summary>The current ρ_S, column-major (no copy).</summary>
    public ReadOnlySpan<Complex> SystemColumnMajor => _rhoS;

    /// <inheritdoc />
    public void Advance()
    {
        // The common case, a time-independent precomputed step, takes the straight path; the rest is out of line.
        if (_kernel is { } kernel) AdvanceWith(kernel);
        else AdvanceOtherwise();
        Step++;
    }

    /// <summary>
    /// One step without any bookkeeping (the plain propagation: the same ρ_S as <see cref="Advance"/>, bit for bit).
    /// Leaves <see cref="Current"/> and the running totals untouched, so do not mix it with <see cref="Advance"/> in a
    /// run whose totals matter.
    /// </summary>
    public void Propagate()
    {
        if (_kernel is { } kernel)
        {
            kernel.Collide(_rhoS);
            AcceptStep(kernel);
        }
        else
        {
            PropagateOtherwise();
        }
        Step++;
    }

    // The precomputed step: ρ_S′ and every entropy from the maps, booked; the books continue from the accepted
    // (renormalised) state, so the ledger's steps telescope exactly.
    private void AdvanceWith(CollisionKernel kernel)
    {
        kernel.Collide(_rhoS);
        var p = kernel.Book(_rhoS, _entropySystem, _direct);
        _books.StepAncillas(kernel.AncillaAfter);
        _books.JointStep(p.Entropies.AB, p.Entropies.E, p.Entropies.ABE);
        AcceptStep(kernel);
        _entropySystem = p.Entropies.AB;
        _books.Close(p.Entropies, _rhoS, p.LowestSystemEigenvalue);
    }

    // A periodic drive's kernel of this step, or the general path (the stepper books through the same bookkeeper).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AdvanceOtherwise()
    {
        if (_kernels is not null)
        {
            AdvanceWith(PeriodicKernel());
            return;
        }
        var p = _stepper!.Advance(Step, _books, _entropySystem, _direct)!.Value;
        _stepper.SystemState.CopyTo(_rhoS, 0);
        _entropySystem = p.Entropies.AB;
        _books.Close(p.Entropies, _rhoS, p.LowestSystemEigenvalue);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PropagateOtherwise()
    {
        if (_kernels is not null)
        {
            var kernel = PeriodicKernel();
            kernel.Collide(_rhoS);
            AcceptStep(kernel);
            return;
        }
        _stepper!.Advance(Step, null, 0, false);
        _stepper.SystemState.CopyTo(_rhoS, 0);
    }

    // The kernel of step n in a period of M steps: the one of n mod M.
    private CollisionKernel PeriodicKernel() => _kernels![_kernelOfStep[Step % _kernelOfStep.Length]];

    /// <summary>
    /// Copies ρ_S′ into the state, made exactly Hermitian and of unit trace. The precomputed map is trace preserving
    /// only to rounding (e.g. cos²θ + sin²θ ≠ 1 in doubles), and the same map applied 10⁸ times turns a bias of one
    /// ulp per step into a trace error of ~10⁻⁸; dividing by the computed trace (1 + O(ε)) every step removes it and
    /// keeps |tr ρ − 1| at a few ulps for any run length (docs/numerics.md). O(d²), allocation-free.
    /// </summary>
    private void AcceptStep(CollisionKernel kernel)
    {
        var after = kernel.SystemAfter;
        double trace = 0;
        for (int i = 0; i < _d; i++) trace += after[i + i * _d].Real;
        SmallMatrixKernels.HermitianPart(after, _rhoS, _d, 1 / trace);
    }

    /// <inheritdoc />
    public LedgerTotals? Thermodynamics() => _books.Thermodynamics(_rhoS);

    /// <inheritdoc />
    public DensityMatrix SystemState() => DensityMatrix.Trusted(_options.Protocol.SystemSpace, (Complex[])_rhoS.Clone());
}
