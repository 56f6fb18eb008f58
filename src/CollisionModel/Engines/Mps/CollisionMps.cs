using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Engines.Mps;

/// <summary>
/// The exact global state of the system and every ancilla that has collided so far, as a matrix-product state
/// with the system at the open (right) end:
/// |Ψ⟩ = Σ A_1[p_1] A_2[p_2] … A_K[p_K] C[s, c…] |p_1 … p_K⟩|s⟩|c…⟩.
/// Site k is ancilla k in collision order together with its purifying partner (physical index p = e·r + ρ, e the
/// ancilla, ρ the partner of dimension r = rank η; r = 1 for a pure ancilla). The center C holds the system s and,
/// for each memory bath, the carried next ancilla c (with its partner), which has so far met only the memory
/// collision. A mixed ρ_S(0) = Σ_ρ λ_ρ |v_ρ⟩⟨v_ρ| is purified by a reference R_S (dimension rank ρ_S(0)), a center
/// mode after the system: C[s, ρ] = √λ_ρ v_ρ(s) initially; R_S never interacts and is neither A, B nor E. Every site
/// is left-canonical (Σ_p A[p]†A[p] = 1), so the reduced state of the system (and of the carried ancillas and R_S)
/// is C†C, and the entropies of the whole environment come from the system's end.
/// <para>
/// An ancilla that has collided never interacts again, so each collision is a local update at the open end: append
/// the fresh ancilla (purified) to C, apply W, for memory baths append the next ancilla and apply the memory
/// collision, then split the used ancilla off with a rank-revealing QR. Cost O(χ·d_S²·(d_E r)²) per collision with
/// χ ≤ d_S·r_S·Π(d_E r) over memory baths (r_S = rank ρ_S(0)), whatever the number of ancillas. The exact bond never exceeds the dimension
/// of the center (d_S without memory); beyond <see cref="MaxExactBond"/> a run needs permission to truncate
/// (<see cref="MpsTruncation"/>) and throws <see cref="TruncationRequiredException"/> otherwise.
/// </para>
/// <para>
/// A bath with a delay line (<see cref="DelayedFeedback"/>) is the exception: its fresh ancillas stay in the chain's
/// newest sites (the line) until they return, and the one due back waits in the center between steps. At the end of
/// each step the center walks left along the line to fetch it (absorbing each site, parking the others right of it
/// right-canonical), drops the ancillas that leave for good there and walks back (splitting the parked sites off
/// left-canonical again): O(delay) small factorisations per step, the bond set by the loop's entanglement and
/// checked against <see cref="MaxExactBond"/> at every split.
/// </para>
/// Memory: 16·χ_left·(d_E r)·χ_right bytes per kept ancilla.
/// </summary>
public sealed class CollisionMps
{
    /// <summary>The largest bond the state may reach without permission to truncate.</summary>
    public const int MaxExactBond = 256;

    /// <summary>
    /// Relative amplitude below which a direction of a split counts as zero (rank detection): its weight
    /// (≤ tolerance² of the state's norm, i.e. below 10⁻²⁶) is not truncation and is summed in
    /// <see cref="RoundingDiscardedWeight"/> instead of <see cref="TruncationError"/>.
    /// </summary>
    public const double RankTolerance = 1e-13;

    /// <summary>Eigenvalues of ρ_S(0) above this count towards its rank (the dimension of the reference R_S).</summary>
    public const double InitialRankTolerance = 1e-14;

    /// <summary>The bath label of the reference mode R_S in the center (not a bath).</summary>
    internal const int ReferenceMode = -2;

    /// <summary>The label of the center's right bond into the delay line's sites parked to its right during a sweep.</summary>
    private const int RightBondMode = -3;

    private readonly CollisionProtocol _protocol;
    private readonly MpsTruncation _truncation;
    private readonly int _dS;
    private readonly int[] _sysDims;
    private readonly bool[] _inB;
    private readonly int[] _d, _r, _p; // per bath: ancilla dimension, partner dimension, d·r
    private readonly Complex[][] _fresh; // per bath: the purification Σ_ρ φ_ρ ⊗ |ρ⟩ as a vector over p = e·r + ρ
    private readonly Complex[]?[] _collisionGates; // per bath: W on (system ⊗ ancilla ⊗ partner), column-major
    private readonly Matrix<Complex>?[] _collisionSources; // the W each gate was built from
    private readonly Matrix<Complex>?[] _systemSource = new Matrix<Complex>?[2];
    private readonly Complex[]?[] _systemGates = new Complex[]?[2];
    private int _systemSlot;
    private readonly Complex[]?[] _memoryGates; // per memory bath: U_mem on ((e r), (e′ r′)), column-major
    private readonly List<int> _modeDims = []; // the center's modes after the bond: system first, then ancilla modes
    private readonly List<int> _modeBath = []; // -1 for the system, ReferenceMode for R_S, else the bath of the ancilla mode
    private readonly List<int> _modeSeq = []; // collision order within the current step; −1: system or carried next ancilla
    private int _stepSeq;
    private readonly List<bool> _modeStream = []; // true for the carried rest of a correlated input stream (its bond)
    private readonly List<bool> _modeReturning = []; // true for a delay line's ancilla on its second visit (in E)
    private readonly int[] _delay; // per bath: the delay line's delay in steps, 0 without one
    private readonly Complex[]?[] _returningGates; // per feedback bath: W(1 ⊗ e^{iφN}) on (system ⊗ ancilla ⊗ partner)
    private readonly Matrix<Complex>?[] _returningSources;
    // The chain's newest sites from the oldest one still due back: (bath, the step it returns at; −1 for one that has
    // left for good). Sites before them never change again.
    private readonly List<(int Bath, int ReturnStep)> _line = [];
    // Sites parked right of the center during a sweep (right-canonical B[k, p, z], a stack), with their line entries.
    private readonly List<Complex[]> _parked = [];
    private readonly List<(int Left, int Phys, int Right, int Bath, int ReturnStep)> _parkedShape = [];
    private int _steps;
    private readonly CorrelatedAncillaStream?[] _streams;
    private readonly Complex[]?[] _streamGates;
    private readonly SiteStore _sites = new();
    // Center and split buffers: sized for the bound at construction, grown (rarely) by a delay line's sweeps.
    private Complex[] _c, _t, _q, _r2, _tau, _alpha;
    private int[] _perm;
    private double[] _norms;
    private readonly int[] _digits, _strides, _inner, _table;
    private readonly double[] _values;
    private readonly Complex[] _gx, _gy, _rho, _work;
    private readonly int _maxRest, _maxCenter;
    private int _bond = 1;

