using System.Numerics;
using CollisionModel.Bookkeeping;
using CollisionModel.Engines.Mps;
using CollisionModel.Models;
using CollisionModel.States;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Engines;

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
/// dimension (d_E r)^K; computed from the smaller side for K ≤ <see cref="MaxMixedWholeEnvironment"/> ancillas while
/// the dense vector has at most <see cref="MaxMixedWholeEnvironmentAmplitudes"/> amplitudes, and NaN (reported as null) beyond. D_E likewise; the running totals stay exact.</item>
/// </list>
/// A feedback bath's returning ancilla collides before the fresh one (fetched by <see cref="CollisionMps"/> along its
/// delay line); the production is then booked per fresh collision and the returning ancilla through
/// <see cref="StepBookkeeper.ReturnedAncilla"/>, as the explicit engine does; fragments are refused with a delay line.
/// D_E = D(ρ_E ‖ ⊗η) = −S_E − Σ_k tr ρ_{E_k} ln η_k (+∞ when some ancilla left supp η). Per step
/// O(χ·d_S²·(d_E r)²) plus small eigenproblems, flat in K; memory 16·χ²·d_E·r bytes per kept ancilla.
/// <para>
/// When some bath's ancilla has a Hamiltonian, a <see cref="ThermodynamicLedger"/> books heat per bath, work and
/// entropy flow at every step exactly as the streaming engine does: from ρ_S at the step's end and each bath's
/// ancilla marginals read off the center before the split (the used ancilla at the step's end and, for a memory
/// bath, the next ancilla it handed energy to, whose energy at the step's end is the used ancilla's at the next step's start).
/// </para>
/// </summary>
public sealed class MpsCollisionEngine : ICollisionEngine, IWholeEnvironmentEngine
{
    /// <summary>
    /// The most mixed ancillas for which the whole-E entropies are computed: dense eigenproblems of dimension up to
    /// d_E^K·d_A (eigenvalues only), 4 s for the step at K = 9 of a two-qubit system with qubit ancillas, 43 s at
    /// K = 10 (two of dimension 2048), ~30 min at K = 12 (4096 and two of 8192). See docs/mps.md.
    /// </summary>
    public const int MaxMixedWholeEnvironment = 9;

    /// <summary>
    /// The largest dense global vector (amplitudes) formed for the mixed-ancilla whole-E entropies: 2^22, what
    /// <see cref="MaxMixedWholeEnvironment"/> qubit ancillas of a mixed two-qubit system need. A memory bath's
    /// carried ancilla and its partner multiply the vector (by 4 for a qubit) and add the S_ABE eigenproblem, so
    /// without this bound a two-bath memory model took 100× the memoryless time at K = 4; with it such a model stops
    /// one or two ancillas earlier, in the memoryless cost class.
    /// </summary>
    public const long MaxMixedWholeEnvironmentAmplitudes = 1L << 22;

    private readonly CollisionRunOptions _options;
    private readonly CollisionProtocol _protocol;
    private readonly CollisionMps _mps;
    private readonly ProtocolStep? _fixedStep;
    private readonly bool _pure;
    private readonly int[] _positions;
    private readonly bool _hasA, _reference;
    private readonly StepBookkeeper _books;
    private readonly Action<int, int>? _bookCollision; // per-collision production hook (memory or feedback protocols)
    private readonly Action<int, int, bool>? _beforeReturn; // feedback: a returning ancilla's state before its second collision
    private readonly Action<int, int>? _afterReturn; // feedback: the system's entropy after it
    private readonly Complex[][] _booked = []; // per bath: the returning ancilla's state as booked at the end of its first step
    private readonly bool[] _bookedPrefilled = [];
    private readonly double _initialEntropy;
    private double _collisionSystemEntropy, _entropySystem;
    private readonly Complex[] _rhoS, _usedAncilla;
    private MixedWholeEnvironment.State? _dense; // ρ_ABE of the current step when the whole-E entropies formed it

