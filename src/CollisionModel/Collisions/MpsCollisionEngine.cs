using System.Numerics;
using CollisionModel.Collisions.Mps;
using CollisionModel.Protocols;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Collisions;

/// <summary>
/// The matrix-product representation (<see cref="Representation.Mps"/>): the system and every ancilla so far as a
/// <see cref="CollisionMps"/> (mixed ancillas purified, each site the ancilla ⊗ its partner), E = every ancilla that
/// has collided with the system (not the partners, not a memory bath's carried next ancilla). Any protocol: several
/// baths, qudits, memory and time-dependent collisions. The bookkeeping of every step reads the center, where the
/// step's ancillas are still held together with the system:
/// <list type="bullet">
/// <item>A mixed ρ_S(0) is purified by a reference R_S in the center (see <see cref="CollisionMps"/>), which is
/// neither A, B nor E: S_A, S_B, S_AB are the mixed state's, and the whole-E entropies count R_S in E's complement.</item>
/// <item>S_A, S_B, S_AB from ρ_S; the running production adds, per collision, I(AB′:E_j′) + D(ρ_{E_j′}‖η_j) with AB′ and
/// E_j′ right after bath j's collision with the system (before its memory collision and the later baths' collisions),
/// read off the center at that moment (<see cref="CollisionMps"/>'s collision hook). Without memory the step's
/// joint term I(AB′:E′_n) + D(ρ_{E′_n}‖⊗η_j) at the end of the step equals that sum (both are
/// ΔS_S − Σ_j tr Δρ_{E_j} ln η_j) and is booked instead, with S(AB′E′_n) = S_AB(before) + Σ_j S(η_j) by unitarity.</item>
/// <item>Pure ancillas: the global state is pure, so S_E = S(AB ∪ C), S_AE = S(B ∪ C), S_BE = S(A ∪ C),
/// S_ABE = S(C) with C the carried next ancillas and R_S (empty without memory and for a pure ρ_S(0): S_E = S_AB,
/// S_ABE = 0), at any K, O(1) per step.</item>
/// <item>Mixed ancillas: the whole-E entropies need the ancillas apart from their partners, a dense state of
/// dimension (d_E r)^K; computed from the smaller side for K ≤ <see cref="MaxMixedWholeEnvironment"/> ancillas and
/// NaN (reported as null) beyond. D_E likewise; the running totals stay exact.</item>
/// </list>
/// D_E = D(ρ_E ‖ ⊗η) = −S_E − Σ_k tr ρ_{E_k} ln η_k (+∞ when some ancilla left supp η). Per step
/// O(χ·d_S²·(d_E r)²) plus small eigenproblems, flat in K; memory 16·χ²·d_E·r bytes per kept ancilla.
/// <para>
/// When some bath's ancilla has a Hamiltonian, a <see cref="ThermodynamicLedger"/> books heat per bath, work and
/// entropy flow at every step exactly as the streaming engine does: from ρ_S at the step's end and each bath's
/// ancilla marginals read off the center before the split (the used ancilla at the step's end and, for a memory
/// bath, the next ancilla it handed energy to, whose energy at the step's end is the used ancilla's at the next step's start).
/// </para>
/// </summary>
public sealed class MpsCollisionEngine : ICollisionEngine
{
    /// <summary>
    /// The most mixed ancillas for which the whole-E entropies are computed: dense eigenproblems of dimension up to
    /// d_E^K·d_A (eigenvalues only), 4 s for the step at K = 9 of a two-qubit system with qubit ancillas, 43 s at
    /// K = 10 (two of dimension 2048), ~30 min at K = 12 (4096 and two of 8192). See docs/mps.md.
    /// </summary>
    public const int MaxMixedWholeEnvironment = 9;

    private readonly CollisionRunOptions _options;
    private readonly Protocols.TimeGrid _grid;
    private readonly CollisionProtocol _protocol;
    private readonly CollisionMps _mps;
    private readonly ProtocolStep? _fixedStep;
    private readonly bool _pure;
    private readonly int[] _positions;
    private readonly bool _hasA, _reference;
    private readonly double _ancillaEntropy, _initialEntropy;
    private readonly double[] _etaEntropy;
    private readonly Action<int, int>? _bookCollision; // per-collision production hook (memory protocols only)
    private double _stepProduction, _collisionSystemEntropy;
    private double _production, _minSlack = double.PositiveInfinity, _crossSum, _entropySystem;
    private bool _outsideSupport, _wholeEnvironmentLost;
    private readonly ThermodynamicLedger? _ledger;
    private readonly Complex[] _rhoS;
    private readonly double[]? _heat, _carriedEnergy;