    /// <summary>
    /// Starts from ρ_S(0) (pure: its eigenvector; mixed: purified by the reference R_S of dimension rank ρ_S(0)) and,
    /// for each memory bath, its first (fresh) ancilla; no ancilla has collided yet.
    /// </summary>
    /// <param name="protocol">The collision protocol (system, baths, memory).</param>
    /// <param name="initialSystem">ρ_S(0) on the protocol's system space, pure or mixed.</param>
    /// <param name="truncation">Permission to truncate (default none: exact).</param>
    /// <exception cref="TruncationRequiredException">The exact bond could exceed <see cref="MaxExactBond"/> and no truncation is permitted.</exception>
    public CollisionMps(CollisionProtocol protocol, DensityMatrix initialSystem, MpsTruncation? truncation = null)
        : this(protocol, initialSystem, truncation, null)
    {
    }

    /// <summary>
    /// As above, with bath j's ancillas drawn from <paramref name="streams"/>[j] when it is not null (a memoryless
    /// bath whose ancilla dimension matches; its AncillaState is then unused): initially correlated ancillas. The
    /// stream's bond is carried in the center (bond bound × χ_stream); E still counts only the ancillas that collided.
    /// </summary>
    /// <param name="protocol">The collision protocol.</param>
    /// <param name="initialSystem">ρ_S(0), pure or mixed (purified by R_S).</param>
    /// <param name="truncation">Permission to truncate, or null (exact).</param>
    /// <param name="streams">One entry per bath: a correlated input stream, or null for fresh ancillas η.</param>
    public CollisionMps(CollisionProtocol protocol, DensityMatrix initialSystem, MpsTruncation? truncation,
        IReadOnlyList<CorrelatedAncillaStream?>? streams)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(initialSystem);
        _truncation = truncation ?? MpsTruncation.None;
        _truncation.Validate();
        _protocol = protocol;
        _dS = protocol.SystemDimension;
        _sysDims = protocol.SystemSpace.Dimensions.ToArray();
        _inB = Enumerable.Range(0, _sysDims.Length).Select(q => protocol.SubsystemsB.Contains(q)).ToArray();
        if (initialSystem.Dimension != _dS)
            throw new DimensionMismatchException($"The initial system state has dimension {initialSystem.Dimension}; the protocol's system has {_dS}.", "initial_state");
        var dec = HermitianEigen.Decompose(initialSystem.ToMatrix());
        // Eigenvalues ascending: the support is the last ReferenceDimension of them.
        ReferenceDimension = Math.Max(1, dec.Values.Count(v => v > InitialRankTolerance));
        int nb = protocol.Baths.Count;
        _d = new int[nb]; _r = new int[nb]; _p = new int[nb];
        _fresh = new Complex[nb][];
        _collisionGates = new Complex[nb][];
        _collisionSources = new Matrix<Complex>[nb];
        _memoryGates = new Complex[nb][];
        _delay = protocol.Baths.Select(b => b.Feedback?.Delay ?? 0).ToArray();
        _returningGates = new Complex[nb][];
        _returningSources = new Matrix<Complex>[nb];
        long center = (long)_dS * ReferenceDimension;
        int maxP = 1;
        _streams = new CorrelatedAncillaStream?[nb];
        _streamGates = new Complex[nb][];
        if (streams is not null)
        {
            if (streams.Count != nb) throw new DimensionMismatchException($"Give one stream (or null) per bath: {nb}, got {streams.Count}.", nameof(streams));
            for (int j = 0; j < nb; j++)
            {
                if (streams[j] is not { } st) continue;
                if (protocol.Baths[j].HasMemory)
                    throw new ParameterOutOfRangeException($"baths[{j}]: a correlated input stream and a memory collision cannot be combined.", nameof(streams));
                if (protocol.Baths[j].HasFeedback)
                    throw new ParameterOutOfRangeException($"baths[{j}].feedback: a correlated input stream and a delay line cannot be combined.", nameof(streams));
                if (st.Dimension != protocol.Baths[j].Ancilla.Dimension)
                    throw new DimensionMismatchException($"baths[{j}]: the stream's ancillas have dimension {st.Dimension}, the collision's {protocol.Baths[j].Ancilla.Dimension}.", nameof(streams));
                _streams[j] = st;
            }
        }
        for (int j = 0; j < nb; j++)
        {
            var bath = protocol.Baths[j];
            if (_streams[j] is { } stream)
            {
                _d[j] = stream.Dimension; _r[j] = 1; _p[j] = _d[j];
                maxP = Math.Max(maxP, Math.Max(_p[j], stream.Bond));
                center *= stream.Bond;
                _fresh[j] = new Complex[_p[j]];
                _fresh[j][0] = 1;
                _streamGates[j] = StreamGate(stream);
                continue;
            }
            _d[j] = bath.Ancilla.Dimension;
            _r[j] = bath.Ancilla.Rank;
            _p[j] = _d[j] * _r[j];
            maxP = Math.Max(maxP, _p[j]);
            var comps = bath.Ancilla.PurificationComponents;
            _fresh[j] = new Complex[_p[j]];
            for (int e = 0; e < _d[j]; e++)
                for (int q = 0; q < _r[j]; q++) _fresh[j][e * _r[j] + q] = comps[q][e];
            // A delay line's next returning ancilla waits in the center between steps.
            if (bath.HasFeedback) center *= _p[j];
            if (bath.HasMemory)
            {
                center *= _p[j];
                _memoryGates[j] = MemoryGate(MemoryCollision.Unitary(_d[j], bath.MemoryAngle!.Value), _d[j], _r[j]);
            }
        }
        if (center > MaxExactBond && !_truncation.Permitted)
            throw new TruncationRequiredException(
                $"The exact state could need bond dimension {center} (system × the rank of its initial state × carried memory ancillas), above {MaxExactBond}; permit truncation (max_bond or cutoff: --max-bond N or --cutoff EPS).",
                "max_bond");
        int maxBond = (int)Math.Min(center, _truncation.MaxBond ?? int.MaxValue);
        // During a step the center also holds every bath's collided ancilla (with its partner); a delay line's bound
        // above is only the part without the loop, which the runtime check in each split completes.
        long stepRest = center;
        foreach (int p in _p) stepRest *= p;
        _maxRest = checked((int)stepRest);
        _maxCenter = checked(Math.Max(maxBond, 1) * _maxRest);
        int maxGate = Math.Max(_dS * maxP, maxP * maxP * AncillaState.MaxDimension);
        _c = new Complex[_maxCenter];
        _t = new Complex[_maxCenter];
        _q = new Complex[_maxCenter];
        _r2 = new Complex[_maxCenter];
        _digits = new int[64];
        _strides = new int[64];
        _inner = new int[maxGate];
        _perm = new int[_maxCenter];
        _table = new int[_maxRest];
        _norms = new double[_maxCenter];
        _values = new double[_maxRest];
        _tau = new Complex[_maxCenter];
        _alpha = new Complex[_maxCenter];
        _gx = new Complex[maxGate];
        _gy = new Complex[maxGate];
        _rho = new Complex[(long)_maxRest * _maxRest <= 1 << 22 ? _maxRest * _maxRest : 1 << 22];
        _work = new Complex[Math.Min(_maxRest, 32) * Math.Min(_maxRest, 32)];
        AddMode(_dS, -1);
        int rs = ReferenceDimension;
        if (rs == 1)
        {
            for (int s = 0; s < _dS; s++) _c[s] = dec.Vectors[s, _dS - 1];
        }
        else
        {
            // C[s, ρ] = √λ_ρ v_ρ(s) over the support, largest eigenvalue first; renormalised so that tr = 1 exactly
            // after dropping the rounding-level kernel.
            double kept = 0;
            for (int q = 0; q < rs; q++) kept += dec.Values[_dS - 1 - q];
            for (int q = 0; q < rs; q++)
            {
                double amp = Math.Sqrt(dec.Values[_dS - 1 - q] / kept);
                for (int s = 0; s < _dS; s++) _c[s * rs + q] = amp * dec.Vectors[s, _dS - 1 - q];
            }
            AddMode(rs, ReferenceMode);
        }
        for (int j = 0; j < nb; j++)
        {
            if (protocol.Baths[j].HasMemory) AppendMode(_fresh[j], j);
            if (_streams[j] is { } st)
            {
                AppendMode(st.Left.ToArray(), j);
                _modeStream[^1] = true;
            }
        }
        MaxBond = 1;
    }

    /// <summary>The protocol being run.</summary>
    public CollisionProtocol Protocol => _protocol;

    /// <summary>The dimension of the reference R_S purifying ρ_S(0): its rank (1 for a pure initial state, no R_S).</summary>
    public int ReferenceDimension { get; }

    /// <summary>The number of ancillas that have collided (the sites of the chain), in collision order.</summary>
    public int AncillaCount => _sites.Count;

    /// <summary>The bath of ancilla k (0-based, collision order).</summary>
    public int BathOf(int k) => _sites.Bath(k);

    /// <summary>The bond dimension between ancilla k−1 and ancilla k (k = 0 … <see cref="AncillaCount"/>; k = AncillaCount is the bond into the center).</summary>
    public int BondAt(int k) => k == _sites.Count ? _bond : _sites.Left(k);

    /// <summary>The largest bond dimension reached so far.</summary>
    public int MaxBond { get; private set; }

    /// <summary>Σ over splits of the relative weight discarded by permitted truncation (0 when nothing was truncated).</summary>
    public double TruncationError { get; private set; }

    /// <summary>Σ over splits of the weight dropped as rounding-level directions by the rank detection (≤ 10⁻²⁶ each).</summary>
    public double RoundingDiscardedWeight { get; private set; }

    /// <summary>Complex numbers stored in the ancilla tensors (16 bytes each).</summary>
    public long StoredAmplitudes => _sites.ComplexCount;

    internal SiteStore Sites => _sites;

    internal int SystemDimension => _dS;

    internal int PhysicalDimension(int bath) => _p[bath];

    internal int AncillaDimension(int bath) => _d[bath];

    internal int PartnerDimension(int bath) => _r[bath];

    /// <summary>The center tensor, row-major over (bond, system, carried ancilla modes).</summary>
    internal ReadOnlySpan<Complex> Center => _c.AsSpan(0, CenterLength);

    internal int CenterBond => _bond;

    internal int CenterRest => RestLength;

    internal IReadOnlyList<int> CenterModeDims => _modeDims;

    internal IReadOnlyList<int> CenterModeBaths => _modeBath;

    private int RestLength
    {
        get
        {
            int n = 1;
            foreach (int m in _modeDims) n *= m;
            return n;
        }
    }

    private int CenterLength => _bond * RestLength;

    /// <summary>One whole step: SystemBefore, each bath's collision (and memory collision), SystemAfter, then the splits.</summary>
    public void Advance(ProtocolStep step)
    {
        BeginStep(step);
        EndStep();
    }

    /// <summary>
    /// The unitaries of one step, the step's ancillas kept in the center (so the bookkeeping can read their joint
    /// state with the system); <see cref="EndStep"/> moves them into the chain. <paramref name="afterCollision"/> (if
    /// given) is called with (bath j, the rest position of its ancilla) right after bath j's collision with the system,
    /// before its memory collision and the later baths' collisions: the center then holds the system, R_S, the carried
    /// ancillas and the ancillas collided so far in this step, so reduced states of the system with that ancilla
    /// (<see cref="ReduceCenter"/> with currentPos = the position) are the ones right after collision j. A feedback
    /// bath's returning collision comes first: <paramref name="beforeReturn"/> sees (bath, position of the returning
    /// ancilla, whether it is a pre-filled fresh one) right before it, <paramref name="afterReturn"/> (bath, position)
    /// right after it.
    /// </summary>
    internal void BeginStep(ProtocolStep step, Action<int, int>? afterCollision = null,
        Action<int, int, bool>? beforeReturn = null, Action<int, int>? afterReturn = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.SystemBefore is not null) ApplySystem(step.SystemBefore);
        for (int j = 0; j < step.Baths.Count; j++)
        {
            if (step.Baths[j].Returning is { } returning)
            {
                bool prefilled = _steps < _delay[j];
                int back = prefilled ? -1 : ReturningPosition(j);
                if (prefilled)
                {
                    // The line starts filled with fresh ancillas: untouched so far, so the product η is appended now.
                    AppendMode(_fresh[j], j);
                    back = _modeDims.Count - 1;
                    _modeReturning[back] = true;
                }
                beforeReturn?.Invoke(j, back, prefilled);
                if (!ReferenceEquals(returning, _returningSources[j]))
                {
                    _returningSources[j] = returning;
                    _returningGates[j] = CollisionGate(returning, j);
                }
                ApplyGate(_returningGates[j]!, _dS * _p[j], 0, back);
                _modeSeq[back] = _stepSeq++;
                afterReturn?.Invoke(j, back);
            }
            int pos = CollideWithSystem(j, step.Baths[j].Collision);
            _modeSeq[pos] = _stepSeq++;
            afterCollision?.Invoke(j, pos);
            if (_memoryGates[j] is { } mem)
            {
                AppendMode(_fresh[j], j);
                ApplyGate(mem, _p[j] * _p[j], pos, _modeDims.Count - 1);
            }
        }
        if (step.SystemAfter is not null) ApplySystem(step.SystemAfter);
    }

    /// <summary>
    /// Splits the step's ancillas off into the chain, in collision order. With delay lines, first brings every ancilla
    /// due back in the next step from the chain into the center: the center walks left along the line's newest sites
    /// (each absorbed and parked right of it as a right-canonical site, the ones due back kept), drops the ancillas that
    /// leave for good there, and walks back (each parked site absorbed and split off left-canonical again). The delay
    /// lines' fresh ancillas join the line's end first, so the walk passes them as sites instead of carrying them in
    /// the center. O(L) splits for L line sites (2·delay per step for one line).
    /// </summary>
    internal void EndStep()
    {
        if (_line.Count == 0 && Array.TrueForAll(_delay, d => d == 0))
        {
            SplitStepModes(leaving: true, live: true);
        }
        else
        {
            // The delay lines' fresh ancillas: kept in the center for the next step (delay 1), or split off to the
            // line's end before the walk. Walked over as one more site each, they are not carried in the center along
            // the whole line and back, which would double its width (and the cost of every factorisation) per ancilla.
            for (int m = 1; m < _modeSeq.Count; m++)
                if (_modeSeq[m] >= 0 && !_modeReturning[m] && _delay[_modeBath[m]] == 1)
                {
                    _modeSeq[m] = -1;
                    _modeReturning[m] = true;
                }
            int n = _steps, deepest = DeepestReturning(n + 1);
            if (deepest < 0)
            {
                SplitStepModes(leaving: true, live: false);
                SplitStepModes(leaving: false, live: true);
            }
            else
            {
                SplitStepModes(leaving: false, live: true);
                for (int i = _line.Count - 1; i >= deepest; i--)
                {
                    int returnStep = _line[i].ReturnStep;
                    _line.RemoveAt(i);
                    int pos = AbsorbLeft();
                    if (returnStep == n + 1) _modeReturning[pos] = true;
                    else Park(pos, returnStep);
                }
                SplitStepModes(leaving: true, live: false);
                while (_parkedShape.Count > 0)
                {
                    var (pos, bath, returnStep) = Unpark();
                    Split(pos, bath);
                    _line.Add((bath, returnStep));
                }
            }
            int done = 0;
            while (done < _line.Count && _line[done].ReturnStep < 0) done++;
            _line.RemoveRange(0, done);
        }
        _stepSeq = 0;
        _steps++;
    }

    // Splits off the step's ancillas, oldest collision first: those that leave for good (returned, or of a bath
    // without a delay line) and/or the delay lines' fresh ones (live), recording them in the line while it is not empty.
    private void SplitStepModes(bool leaving, bool live)
    {
        while (true)
        {
            int pos = -1;
            for (int m = 1; m < _modeSeq.Count; m++)
            {
                if (_modeSeq[m] < 0) continue;
                bool isLive = !_modeReturning[m] && _delay[_modeBath[m]] > 0;
                if ((isLive ? live : leaving) && (pos < 0 || _modeSeq[m] < _modeSeq[pos])) pos = m;
            }
            if (pos < 0) return;
            int bath = _modeBath[pos];
            bool entryLive = !_modeReturning[pos] && _delay[bath] > 0;
            Split(pos, bath);
            if (entryLive) _line.Add((bath, _steps + _delay[bath]));
            else if (_line.Count > 0) _line.Add((bath, -1));
        }
    }

    // The line index of the oldest entry due back at step returnStep, or −1 (no lambda: the step stays allocation-free).
    private int DeepestReturning(int returnStep)
    {
        for (int i = 0; i < _line.Count; i++)
            if (_line[i].ReturnStep == returnStep) return i;
        return -1;
    }

    /// <summary>The rest position of bath <paramref name="bath"/>'s returning ancilla waiting in the center.</summary>
    private int ReturningPosition(int bath)
    {
        for (int m = 1; m < _modeSeq.Count; m++)
            if (_modeBath[m] == bath && _modeReturning[m] && _modeSeq[m] < 0) return m;
        throw new InvalidOperationException($"bath {bath}'s returning ancilla is not in the center at step {_steps}.");
    }

    /// <summary>The rest positions of the returning ancillas that collided in the current step, in collision order.</summary>
    internal int ReturningAncillaPositions(Span<int> positions)
    {
        int count = 0;
        for (int m = 1; m < _modeSeq.Count; m++)
            if (_modeSeq[m] >= 0 && _modeReturning[m]) positions[count++] = m;
        for (int i = 1; i < count; i++)
            for (int j = i; j > 0 && _modeSeq[positions[j]] < _modeSeq[positions[j - 1]]; j--)
                (positions[j], positions[j - 1]) = (positions[j - 1], positions[j]);
        return count;
    }

    /// <summary>True when center mode <paramref name="mode"/> (≥ 1) is a delay line's ancilla waiting to return (in E).</summary>
    internal bool IsReturningMode(int mode) => _modeReturning[mode];

    /// <summary>The ancillas that have collided: the chain's sites and the returning ones waiting in the center.</summary>
    public int CollidedAncillaCount
    {
        get
        {
            int n = _sites.Count;
            for (int m = 1; m < _modeReturning.Count; m++) if (_modeReturning[m]) n++;
            return n;
        }
    }

    /// <summary>The rest positions of the step's ancillas (between <see cref="BeginStep"/> and <see cref="EndStep"/>), in collision order.</summary>
    internal int StepAncillaPositions(Span<int> positions)
    {
        int count = 0;
        for (int m = 1; m < _modeSeq.Count; m++)
            if (_modeSeq[m] >= 0 && !_modeReturning[m]) positions[count++] = m;
        // Insertion sort by collision order (a handful of baths).
        for (int i = 1; i < count; i++)
            for (int j = i; j > 0 && _modeSeq[positions[j]] < _modeSeq[positions[j - 1]]; j--)
                (positions[j], positions[j - 1]) = (positions[j - 1], positions[j]);
        return count;
    }

    /// <summary>The rest position of bath <paramref name="bath"/>'s carried next ancilla (a memory bath), or −1.</summary>
    internal int CarriedPosition(int bath)
    {
        for (int m = 1; m < _modeSeq.Count; m++)
            if (_modeBath[m] == bath && _modeSeq[m] < 0 && !_modeStream[m] && !_modeReturning[m]) return m;
        return -1;
    }

    /// <summary>Applies a unitary (d_S × d_S) to the system. O(χ·d_S²·Π carried).</summary>
    public void ApplySystem(Matrix<Complex> unitary)
    {
        ArgumentNullException.ThrowIfNull(unitary);
        Guard.Dimension(unitary, _dS, nameof(unitary));
        if (!ReferenceEquals(unitary, _systemSource[0]) && !ReferenceEquals(unitary, _systemSource[1]))
        {
            _systemSource[_systemSlot] = unitary;
            _systemGates[_systemSlot] = unitary.ToColumnMajorArray();
            _systemSlot ^= 1;
        }
        var gate = ReferenceEquals(unitary, _systemSource[0]) ? _systemGates[0]! : _systemGates[1]!;
        ApplyGate(gate, _dS, 0, -1);
    }

    /// <summary>
    /// Bath j's collision W with the system: appends its fresh ancilla (memoryless bath) or uses the carried one
    /// (memory bath) and applies W. Returns the ancilla's rest position.
    /// </summary>
    internal int CollideWithSystem(int bath, Matrix<Complex> collision)
    {
        int pos;
        if (_protocol.Baths[bath].HasMemory)
        {
            pos = _modeBath.IndexOf(bath);
        }
        else if (_streamGates[bath] is { } draw)
        {
            // Draw the next ancilla of the stream: |γ⟩|0⟩ ↦ Σ B[γ, e, γ′] |γ′⟩|e⟩ on (rest of the stream, new mode).
            int rest = 1;
            while (!_modeStream[rest] || _modeBath[rest] != bath) rest++;
            AppendMode(_fresh[bath], bath);
            pos = _modeDims.Count - 1;
            ApplyGate(draw, _modeDims[rest] * _p[bath], rest, pos);
        }
        else
        {
            AppendMode(_fresh[bath], bath);
            pos = _modeDims.Count - 1;
        }
        // Gates are rebuilt only when the step's matrix changes (a time-independent protocol reuses one step).
        if (!ReferenceEquals(collision, _collisionSources[bath]))
        {
            _collisionSources[bath] = collision;
            _collisionGates[bath] = CollisionGate(collision, bath);
        }
        var gate = _collisionGates[bath]!;
        ApplyGate(gate, _dS * _p[bath], 0, pos);
        return pos;
    }

    /// <summary>ρ_S = tr of C†C over the carried ancillas (a fresh density matrix). O(χ·d_S²·Π carried).</summary>
    public DensityMatrix SystemState()
    {
        int n = ReduceCenter(DigitSet.A | DigitSet.B, -1, _rho);
        var m = Matrix<Complex>.Build.Dense(n, n, (i, j) => _rho[i + j * n]);
        m = 0.5 * (m + m.ConjugateTranspose());
        return DensityMatrix.Create(m, _protocol.SystemSpace);
    }

    /// <summary>
    /// The global pure state as a dense vector in the order (system subsystems, ancilla 1 ⊗ partner 1, …,
    /// ancilla K ⊗ partner K, R_S when ρ_S(0) is mixed, carried ancillas ⊗ partners in bath order). Exponential: for
    /// tests and small K.
    /// </summary>
    public Complex[] ToStateVector()
    {
        // Left to right: v[(p_1…p_k), β].
        Complex[] v = [Complex.One];
        int rows = 1, bond = 1;
        for (int k = 0; k < _sites.Count; k++)
        {
            var a = _sites.Data(k);
            int p = _sites.Physical(k), right = _sites.Right(k);
            var next = new Complex[rows * p * right];
            for (int x = 0; x < rows; x++)
                for (int al = 0; al < bond; al++)
                {
                    var coef = v[x * bond + al];
                    if (coef == Complex.Zero) continue;
                    for (int q = 0; q < p; q++)
                        for (int be = 0; be < right; be++)
                            next[(x * p + q) * right + be] += coef * a[(al * p + q) * right + be];
                }
            v = next; rows *= p; bond = right;
        }
        int rest = RestLength;
        var full = new Complex[rows * rest];
        for (int x = 0; x < rows; x++)
            for (int be = 0; be < bond; be++)
            {
                var coef = v[x * bond + be];
                for (int y = 0; y < rest; y++) full[x * rest + y] += coef * _c[be * rest + y];
            }
        // Reorder (sites, system, R_S and carried in mode order) → (system, sites, R_S, carried in bath order).
        int carriedCount = _modeDims.Count - 1;
        var carriedOrder = Enumerable.Range(1, carriedCount).OrderBy(m => _modeBath[m]).ToArray();
        int carriedSize = rest / _dS;
        var result = new Complex[full.Length];
        var cdig = new int[carriedCount];
        for (int x = 0; x < rows; x++)
            for (int y = 0; y < rest; y++)
            {
                int s = y / carriedSize, rem = y % carriedSize;
                for (int m = carriedCount; m >= 1; m--) { cdig[m - 1] = rem % _modeDims[m]; rem /= _modeDims[m]; }
                int cIndex = 0;
                foreach (int m in carriedOrder) cIndex = cIndex * _modeDims[m] + cdig[m - 1];
                result[(s * rows + x) * carriedSize + cIndex] = full[x * rest + y];
            }
        return result;
    }

    // ---- center manipulation -------------------------------------------------------------------------------------

    private void AppendMode(Complex[] vector, int bath)
    {
        int n = CenterLength, p = vector.Length;
        for (int i = n - 1; i >= 0; i--)
        {
            var z = _c[i];
            for (int a = p - 1; a >= 0; a--) _c[i * p + a] = z * vector[a];
        }
        AddMode(p, bath);
    }

    private void AddMode(int dimension, int bath) => InsertMode(_modeDims.Count, dimension, bath);

    private void InsertMode(int index, int dimension, int bath)
    {
        _modeDims.Insert(index, dimension);
        _modeBath.Insert(index, bath);
        _modeSeq.Insert(index, -1);
        _modeStream.Insert(index, false);
        _modeReturning.Insert(index, false);
    }

    private void RemoveMode(int index)
    {
        _modeDims.RemoveAt(index);
        _modeBath.RemoveAt(index);
        _modeSeq.RemoveAt(index);
        _modeStream.RemoveAt(index);
        _modeReturning.RemoveAt(index);
    }

    /// <summary>Applies a gate (column-major, g × g) to center modes (m1, m2) (m2 = −1: one mode), m1 most significant; positions count the rest modes from 0.</summary>
    private void ApplyGate(ReadOnlySpan<Complex> gate, int g, int m1, int m2)
    {
        int modes = _modeDims.Count + 1; // with the bond as mode 0
        // Row-major strides of the full modes (mode m ≥ 1 has dimension _modeDims[m − 1]).
        _strides[modes - 1] = 1;
        for (int m = modes - 2; m >= 0; m--) _strides[m] = _strides[m + 1] * _modeDims[m];
        int f1 = m1 + 1, f2 = m2 < 0 ? -1 : m2 + 1;
        int d1 = _modeDims[m1], d2 = f2 < 0 ? 1 : _modeDims[m2];
        for (int i = 0; i < d1; i++)
            for (int j = 0; j < d2; j++)
                _inner[i * d2 + j] = i * _strides[f1] + (f2 < 0 ? 0 : j * _strides[f2]);
        int total = CenterLength;
        // Iterate over the outer indices: every full index whose digits at f1, f2 are zero.
        Array.Clear(_digits, 0, modes);
        var x = _gx.AsSpan(0, g);
        var y = _gy.AsSpan(0, g);
        int outer = total / g;
        int offset = 0;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < g; i++) x[i] = _c[offset + _inner[i]];
            for (int i = 0; i < g; i++) y[i] = 0;
            for (int j = 0; j < g; j++)
            {
                var xj = x[j];
                if (xj == Complex.Zero) continue;
                int col = j * g;
                for (int i = 0; i < g; i++) y[i] += gate[col + i] * xj;
            }
            for (int i = 0; i < g; i++) _c[offset + _inner[i]] = y[i];
            // Next outer index: increment the digits of the other modes, least significant first.
            for (int m = modes - 1; m >= 0; m--)
            {
                if (m == f1 || m == f2) continue;
                int dim = m == 0 ? _bond : _modeDims[m - 1];
                _digits[m]++;
                offset += _strides[m];
                if (_digits[m] < dim) break;
                offset -= dim * _strides[m];
                _digits[m] = 0;
            }
        }
    }

    /// <summary>Moves the ancilla mode at rest position <paramref name="pos"/> into a new left-canonical site.</summary>
    private void Split(int pos, int bath)
    {
        int rest = RestLength, p = _modeDims[pos];
        int after = 1;
        for (int m = pos + 1; m < _modeDims.Count; m++) after *= _modeDims[m];
        int before = rest / (p * after);
        int rows = _bond * p, cols = rest / p;
        // M[(β, a), (y_before, y_after)] column-major.
        for (int be = 0; be < _bond; be++)
            for (int yb = 0; yb < before; yb++)
                for (int a = 0; a < p; a++)
                    for (int ya = 0; ya < after; ya++)
                    {
                        int src = be * rest + (yb * p + a) * after + ya;
                        int row = be * p + a, col = yb * after + ya;
                        _t[row + col * rows] = _c[src];
                    }
        int k = Decompose(rows, cols);
        // Site A[β, a, k'] = Q[(β p + a), k'].
        var site = _sites.Add(_bond, p, k, bath);
        for (int row = 0; row < rows; row++)
            for (int kk = 0; kk < k; kk++) site[row * k + kk] = _q[row + kk * rows];
        // New center: rows k', columns (y_before, y_after) = R[k', col].
        for (int kk = 0; kk < k; kk++)
            for (int col = 0; col < cols; col++) _c[kk * cols + col] = _r2[kk + col * k];
        RemoveMode(pos);
        _bond = k;
        MaxBond = Math.Max(MaxBond, k);
    }

    // ---- delay lines: the center walks along the chain ------------------------------------------------------------

    // Right bond into the parked sites: the last mode while a sweep has parked any (dimension 1 otherwise).
    private int RightBond => _modeBath[^1] == RightBondMode ? _modeDims[^1] : 1;

    // Grows the center and split buffers to hold n amplitudes (only when a sweep's center first exceeds them).
    private void EnsureCenter(int n)
    {
        if (n <= _c.Length) return;
        int size = Math.Max(n, 2 * _c.Length);
        var c = new Complex[size];
        _c.AsSpan(0, CenterLength).CopyTo(c);
        _c = c;
        _t = new Complex[size]; _q = new Complex[size]; _r2 = new Complex[size];
        _tau = new Complex[size]; _alpha = new Complex[size];
        _perm = new int[size]; _norms = new double[size];
    }

    /// <summary>
    /// Takes the chain's newest site A[α, x, β] into the center as a mode x right before the right bond:
    /// C′[α, u, x, z] = Σ_β A[α, x, β] C[β, u, z]. The sites to its left stay left-canonical. Returns x's position.
    /// O(χ_α·χ·p·rest).
    /// </summary>
    private int AbsorbLeft()
    {
        int k = _sites.Count - 1;
        var a = _sites.Data(k);
        int left = _sites.Left(k), p = _sites.Physical(k), bath = _sites.Bath(k);
        int rest = RestLength, rb = RightBond, u = rest / rb;
        EnsureCenter(left * rest * p);
        var t = _t.AsSpan(0, left * rest * p);
        t.Clear();
        for (int al = 0; al < left; al++)
            for (int be = 0; be < _bond; be++)
            {
                int from = be * rest;
                for (int x = 0; x < p; x++)
                {
                    var coef = a[(al * p + x) * _bond + be];
                    if (coef == Complex.Zero) continue;
                    for (int y = 0; y < u; y++)
                    {
                        int to = ((al * u + y) * p + x) * rb, src = from + y * rb;
                        for (int z = 0; z < rb; z++) t[to + z] += coef * _c[src + z];
                    }
                }
            }
        t.CopyTo(_c);
        _sites.RemoveLast();
        int pos = _modeBath[^1] == RightBondMode ? _modeDims.Count - 1 : _modeDims.Count;
        InsertMode(pos, p, bath);
        _bond = left;
        return pos;
    }

    /// <summary>
    /// Parks mode x at <paramref name="pos"/> (the last before the right bond) right of the center as a right-canonical
    /// site B[k, x, z] (Σ_{x,z} B B† = 1): the rank-revealing QR (or the permitted truncation) of Mᵀ, M[(α, u), (x, z)]
    /// the center, whose row-major layout is Mᵀ column-major; Q's columns are B's rows and R the new center C[α, u, k].
    /// </summary>
    private void Park(int pos, int returnStep)
    {
        int p = _modeDims[pos], bath = _modeBath[pos], rb = RightBond;
        int rows = p * rb, n = CenterLength, cols = n / rows;
        _c.AsSpan(0, n).CopyTo(_t);
        int k = Decompose(rows, cols);
        if (_parked.Count == _parkedShape.Count) _parked.Add([]);
        int slot = _parkedShape.Count;
        if (_parked[slot].Length < rows * k) _parked[slot] = new Complex[Math.Max(rows * k, 2 * _parked[slot].Length)];
        _q.AsSpan(0, rows * k).CopyTo(_parked[slot]);
        _parkedShape.Add((k, p, rb, bath, returnStep));
        _r2.AsSpan(0, k * cols).CopyTo(_c);
        RemoveMode(pos);
        if (_modeBath[^1] == RightBondMode) _modeDims[^1] = k;
        else AddMode(k, RightBondMode);
        MaxBond = Math.Max(MaxBond, k);
    }

    /// <summary>
    /// Takes the newest parked site back into the center: C′[α, u, x, z] = Σ_k C[α, u, k] B[k, x, z]. Returns x's
    /// position, its bath and its line entry's return step.
    /// </summary>
    private (int Pos, int Bath, int ReturnStep) Unpark()
    {
        int slot = _parkedShape.Count - 1;
        var (k, p, z, bath, returnStep) = _parkedShape[slot];
        var b = _parked[slot];
        int rows = CenterLength / k, width = p * z;
        EnsureCenter(rows * width);
        var t = _t.AsSpan(0, rows * width);
        t.Clear();
        for (int row = 0; row < rows; row++)
            for (int kk = 0; kk < k; kk++)
            {
                var coef = _c[row * k + kk];
                if (coef == Complex.Zero) continue;
                int to = row * width, from = kk * width;
                for (int i = 0; i < width; i++) t[to + i] += coef * b[from + i];
            }
        t.CopyTo(_c);
        _parkedShape.RemoveAt(slot);
        RemoveMode(_modeDims.Count - 1);
        int pos = _modeDims.Count;
        AddMode(p, bath);
        if (slot > 0) AddMode(z, RightBondMode);
        return (pos, bath, returnStep);
    }

    // Factorises the rows × cols column-major matrix in _t into _q (rows × k) and _r2 (k × cols): exact (rank-revealing
    // QR, rounding-level directions dropped) or with the permitted truncation. Returns k.
    private int Decompose(int rows, int cols)
    {
        double norm2 = 0;
        for (int i = 0; i < rows * cols; i++) norm2 += _t[i].Real * _t[i].Real + _t[i].Imaginary * _t[i].Imaginary;
        if (_truncation.Permitted) return TruncatedSplit(rows, cols, norm2);
        var (rank, dropped) = RankRevealingQr.Factor(_t.AsSpan(0, rows * cols), rows, cols, RankTolerance * RankTolerance * norm2,
            _q, _r2, _norms, _perm, _tau, _alpha);
        RoundingDiscardedWeight += dropped;
        if (rank > MaxExactBond)
            throw new TruncationRequiredException($"The bond dimension reached {rank}, above {MaxExactBond}; permit truncation (max_bond or cutoff: --max-bond N or --cutoff EPS).", "max_bond");
        return rank;
    }

    // SVD of M (in _t) with the permitted truncation; fills _q (rows × k) and _r2 (k × cols), renormalised.
    private int TruncatedSplit(int rows, int cols, double norm2)
    {
        var m = Matrix<Complex>.Build.Dense(rows, cols);
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) m[i, j] = _t[i + j * rows];
        var svd = m.Svd(true);
        var s = svd.S;
        int n = s.Count;
        double total = 0;
        for (int i = 0; i < n; i++) total += s[i].Real * s[i].Real;
        int keep = n;
        double zeroTol = RankTolerance * RankTolerance * norm2;
        double dropped = 0;
        while (keep > 1 && s[keep - 1].Real * s[keep - 1].Real <= zeroTol)
        {
            dropped += s[keep - 1].Real * s[keep - 1].Real;
            keep--;
        }
        RoundingDiscardedWeight += dropped;
        double discarded = 0;
        if (_truncation.Cutoff is { } eps and > 0)
        {
            while (keep > 1)
            {
                double w = s[keep - 1].Real * s[keep - 1].Real / total;
                if (discarded + w > eps) break;
                discarded += w;
                keep--;
            }
        }
        if (_truncation.MaxBond is { } mb)
            while (keep > mb)
            {
                discarded += s[keep - 1].Real * s[keep - 1].Real / total;
                keep--;
            }
        TruncationError += discarded;
        double kept = 0;
        for (int i = 0; i < keep; i++) kept += s[i].Real * s[i].Real;
        double scale = Math.Sqrt(total / kept) / Math.Sqrt(total);
        var u = svd.U;
        var vt = svd.VT;
        for (int kk = 0; kk < keep; kk++)
        {
            for (int i = 0; i < rows; i++) _q[i + kk * rows] = u[i, kk];
            for (int j = 0; j < cols; j++) _r2[kk + j * keep] = s[kk].Real * scale * vt[kk, j];
        }
        return keep;
    }

    // ---- reduced states of the center ----------------------------------------------------------------------------

    /// <summary>Which fine digits of the center (system subsystems, ancilla, partner) a reduced state keeps.</summary>
    [Flags]
    internal enum DigitSet
    {
        None = 0,
        A = 1,
        B = 2,
        /// <summary>The ancillas that collided in the current step (or only the one at <c>onlyPos</c>).</summary>
        StepAncilla = 4,
        StepPartner = 8,
        /// <summary>The carried next ancillas of memory baths.</summary>
        CarriedAncilla = 16,
        CarriedPartner = 32,
        /// <summary>The reference R_S purifying a mixed ρ_S(0).</summary>
        Reference = 64,
    }

    /// <summary>
    /// The reduced density matrix (column-major, into <paramref name="rho"/>) of the kept fine digits of the center
    /// state, the bond traced (the sites are left-canonical); with <paramref name="currentPos"/> ≥ 0 only that ancilla
    /// mode's digits may be kept. Returns its dimension. O(χ·D·n) for n kept.
    /// </summary>
    internal int ReduceCenter(DigitSet keep, int currentPos, Span<Complex> rho)
    {
        // Fine digits: system subsystems, then per ancilla mode (ancilla, partner).
        int fine = 0;
        Span<int> dims = stackalloc int[64];
        Span<bool> kept = stackalloc bool[64];
        for (int q = 0; q < _sysDims.Length; q++)
        {
            dims[fine] = _sysDims[q];
            kept[fine++] = _inB[q] ? (keep & DigitSet.B) != 0 : (keep & DigitSet.A) != 0;
        }
        for (int m = 1; m < _modeDims.Count; m++)
        {
            int b = _modeBath[m];
            if (b == ReferenceMode)
            {
                dims[fine] = _modeDims[m];
                kept[fine++] = currentPos < 0 && (keep & DigitSet.Reference) != 0;
                continue;
            }
            if (_modeStream[m] || b == RightBondMode)
            {
                dims[fine] = _modeDims[m];
                kept[fine++] = currentPos < 0 && (keep & DigitSet.CarriedAncilla) != 0;
                continue;
            }
            bool inStep = _modeSeq[m] >= 0;
            bool selected = currentPos < 0 || m == currentPos;
            dims[fine] = _d[b];
            kept[fine++] = selected && (keep & (inStep ? DigitSet.StepAncilla : DigitSet.CarriedAncilla)) != 0;
            dims[fine] = _r[b];
            kept[fine++] = selected && (keep & (inStep ? DigitSet.StepPartner : DigitSet.CarriedPartner)) != 0;
        }
        int rest = RestLength;
        int nk = 1;
        for (int f = 0; f < fine; f++) if (kept[f]) nk *= dims[f];
        int nt = rest / nk;
        // table[k·nt + t] = rest index with kept digits k and traced digits t.
        Span<int> digit = stackalloc int[64];
        for (int x = 0; x < rest; x++)
        {
            int rem = x;
            for (int f = fine - 1; f >= 0; f--) { digit[f] = rem % dims[f]; rem /= dims[f]; }
            int k = 0, t = 0;
            for (int f = 0; f < fine; f++)
            {
                if (kept[f]) k = k * dims[f] + digit[f];
                else t = t * dims[f] + digit[f];
            }
            _table[k * nt + t] = x;
        }
        for (int k1 = 0; k1 < nk; k1++)
            for (int k2 = k1; k2 < nk; k2++)
            {
                Complex sum = 0;
                for (int be = 0; be < _bond; be++)
                {
                    int baseIndex = be * rest;
                    for (int t = 0; t < nt; t++)
                        sum += _c[baseIndex + _table[k1 * nt + t]] * Complex.Conjugate(_c[baseIndex + _table[k2 * nt + t]]);
                }
                rho[k1 + k2 * nk] = sum;
                rho[k2 + k1 * nk] = Complex.Conjugate(sum);
            }
        return nk;
    }

    /// <summary>S (nats) of the reduced center state keeping <paramref name="keep"/>.</summary>
    internal double CenterEntropy(DigitSet keep, int currentPos = -1)
    {
        int n = ReduceCenter(keep, currentPos, _rho);
        return Entropy.OfMatrix(_rho, n, _values, _work);
    }

    /// <summary>The reduced center state as a scratch span (valid until the next call).</summary>
    internal ReadOnlySpan<Complex> CenterDensity(DigitSet keep, int currentPos, out int dimension)
    {
        dimension = ReduceCenter(keep, currentPos, _rho);
        return _rho.AsSpan(0, dimension * dimension);
    }

    // ---- gates ---------------------------------------------------------------------------------------------------

    /// <summary>W (on acts_on subsystems ⊗ ancilla) embedded on (system ⊗ ancilla ⊗ partner), column-major.</summary>
    private Complex[] CollisionGate(Matrix<Complex> w, int bath)
    {
        var b = _protocol.Baths[bath];
        var sysDims = _protocol.SystemSpace.Dimensions;
        var space = new CompositeSpace([.. sysDims, _d[bath]]);
        var targets = b.ActsOn.Append(sysDims.Count).ToArray();
        var embedded = Tensor.Embed(w, space, targets);
        int n = _dS * _d[bath], r = _r[bath], g = n * r;
        var gate = new Complex[g * g];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                var z = embedded[i, j];
                if (z == Complex.Zero) continue;
                for (int q = 0; q < r; q++) gate[(i * r + q) + (j * r + q) * g] = z;
            }
        return gate;
    }

    /// <summary>The draw |γ⟩|0⟩ ↦ Σ B[γ, e, γ′]|γ′⟩|e⟩ on (stream rest, new ancilla), column-major; other columns zero (never reached).</summary>
    private static Complex[] StreamGate(CorrelatedAncillaStream stream)
    {
        int chi = stream.Bond, d = stream.Dimension, g = chi * d;
        var b = stream.Tensor;
        var gate = new Complex[g * g];
        for (int ga = 0; ga < chi; ga++)
            for (int e = 0; e < d; e++)
                for (int gp = 0; gp < chi; gp++)
                    gate[(gp * d + e) + (ga * d) * g] = b[(ga * d + e) * chi + gp];
        return gate;
    }

    /// <summary>U on (e, e′) embedded on ((e ρ), (e′ ρ′)), column-major.</summary>
    private static Complex[] MemoryGate(Matrix<Complex> u, int d, int r)
    {
        int p = d * r, g = p * p;
        var gate = new Complex[g * g];
        for (int e1 = 0; e1 < d; e1++)
            for (int e2 = 0; e2 < d; e2++)
                for (int f1 = 0; f1 < d; f1++)
                    for (int f2 = 0; f2 < d; f2++)
                    {
                        var z = u[e1 * d + e2, f1 * d + f2];
                        if (z == Complex.Zero) continue;
                        for (int q1 = 0; q1 < r; q1++)
                            for (int q2 = 0; q2 < r; q2++)
                            {
                                int row = (e1 * r + q1) * p + (e2 * r + q2);
                                int col = (f1 * r + q1) * p + (f2 * r + q2);
                                gate[row + col * g] = z;
                            }
                    }
        return gate;
    }
}