    /// <summary>Validates the options and books step 0 (E = none; a mixed ρ_S(0) is purified by R_S).</summary>
    /// <param name="options">The run.</param>
    /// <param name="truncation">Permission to truncate (default: exact).</param>
    public MpsCollisionEngine(CollisionRunOptions options, MpsTruncation? truncation = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _protocol = options.Protocol;
        if (options.Fragments)
            _protocol.RefuseFeedback("fragments are not computed with a delay line: a returning ancilla has no single place in the collision order the fragments follow");
        _mps = new CollisionMps(_protocol, options.InitialSystem, truncation ?? options.Truncation);
        _fixedStep = _protocol.IsTimeDependent ? null : _protocol.Step(0, options.Grid);
        _pure = _protocol.Baths.All(b => b.Ancilla.IsPure);
        _positions = new int[_protocol.Baths.Count];
        _hasA = _protocol.SubsystemsA.Count > 0;
        _reference = _mps.ReferenceDimension > 1;
        // Created once: the step stays allocation-free. With a delay line the system meets the returning ancilla before
        // the fresh one, so the step's joint term is not the fresh collisions' sum: book per collision.
        _bookCollision = _protocol.HasMemory || _protocol.HasFeedback ? BookCollision : null;
        if (_protocol.HasFeedback)
        {
            _beforeReturn = BeforeReturn;
            _afterReturn = AfterReturn;
            _booked = _protocol.Baths.Select(b => new Complex[b.Ancilla.Dimension * b.Ancilla.Dimension]).ToArray();
            _bookedPrefilled = new bool[_protocol.Baths.Count];
        }
        _rhoS = options.InitialSystem.ColumnMajor.ToArray();
        int de = _protocol.Baths.Max(b => b.Ancilla.Dimension);
        _usedAncilla = new Complex[de * de];
        _books = new StepBookkeeper(_protocol, options.Grid, EnvironmentScope.AllSoFar, _rhoS, keepLedger: true, options.GuardInvariants);
        double sab = _mps.CenterEntropy(CollisionMps.DigitSet.A | CollisionMps.DigitSet.B);
        double sa = _mps.CenterEntropy(CollisionMps.DigitSet.A);
        double sb = _mps.CenterEntropy(CollisionMps.DigitSet.B);
        _entropySystem = sab;
        _initialEntropy = sab;
        _books.Initial(new StepEntropies(sa, sb, sab, 0, sa, sb, sab));
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current => _books.Current;

    /// <summary>The state (for fragments, bonds and the global vector).</summary>
    public CollisionMps State => _mps;

    /// <summary>The largest bond dimension so far.</summary>
    public int MaxBond => _mps.MaxBond;

    /// <summary>The discarded weight summed over all splits (0 when nothing was truncated).</summary>
    public double TruncationError => _mps.TruncationError;

    /// <summary>
    /// False once the whole-E entropies (S_E, S_AE, S_BE, S_ABE, D_E and the slacks built on them) are no longer
    /// computed: mixed ancillas beyond <see cref="MaxMixedWholeEnvironment"/> or a dense vector beyond
    /// <see cref="MaxMixedWholeEnvironmentAmplitudes"/>. Those fields are then NaN (min slack null).
    /// </summary>
    public bool HasWholeEnvironment => _pure || DenseWholeEnvironmentFits();

    // The dense global vector's length: the center's rest (system, R_S, carried ancillas) times every site.
    private bool DenseWholeEnvironmentFits()
    {
        if (_mps.CollidedAncillaCount > MaxMixedWholeEnvironment) return false;
        long amplitudes = _mps.CenterRest;
        for (int k = 0; k < _mps.AncillaCount; k++) amplitudes *= _mps.Sites.Physical(k);
        return amplitudes <= MaxMixedWholeEnvironmentAmplitudes;
    }

    /// <summary>
    /// I(AB : F) for the oldest and newest fragments now (see <see cref="EnvironmentFragments.Curves"/>); for mixed
    /// ancillas while the step formed ρ_ABE, every fragment's reduced states are its partial traces
    /// (<see cref="MixedWholeEnvironment.Fragments"/>: the same curves without contracting the chain again, so a memory
    /// bath's wider bonds cost nothing there).
    /// </summary>
    public FragmentCurves Fragments() =>
        _dense is { } dense ? MixedWholeEnvironment.Fragments(dense, _mps.AncillaCount) : EnvironmentFragments.Curves(_mps);

    /// <summary>True when <see cref="Fragments"/> takes its curves from this step's ρ_ABE.</summary>
    internal bool FragmentsFromWholeEnvironment => _dense is not null;

    /// <inheritdoc />
    public void Advance()
    {
        var step = _fixedStep ?? _protocol.Step(Step, _options.Grid);
        _collisionSystemEntropy = _entropySystem;
        _mps.BeginStep(step, _bookCollision, _beforeReturn, _afterReturn);
        const CollisionMps.DigitSet a = CollisionMps.DigitSet.A, b = CollisionMps.DigitSet.B;
        const CollisionMps.DigitSet stepE = CollisionMps.DigitSet.StepAncilla, carried = CollisionMps.DigitSet.CarriedAncilla;
        const CollisionMps.DigitSet reference = CollisionMps.DigitSet.Reference;
        double sab = _mps.CenterEntropy(a | b);
        double sa = _hasA ? _mps.CenterEntropy(a) : 0;
        double sb = _mps.CenterEntropy(b);
        _mps.CenterDensity(a | b, -1, out _).CopyTo(_rhoS);
        // Each step ancilla's final marginal (and a memory bath's next ancilla) to the books: D_E's cross terms, heat.
        int count = _mps.StepAncillaPositions(_positions);
        for (int i = 0; i < count; i++)
        {
            int pos = _positions[i];
            int j = _mps.CenterModeBaths[pos];
            var used = _usedAncilla.AsSpan(0, _protocol.Baths[j].Ancilla.Dimension * _protocol.Baths[j].Ancilla.Dimension);
            _mps.CenterDensity(stepE, pos, out _).CopyTo(used);
            int next = _mps.CarriedPosition(j);
            if (next >= 0) _books.StepAncilla(j, used, _mps.CenterDensity(carried, next, out _));
            else _books.StepAncilla(j, used);
        }
        // Each returning ancilla as it leaves for good: its change of D_E's cross term and the heat of its second collision.
        count = _mps.ReturningAncillaPositions(_positions);
        for (int i = 0; i < count; i++)
        {
            int pos = _positions[i];
            int j = _mps.CenterModeBaths[pos];
            ReadOnlySpan<Complex> booked = _bookedPrefilled[j] ? default : _booked[j];
            _books.ReturnedAncilla(j, booked, _mps.CenterDensity(stepE, pos, out _));
        }
        // Memoryless: the step is unitary on S ⊗ fresh ancillas, so S(S′E′_n) = S_AB(before) + Σ_j S(η_j); with memory
        // the hook booked each collision's term.
        if (_bookCollision is null)
            _books.JointStep(sab, _mps.CenterEntropy(stepE), _entropySystem + _books.FreshAncillaEntropy);
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
        _dense = null;
        if (!_pure && DenseWholeEnvironmentFits())
            (se, sae, sbe, sabe) = DenseWholeEnvironment();
        _books.Close(new StepEntropies(sa, sb, sab, se, sae, sbe, sabe), _rhoS);
    }

    /// <inheritdoc />
    public DensityMatrix SystemState() => _mps.SystemState();

    /// <inheritdoc />
    public LedgerTotals? Thermodynamics() => _books.Thermodynamics(_rhoS);

    /// <inheritdoc />
    public WholeEnvironmentRecord WholeEnvironment(bool fragments) =>
        new(MaxBond, TruncationError, fragments ? Fragments() : null);

    /// <summary>
    /// Bath <paramref name="bath"/>'s production term, handed to the books right after its collision with the system
    /// (ancilla at center position <paramref name="pos"/>), before its memory collision and the later baths'
    /// collisions. A fresh ancilla is uncorrelated with the system before the collision, so S(AB′E_j′) = S_AB(before)
    /// + S(η_j) by unitarity; a memory bath's ancilla arrives correlated (through its predecessor's memory collision),
    /// so S(AB′E_j′) is computed. Allocation-free.
    /// </summary>
    private void BookCollision(int bath, int pos)
    {
        const CollisionMps.DigitSet ab = CollisionMps.DigitSet.A | CollisionMps.DigitSet.B, e = CollisionMps.DigitSet.StepAncilla;
        double sse = _protocol.Baths[bath].HasMemory
            ? _mps.CenterEntropy(ab | e, pos)
            : _books.FreshJointEntropy(bath, _collisionSystemEntropy);
        _collisionSystemEntropy = _mps.CenterEntropy(ab);
        double se = _mps.CenterEntropy(e, pos);
        int d = _protocol.Baths[bath].Ancilla.Dimension;
        var rho = _usedAncilla.AsSpan(0, d * d);
        _mps.CenterDensity(e, pos, out _).CopyTo(rho);
        _books.Collision(bath, _collisionSystemEntropy, rho, se, sse);
    }

    // A returning ancilla right before its second collision: its marginal has not changed since its first step ended.
    private void BeforeReturn(int bath, int pos, bool prefilled)
    {
        _bookedPrefilled[bath] = prefilled;
        if (!prefilled) _mps.CenterDensity(CollisionMps.DigitSet.CarriedAncilla, pos, out _).CopyTo(_booked[bath]);
    }

    // The returning collision changed the system's entropy: the fresh collision that follows starts from it.
    private void AfterReturn(int bath, int pos) =>
        _collisionSystemEntropy = _mps.CenterEntropy(CollisionMps.DigitSet.A | CollisionMps.DigitSet.B);

    /// <summary>
    /// S_E, S_AE, S_BE, S_ABE for mixed ancillas (<see cref="MixedWholeEnvironment"/>: ρ_ABE once from the dense
    /// global state laid out by the bipartition, the other three its partial traces). Exponential in K.
    /// </summary>
    private (double E, double AE, double BE, double ABE) DenseWholeEnvironment()
    {
        // Without memory or a delay line the complement of ABE is R_S and the partners, which no unitary touches: S_ABE
        // is their initial entropy, S_AB(0) + Σ_k S(η_k), and needs no eigenproblem.
        bool withAbe = _protocol.HasMemory || _protocol.HasFeedback;
        var (se, sae, sbe, sabe) = MixedWholeEnvironment.Entropies(_mps, withAbe, out _dense);
        return (se, sae, sbe, withAbe ? sabe : _initialEntropy + Step * _books.FreshAncillaEntropy);
    }
}