    /// <summary>Validates the options and books step 0 (E = none; a mixed ρ_S(0) is purified by R_S).</summary>
    /// <param name="options">The run.</param>
    /// <param name="truncation">Permission to truncate (default: exact).</param>
    public MpsCollisionEngine(CollisionRunOptions options, MpsTruncation? truncation = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _grid = options.Grid;
        _protocol = options.Protocol;
        _mps = new CollisionMps(_protocol, options.InitialSystem, truncation ?? options.Truncation);
        _fixedStep = _protocol.IsTimeDependent ? null : _protocol.Step(0, options.TimeStep);
        _pure = _protocol.Baths.All(b => b.Ancilla.IsPure);
        _positions = new int[_protocol.Baths.Count];
        _hasA = _protocol.SubsystemsA.Count > 0;
        _reference = _mps.ReferenceDimension > 1;
        _etaEntropy = _protocol.Baths.Select(b => b.Ancilla.Entropy).ToArray();
        _ancillaEntropy = _etaEntropy.Sum();
        // Created once: the step stays allocation-free.
        _bookCollision = _protocol.HasMemory ? BookCollision : null;
        _rhoS = options.InitialSystem.ColumnMajor.ToArray();
        if (_protocol.Baths.Any(b => b.Ancilla.Hamiltonian is not null))
        {
            _ledger = new ThermodynamicLedger(_protocol, _rhoS, options.TimeStep);
            _heat = new double[_protocol.Baths.Count];
            // The first ancilla of a memory bath arrives fresh.
            _carriedEnergy = Enumerable.Range(0, _protocol.Baths.Count).Select(_ledger.FreshAncillaEnergy).ToArray();
        }
        double sab = _mps.CenterEntropy(CollisionMps.DigitSet.A | CollisionMps.DigitSet.B);
        double sa = _mps.CenterEntropy(CollisionMps.DigitSet.A);
        double sb = _mps.CenterEntropy(CollisionMps.DigitSet.B);
        // No collision yet: the minimum SSA slack over the collisions is absent.
        _entropySystem = sab;
        _initialEntropy = sab;
        Current = new StepBookkeeping(0, 0, sa, sb, sab, 0, sa, sb, sab, 0, 0, null);
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current { get; private set; }

    /// <summary>The state (for fragments, bonds and the global vector).</summary>
    public CollisionMps State => _mps;

    /// <summary>The largest bond dimension so far.</summary>
    public int MaxBond => _mps.MaxBond;

    /// <summary>The discarded weight summed over all splits (0 when nothing was truncated).</summary>
    public double TruncationError => _mps.TruncationError;

    /// <summary>
    /// False once the whole-E entropies (S_E, S_AE, S_BE, S_ABE, D_E and the slacks built on them) are no longer
    /// computed: mixed ancillas beyond <see cref="MaxMixedWholeEnvironment"/>. Those fields are then NaN (min slack null).
    /// </summary>
    public bool HasWholeEnvironment => _pure || _mps.AncillaCount <= MaxMixedWholeEnvironment;

    /// <summary>I(AB : F) for the oldest and newest fragments now (see <see cref="EnvironmentFragments.Curves"/>).</summary>
    public FragmentCurves Fragments() => EnvironmentFragments.Curves(_mps);

    /// <inheritdoc />
    public void Advance()
    {
        var step = _fixedStep ?? _protocol.Step(Step, _options.TimeStep);
        _stepProduction = 0;
        _collisionSystemEntropy = _entropySystem;
        _mps.BeginStep(step, _bookCollision);
        const CollisionMps.DigitSet a = CollisionMps.DigitSet.A, b = CollisionMps.DigitSet.B;
        const CollisionMps.DigitSet stepE = CollisionMps.DigitSet.StepAncilla, carried = CollisionMps.DigitSet.CarriedAncilla;
        const CollisionMps.DigitSet reference = CollisionMps.DigitSet.Reference;
        double sab = _mps.CenterEntropy(a | b);
        double sa = _hasA ? _mps.CenterEntropy(a) : 0;
        double sb = _mps.CenterEntropy(b);
        // Each step ancilla's final marginal, for the cross terms of D_E (and of the joint production term).
        double cross = 0;
        bool outside = false;
        int count = _mps.StepAncillaPositions(_positions);
        for (int i = 0; i < count; i++)
        {
            int pos = _positions[i];
            var rho = _mps.CenterDensity(stepE, pos, out int d);
            var (c, o) = CrossTerm(rho, d, _protocol.Baths[_mps.CenterModeBaths[pos]].Ancilla);
            cross += c;
            outside |= o;
        }
        if (_ledger is not null) BookLedger();
        if (_bookCollision is not null)
        {
            _production += _stepProduction;
        }
        else
        {
            // Memoryless: the step is unitary on S ⊗ fresh ancillas, so S(S′E′_n) = S_AB(before) + Σ_j S(η_j).
            double sStep = _mps.CenterEntropy(stepE);
            double dStep = outside ? double.PositiveInfinity : Math.Max(0, -sStep - cross);
            _production += Math.Max(0, sab + sStep - _entropySystem - _ancillaEntropy) + dStep;
        }
        _crossSum += cross;
        _outsideSupport |= outside;
        double se, sae, sbe, sabe;
        _entropySystem = sab;
        if (_pure && !_protocol.HasMemory && !_reference)
        {
            // The global state is pure: the complement of E is the system.
            se = sab; sae = sb; sbe = sa; sabe = 0;
        }
        else if (_pure)
        {
            // The complement of E is the system, the carried next ancillas and the reference R_S.
            se = _mps.CenterEntropy(a | b | carried | reference);
            sae = _mps.CenterEntropy(b | carried | reference);
            sbe = _mps.CenterEntropy(a | carried | reference);
            sabe = _mps.CenterEntropy(carried | reference);
        }
        else
        {
            se = sae = sbe = sabe = double.NaN;
        }
        _mps.EndStep();
        Step++;
        if (!_pure && _mps.AncillaCount <= MaxMixedWholeEnvironment)
            (se, sae, sbe, sabe) = DenseWholeEnvironment();
        double de = double.IsNaN(se) ? double.NaN : _outsideSupport ? double.PositiveInfinity : Math.Max(0, -se - _crossSum);
        var bk = new StepBookkeeping(Step, _grid.TimeAt(Step), sa, sb, sab, se, sae, sbe, sabe, de, _production, null);
        if (double.IsNaN(se)) _wholeEnvironmentLost = true;
        _minSlack = Math.Min(_minSlack, bk.SsaSlack);
        Current = bk with { MinSsaSlack = _wholeEnvironmentLost ? null : _minSlack };
    }

    /// <inheritdoc />
    public DensityMatrix SystemState() => _mps.SystemState();

    /// <inheritdoc />
    public LedgerTotals? Thermodynamics() => _ledger?.Totals(_rhoS);

    // Between BeginStep and EndStep: Q_j = (energy of bath j's ancillas before the step) − (after), the used ancilla
    // (fresh, or carried from the last step's memory collision) plus, with memory, the next ancilla (fresh before,
    // carried on after); the streaming engine's booking, read off the center. Allocation-free.
    private void BookLedger()
    {
        var rho = _mps.CenterDensity(CollisionMps.DigitSet.A | CollisionMps.DigitSet.B, -1, out _);
        rho.CopyTo(_rhoS);
        var ledger = _ledger!;
        int count = _mps.StepAncillaPositions(_positions);
        for (int i = 0; i < count; i++)
        {
            int pos = _positions[i];
            int j = _mps.CenterModeBaths[pos];
            double used = ledger.AncillaEnergy(j, _mps.CenterDensity(CollisionMps.DigitSet.StepAncilla, pos, out _));
            int next = _mps.CarriedPosition(j);
            if (next >= 0)
            {
                double nextEnergy = ledger.AncillaEnergy(j, _mps.CenterDensity(CollisionMps.DigitSet.CarriedAncilla, next, out _));
                _heat![j] = _carriedEnergy![j] + ledger.FreshAncillaEnergy(j) - used - nextEnergy;
                _carriedEnergy[j] = nextEnergy;
            }
            else
            {
                _heat![j] = ledger.FreshAncillaEnergy(j) - used;
            }
        }
        ledger.BookStep(_rhoS, _heat);
    }

    /// <summary>
    /// Bath <paramref name="bath"/>'s production term I(AB′:E_j′) + D(ρ_{E_j′}‖η_j), called by the state right after its
    /// collision with the system (ancilla at center position <paramref name="pos"/>), before its memory collision and
    /// the later baths' collisions. A fresh ancilla is uncorrelated with the system before the collision, so
    /// S(AB′E_j′) = S_AB(before) + S(η_j) by unitarity; a memory bath's ancilla arrives correlated (through its
    /// predecessor's memory collision), so S(AB′E_j′) is computed. Allocation-free.
    /// </summary>
    private void BookCollision(int bath, int pos)
    {
        const CollisionMps.DigitSet ab = CollisionMps.DigitSet.A | CollisionMps.DigitSet.B, e = CollisionMps.DigitSet.StepAncilla;
        double sse = _protocol.Baths[bath].HasMemory
            ? _mps.CenterEntropy(ab | e, pos)
            : _collisionSystemEntropy + _etaEntropy[bath];
        _collisionSystemEntropy = _mps.CenterEntropy(ab);
        var rho = _mps.CenterDensity(e, pos, out int d);
        var (cross, outside) = CrossTerm(rho, d, _protocol.Baths[bath].Ancilla);
        double se = _mps.CenterEntropy(e, pos);
        double relative = outside ? double.PositiveInfinity : Math.Max(0, -se - cross);
        _stepProduction += Math.Max(0, _collisionSystemEntropy + se - sse) + relative;
    }

    /// <summary>(tr ρ ln η on supp η, whether ρ has weight on ker η) for one ancilla's marginal ρ (column-major d × d).</summary>
    private static (double Cross, bool Outside) CrossTerm(ReadOnlySpan<Complex> rho, int d, AncillaState eta)
    {
        var ln = eta.LogOnSupport;
        var ker = eta.KernelProjector;
        double cross = 0, outside = 0;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                cross += (rho[i + d * j] * ln[j + d * i]).Real;
                outside += (rho[i + d * j] * ker[j + d * i]).Real;
            }
        return (cross, outside > Validation.Tolerances.Support);
    }

