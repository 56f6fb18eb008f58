using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Collisions;

/// <summary>
/// The streaming representation, for any <see cref="Protocols.CollisionProtocol"/>: the system density matrix (plus,
/// for memory baths, the one next ancilla each carries), with the ancillas of the current step traced out after it;
/// E = the ancillas that collided in the latest step, jointly, in their state at the end of the step. Memory
/// independent of the number of steps. Two paths:
/// <list type="bullet">
/// <item>memoryless, time-independent protocols with d_S·d_E ≤ <see cref="FastMapLimit"/> (d_E = Π_j d_Ej): the step is
/// one unitary U on S ⊗ E_1 ⊗ … ⊗ E_m, and the maps ρ_S ↦ ρ_S′, ρ_E′, ρ_AE′, ρ_BE′, ρ_A′, ρ_B′ of tr U(ρ_S ⊗ η)U† are
/// precomputed once (sparse), so <see cref="Advance"/> is allocation-free: a few small sparse products plus closed-form
/// 2×2 and Householder + QL eigenproblems (0.7–0.8 µs per step for the paper's A, B);</item>
/// <item>everything else (memory, time dependence, larger dimensions, up to a working dimension of
/// <see cref="DensityMatrixStepper.MaxWorkingDimension"/>): local unitaries applied to the density matrix by index
/// arithmetic, O(D² d_local) per unitary.</item>
/// </list>
/// S_ABE′ = S_AB + Σ S(η_j) by unitarity for memoryless protocols (unless
/// <see cref="CollisionRunOptions.ComputeJointEntropyDirectly"/>); with memory the arriving ancilla is correlated with
/// the system, so S_ABE′ is computed from the joint state. At step 0, E is the fresh ancillas: ρ_S ⊗ η_1 ⊗ … ⊗ η_m.
/// <see cref="StepBookkeeping.MinSsaSlack"/> runs over the collisions only (null at step 0). When some bath's ancilla
/// has a Hamiltonian, a <see cref="ThermodynamicLedger"/> books heat per bath, work and entropy flow at every step (on
/// both paths; for a memory bath the heat counts the energy of the used and the next ancilla, whose memory collision
/// conserves their sum).
/// </summary>
public sealed class StreamingCollisionEngine : ICollisionEngine
{
    /// <summary>The largest d_S·d_E for which the step map is precomputed.</summary>
    public const int FastMapLimit = 64;

    private readonly CollisionRunOptions _options;
    private readonly Protocols.TimeGrid _grid;
    private readonly CollisionKernel? _kernel;
    private readonly DensityMatrixStepper? _stepper;
    private readonly Complex[] _rhoS;
    // Compensated: over 10⁶ steps a plain sum drifts by ~10⁻⁸ nats against ΔS − Σβ_jQ_j (docs/numerics.md).
    private CompensatedSum _production;
    private readonly ThermodynamicLedger? _ledger;
    private readonly Complex[]? _usedAncilla, _nextAncilla;
    private readonly double[]? _heat, _carriedEnergy;
    private readonly int _d;
    private double _entropySystem, _minSlack = double.PositiveInfinity;

    /// <summary>Validates <paramref name="options"/>, picks the path and books step 0.</summary>
    public StreamingCollisionEngine(CollisionRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var protocol = options.Protocol;
        _options = options;
        _grid = options.Grid;
        _d = protocol.SystemDimension;
        _rhoS = options.InitialSystem.ColumnMajor.ToArray();
        double se;
        double sa, sb;
        if (UsesFastMap(options))
        {
            _kernel = new CollisionKernel(protocol, options.TimeStep);
            _entropySystem = _kernel.SystemEntropy(_rhoS);
            (sa, sb) = _kernel.MarginalEntropies(_rhoS);
            se = _kernel.AncillaEntropy;
        }
        else
        {
            _stepper = new DensityMatrixStepper(protocol, options.TimeStep, _rhoS);
            _entropySystem = _stepper.Entropy(_rhoS, _d);
            (sa, sb) = _stepper.MarginalEntropies(_rhoS);
            se = _stepper.AncillaEntropy;
        }
        if (protocol.Baths.Any(b => b.Ancilla.Hamiltonian is not null))
        {
            _ledger = new ThermodynamicLedger(protocol, _rhoS, options.TimeStep);
            int de = protocol.Baths.Max(b => b.Ancilla.Dimension);
            _usedAncilla = new Complex[de * de];
            _nextAncilla = new Complex[de * de];
            _heat = new double[protocol.Baths.Count];
            // The first ancilla of a memory bath arrives fresh.
            _carriedEnergy = Enumerable.Range(0, protocol.Baths.Count).Select(_ledger.FreshAncillaEnergy).ToArray();
        }
        // Product state ρ_S ⊗ η: every E-entropy adds S(η); all correlations with E vanish. No collision yet, so the
        // minimum of the SSA slack over the collisions is absent (null).
        Current = new StepBookkeeping(0, 0, sa, sb, _entropySystem, se, sa + se, sb + se, _entropySystem + se, 0, 0, null);
    }

    /// <summary>True when the run takes the precomputed-map path (memoryless, time-independent, d_S·d_E ≤ <see cref="FastMapLimit"/>).</summary>
    public static bool UsesFastMap(CollisionRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = options.Protocol;
        return !p.HasMemory && !p.IsTimeDependent && p.SystemDimension * StepUnitaries.AncillaDimension(p) <= FastMapLimit;
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current { get; private set; }

    /// <summary>The current ρ_S, column-major (no copy).</summary>
    public ReadOnlySpan<Complex> SystemColumnMajor => _rhoS;

    /// <inheritdoc />
    public void Advance()
    {
        PostCollision p;
        if (_kernel is not null)
        {
            _kernel.Collide(_rhoS);
            p = _kernel.Book(_rhoS, _entropySystem, _options.ComputeJointEntropyDirectly);
            AcceptStep();
            // The ledger continues from the accepted (renormalised) state it booked last, so the steps telescope exactly.
            _ledger?.Step(_rhoS, _kernel.AncillaAfter);
        }
        else
        {
            p = _stepper!.Advance(Step, true, _entropySystem, _options.ComputeJointEntropyDirectly)!.Value;
            _stepper.SystemState.CopyTo(_rhoS, 0);
            if (_ledger is not null) BookLedgerFromStepper();
        }
        _entropySystem = p.EntropyAB;
        _production.Add(p.EntropyProduction);
        Step++;
        var b = new StepBookkeeping(Step, _grid.TimeAt(Step), p.EntropyA, p.EntropyB, p.EntropyAB, p.EntropyE,
            p.EntropyAE, p.EntropyBE, p.EntropyABE, p.RelativeEntropyE, _production.Value, 0);
        _minSlack = Math.Min(_minSlack, b.SsaSlack);
        Current = b with { MinSsaSlack = _minSlack };
    }

    /// <summary>
    /// One step without any bookkeeping (the plain propagation). Leaves <see cref="Current"/> and the running totals
    /// untouched, so do not mix it with <see cref="Advance"/> in a run whose totals matter.
    /// </summary>
    public void Propagate()
    {
        if (_kernel is not null)
        {
            _kernel.Collide(_rhoS);
            AcceptStep();
        }
        else
        {
            _stepper!.Advance(Step, false, 0, false);
            _stepper.SystemState.CopyTo(_rhoS, 0);
        }
        Step++;
    }

    // Q_j = (energy of bath j's ancillas before the step) − (after): the used ancilla (fresh, or carried from the last
    // step's memory collision) plus, with memory, the next ancilla (fresh before, carried on after).
    private void BookLedgerFromStepper()
    {
        var baths = _options.Protocol.Baths;
        for (int j = 0; j < baths.Count; j++)
        {
            int d = baths[j].Ancilla.Dimension;
            var used = _usedAncilla.AsSpan(0, d * d);
            var next = _nextAncilla.AsSpan(0, d * d);
            double fresh = _ledger!.FreshAncillaEnergy(j);
            if (_stepper!.AncillasAfter(j, used, next))
            {
                double nextEnergy = _ledger.AncillaEnergy(j, next);
                _heat![j] = _carriedEnergy![j] + fresh - _ledger.AncillaEnergy(j, used) - nextEnergy;
                _carriedEnergy[j] = nextEnergy;
            }
            else
            {
                _heat![j] = fresh - _ledger.AncillaEnergy(j, used);
            }
        }
        _ledger!.BookStep(_rhoS, _heat);
    }

    /// <summary>
    /// Copies ρ_S′ into the state, made exactly Hermitian and of unit trace. The precomputed map is trace preserving
    /// only to rounding (e.g. cos²θ + sin²θ ≠ 1 in doubles), and the same map applied 10⁸ times turns a bias of one
    /// ulp per step into a trace error of ~10⁻⁸; dividing by the computed trace (1 + O(ε)) every step removes it and
    /// keeps |tr ρ − 1| at a few ulps for any run length (docs/numerics.md). O(d²), allocation-free.
    /// </summary>
    private void AcceptStep()
    {
        var after = _kernel!.SystemAfter;
        double trace = 0;
        for (int i = 0; i < _d; i++) trace += after[i + i * _d].Real;
        SmallMatrixKernels.HermitianPart(after, _rhoS, _d, 1 / trace);
    }

    /// <inheritdoc />
    public LedgerTotals? Thermodynamics() => _ledger?.Totals(_rhoS);

    /// <inheritdoc />
    public DensityMatrix SystemState() => DensityMatrix.Trusted(_options.Protocol.SystemSpace, (Complex[])_rhoS.Clone());
}