    /// <summary>
    /// S_E, S_AE, S_BE, S_ABE for mixed ancillas from the dense global vector (system, (ancilla ⊗ partner)…,
    /// carried): each from the Gram matrix of the smaller side of its bipartition. Exponential in K.
    /// </summary>
    private (double E, double AE, double BE, double ABE) DenseWholeEnvironment()
    {
        var psi = _mps.ToStateVector();
        var dims = new List<int>(_protocol.SystemSpace.Dimensions);
        var kinds = new List<char>();
        for (int q = 0; q < dims.Count; q++) kinds.Add(_protocol.SubsystemsB.Contains(q) ? 'B' : 'A');
        var sites = _mps.Sites;
        for (int k = 0; k < sites.Count; k++)
        {
            int bath = sites.Bath(k);
            dims.Add(_mps.AncillaDimension(bath)); kinds.Add('E');
            dims.Add(_mps.PartnerDimension(bath)); kinds.Add('R');
        }
        // R_S (when ρ_S(0) is mixed), then the carried ancillas in bath order: neither A, B nor E.
        if (_reference) { dims.Add(_mps.ReferenceDimension); kinds.Add('C'); }
        var carried = Enumerable.Range(1, _mps.CenterModeDims.Count - 1).Select(m => _mps.CenterModeBaths[m])
            .Where(bath => bath >= 0).Order();
        foreach (int bath in carried)
        {
            dims.Add(_mps.AncillaDimension(bath)); kinds.Add('C');
            dims.Add(_mps.PartnerDimension(bath)); kinds.Add('C');
        }
        double S(string keep) => PureEntropy(psi, dims, kinds.Select(k => keep.Contains(k)).ToArray());
        // Without memory the complement of ABE is R_S and the partners, which no unitary touches: S_ABE is their
        // initial entropy, S_AB(0) + Σ_k S(η_k), and needs no eigenproblem.
        double sabe = _protocol.HasMemory ? S("ABE") : _initialEntropy + Step * _ancillaEntropy;
        return (S("E"), S("AE"), S("BE"), sabe);
    }

    /// <summary>S of the kept factors of a pure state: the Gram matrix of whichever side is smaller.</summary>
    private static double PureEntropy(Complex[] psi, List<int> dims, bool[] keep)
    {
        long dk = 1;
        for (int i = 0; i < dims.Count; i++) if (keep[i]) dk *= dims[i];
        long dt = psi.Length / dk;
        if (dk > dt) keep = keep.Select(x => !x).ToArray();
        int nk = (int)Math.Min(dk, dt), nt = psi.Length / nk;
        var m = Matrix<Complex>.Build.Dense(nk, nt);
        int n = dims.Count;
        var digit = new int[n];
        for (int x = 0; x < psi.Length; x++)
        {
            int rem = x;
            for (int f = n - 1; f >= 0; f--) { digit[f] = rem % dims[f]; rem /= dims[f]; }
            int k = 0, t = 0;
            for (int f = 0; f < n; f++)
            {
                if (keep[f]) k = k * dims[f] + digit[f];
                else t = t * dims[f] + digit[f];
            }
            m[k, t] = psi[x];
        }
        var rho = m * m.ConjugateTranspose();
        return Information.Entropy.OfMatrix(rho.AsColumnMajorArray() ?? rho.ToColumnMajorArray(), nk);
    }
}
