using System.Globalization;
using System.Numerics;
using CollisionModel.Bookkeeping;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.States;
using CollisionModel.Thermodynamics;
using CollisionModel.Validation;

namespace CollisionModel.Engines;

/// <summary>
/// The explicit representation, for any <see cref="CollisionProtocol"/>: the global pure state of the system, every
/// ancilla so far, a purifying partner of dimension rank(η) for each mixed ancilla and the next ancilla each memory
/// bath carries, as ONE state vector; E = every ancilla that has collided with the system so far (not the partners,
/// not the carried next ancillas). A mixed initial system state ρ_S(0) is purified by a reference R_S of dimension
/// rank ρ_S(0) (neither A, B nor E; traced out of every entropy like the partners, so S_ABE = S(R_S ∪ partners ∪ carried)
/// by purity, and S_E ≠ S_AB in general even with pure ancillas). Two paths:
/// <list type="bullet">
/// <item>a pure initial state of a qubit system with one memoryless, time-independent qubit bath (the paper's shape): the in-place,
/// parallel, AVX growth of <see cref="QubitExplicitPath"/> (27 pure ancillas to 8 GiB in under 2 s);</item>
/// <item>everything else: <see cref="ExplicitRegister"/>, unitaries on qudit factors by index arithmetic, entropies of
/// qudit partitions from the smaller side of a Gram matrix.</item>
/// </list>
/// The vector may use at most half of the memory the runtime reports available
/// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>), see <see cref="MaxAmplitudes"/>; entropies need reduced
/// states of at most <see cref="MaxReducedDimension"/> (generic path) or at most <see cref="MaxMixedAncillas"/> mixed
/// ancillas (fast path). Per collision: the production term I(S′:E_j′) + D(ρ_{E_j}′‖η_j) right after bath j's collision
/// with the system (before its memory collision and the later baths), as in streaming;
/// D_E = −S_E − Σ_j tr ρ_{E_j} ln η_j over every ancilla so far (+∞ when one left supp η). When some ancilla has a
/// Hamiltonian and the protocol is memoryless and time-independent, the thermodynamic ledger is booked from the
/// collided ancillas' states; with memory or time-dependent baths this representation keeps no ledger. A feedback
/// bath's returning ancilla collides a second time before the step's fresh one: its change is booked in D_E and the
/// ledger (<see cref="StepBookkeeper.ReturnedAncilla"/>), the production sums the fresh collisions only. Both paths
/// book through one <see cref="StepBookkeeper"/> (E = every ancilla so far, a pre-filled one of a delay line from its
/// collision on).
/// </summary>
public sealed class ExplicitCollisionEngine : ICollisionEngine
{
    /// <summary>Most mixed (purified) ancillas on the fast path: its E-side entropies need reduced states of dimension up to 2^(K+1).</summary>
    public const int MaxMixedAncillas = 10;

    /// <summary>Largest reduced state (the smaller side of any entropy partition) the generic path diagonalises.</summary>
    public const int MaxReducedDimension = 2048;

    private readonly CollisionRunOptions _options;
    private readonly QubitExplicitPath? _fast;
    private readonly ExplicitRegister? _register;
    private readonly Complex[] _rhoS;
    private readonly PartialTraceMap _sToA, _sToB;
    private readonly Factor[] _a, _b;
    private readonly double[] _values = new double[CollisionProtocol.MaxSystemDimension];
    private readonly Complex[] _work = new Complex[CollisionProtocol.MaxSystemDimension * CollisionProtocol.MaxSystemDimension];
    private readonly StepBookkeeper? _books;

    /// <summary>
    /// Validates <paramref name="options"/> (the final vector within <see cref="MaxAmplitudes"/>; the entropy bounds),
    /// purifies a mixed initial system state by a reference R_S of dimension rank ρ_S(0), allocates the final capacity
    /// and books step 0 (E = none).
    /// </summary>
    public ExplicitCollisionEngine(CollisionRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var protocol = options.Protocol;
        var purification = SystemPurification(options.InitialSystem);
        int rank = purification.Length;
        EnsureCapacity(protocol, options.Steps, rank);
        _options = options;
        var system = protocol.SystemSpace;
        _sToA = new PartialTraceMap(system, protocol.SubsystemsA);
        _sToB = new PartialTraceMap(system, protocol.SubsystemsB);
        _a = protocol.SubsystemsA.Select(k => new Factor(system.Dimensions[k], system.Stride(k))).ToArray();
        _b = protocol.SubsystemsB.Select(k => new Factor(system.Dimensions[k], system.Stride(k))).ToArray();
        int d = system.Dimension;
        _rhoS = new Complex[d * d];
        if (rank == 1 && UsesFastPath(protocol))
        {
            _fast = new QubitExplicitPath(options);
            return;
        }
        long length = (long)ExplicitRegister.FinalLength(protocol, options.Steps, rank);
        _register = new ExplicitRegister(protocol, options.Grid, purification, LargeBuffer.Allocate<Complex>(checked((int)length)));
        _register.ReduceSystem(_rhoS);
        // The ledger's heat is read off the ancillas at the step's end, which needs every ancilla fresh; a drive only
        // rescales each step's collision or H_S, and the ledger itself books H_S(t_n).
        bool ledger = !protocol.HasMemory && protocol.Baths.All(b => b.Collision.IsTimeIndependent);
        _books = new StepBookkeeper(protocol, options.Grid, EnvironmentScope.AllSoFar, _rhoS, ledger, options.GuardInvariants);
        double sab = SystemEntropy();
        var (sa, sb) = MarginalEntropies();
        _books.Initial(new StepEntropies(sa, sb, sab, 0, sa, sb, sab));
    }

    /// <summary>The bytes the runtime reports available to this process (physical memory or the container's limit).</summary>
    public static long AvailableMemoryBytes
    {
        get
        {
            long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return available > 0 ? available : 8L << 30;
        }
    }

    /// <summary>The most amplitudes the vector may hold: half of <see cref="AvailableMemoryBytes"/> at 16 bytes each (and at most an array's length).</summary>
    public static long MaxAmplitudes => Math.Min(Array.MaxLength, AvailableMemoryBytes / 2 / 16);

    /// <summary>True for the paper's shape (qubit system, one memoryless, time-independent qubit bath): the fast path.</summary>
    public static bool UsesFastPath(CollisionProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return protocol.SystemSpace.Dimensions.All(d => d == 2) && protocol.Baths.Count == 1 && protocol.Baths[0].Ancilla.Dimension == 2
            && !protocol.HasMemory && !protocol.HasFeedback && !protocol.IsTimeDependent;
    }

    /// <summary>
    /// The most steps the explicit representation holds for <paramref name="protocol"/> on this machine, from an
    /// initial system state of rank <paramref name="initialRank"/> (1 = pure; a mixed state is purified by a reference
    /// of that dimension and always takes the generic path): the final vector within <see cref="MaxAmplitudes"/>, and
    /// the entropy bounds (<see cref="MaxMixedAncillas"/> on the fast path; reduced states ≤
    /// <see cref="MaxReducedDimension"/> on the generic path). O(K).
    /// </summary>
    public static int StepCapacity(CollisionProtocol protocol, int initialRank = 1)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialRank, 1);
        bool fast = initialRank == 1 && UsesFastPath(protocol);
        double limit = MaxAmplitudes;
        int k = 0;
        while (k < 1000 && ExplicitRegister.FinalLength(protocol, k + 1, initialRank) <= limit && WithinEntropyBounds(protocol, k + 1, initialRank, fast)) k++;
        return k;
    }

    /// <summary>
    /// The explicit-capacity check, made before any run: throws <see cref="ParameterOutOfRangeException"/> naming
    /// <c>steps</c> when <paramref name="steps"/> collisions of <paramref name="protocol"/> from an initial system state
    /// of rank <paramref name="initialRank"/> exceed <see cref="StepCapacity"/>, saying the cap, the memory it comes
    /// from and the way out (two lines). O(K).
    /// </summary>
    public static void EnsureCapacity(CollisionProtocol protocol, long steps, int initialRank = 1)
    {
        int cap = StepCapacity(protocol, initialRank);
        if (steps <= cap) return;
        bool pure = protocol.Baths.All(b => b.Ancilla.IsPure);
        bool mixedBound = initialRank == 1 && UsesFastPath(protocol) && !protocol.Baths[0].Ancilla.IsPure;
        string reference = initialRank > 1 ? $" (ρ_S(0) purified by a reference of dimension {initialRank})" : "";
        throw new ParameterOutOfRangeException(
            $"the explicit representation holds one amplitude per basis state of the system{reference} and every ancilla (and partner): at most {cap} collisions with {(pure ? "pure" : "mixed")} ancillas (got {steps.ToString(CultureInfo.InvariantCulture)});\n" +
            $"the state vector may use half of the {(AvailableMemoryBytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture)} GiB available{(mixedBound ? $" and at most {MaxMixedAncillas} mixed ancillas are booked" : "")}; " +
            "the streaming representation (E = the latest ancilla) runs more collisions.",
            nameof(steps));
    }

    /// <summary>
    /// ρ_S(0) = Σ_k p_k |ψ_k⟩⟨ψ_k| as its purification components √p_k |ψ_k⟩ (d_S amplitudes each, one per eigenvalue
    /// above <see cref="Tolerances.ZeroEigenvalue"/>, largest first, weights renormalised to sum 1): |Ψ⟩ = Σ_k √p_k |ψ_k⟩ ⊗ |k⟩_R.
    /// One component for a pure state (its eigenvector; the global phase is irrelevant). O(d_S³).
    /// </summary>
    internal static Complex[][] SystemPurification(DensityMatrix initial)
    {
        var dec = HermitianEigen.Decompose(initial.ToMatrix());
        int d = initial.Dimension;
        var kept = Enumerable.Range(0, d).Where(r => dec.Values[r] > Tolerances.ZeroEigenvalue).OrderByDescending(r => dec.Values[r]).ToArray();
        double total = kept.Sum(r => dec.Values[r]);
        return kept.Select(r =>
        {
            double w = Math.Sqrt(dec.Values[r] / total);
            var phi = new Complex[d];
            for (int s = 0; s < d; s++) phi[s] = w * dec.Vectors[s, r];
            return phi;
        }).ToArray();
    }

    // The smaller side of every partition booked at step K: E, A∪E, B∪E, S∪E (fast path: the mixed-ancilla count).
    private static bool WithinEntropyBounds(CollisionProtocol protocol, int steps, int initialRank, bool fast)
    {
        if (fast) return protocol.Baths[0].Ancilla.IsPure || steps <= MaxMixedAncillas;
        double total = ExplicitRegister.FinalLength(protocol, steps, initialRank);
        double e = ExplicitRegister.EnvironmentDimension(protocol, steps);
        double dS = protocol.SystemDimension;
        foreach (double x in new[] { e, dS * e })
            if (Math.Min(x, total / x) > MaxReducedDimension) return false;
        return true;
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current => _fast is not null ? _fast.Current : _books!.Current;

    /// <summary>The amplitudes in the storage layout (system least significant, latest factor most significant).</summary>
    public ReadOnlySpan<Complex> Amplitudes => _fast is not null ? _fast.Amplitudes : _register!.Amplitudes;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">All <see cref="CollisionRunOptions.Steps"/> steps the vector was sized for are done.</exception>
    public void Advance()
    {
        if (Step >= _options.Steps)
            throw new InvalidOperationException($"The explicit state was sized for {_options.Steps} steps; all are done.");
        if (_fast is not null)
        {
            _fast.Advance();
            Step = _fast.Step;
            return;
        }
        var register = _register!;
        var books = _books!;
        List<(Factor Ancilla, int Bath, Complex[]? Booked)>? returning = _options.Protocol.HasFeedback ? [] : null;
        var used = register.Advance(Step, (f, j) => BookCollision(register, books, f, j),
            returning is null ? null : (f, j, prefilled) => returning.Add((f, j, prefilled ? null : register.ReduceFactor(f))));
        Step++;
        register.ReduceSystem(_rhoS);
        double sab = SystemEntropy();
        var (sa, sb) = MarginalEntropies();
        var e = register.Ancillas;
        var system = register.SystemFactors;
        double se = register.Entropy(e.ToArray());
        double sae = register.Entropy([.. _a, .. e]);
        double sbe = register.Entropy([.. _b, .. e]);
        double sabe = register.Entropy([.. system, .. e]);
        // The step's own ancillas: their marginals are final now (each leaves after this step).
        foreach (var (f, j) in used) books.StepAncilla(j, register.ReduceFactor(f));
        if (returning is not null)
            foreach (var (f, j, booked) in returning) books.ReturnedAncilla(j, booked, register.ReduceFactor(f));
        books.Close(new StepEntropies(sa, sb, sab, se, sae, sbe, sabe), _rhoS);
    }

    /// <inheritdoc />
    public LedgerTotals? Thermodynamics() => _fast is not null ? _fast.Thermodynamics() : _books!.Thermodynamics(_rhoS);

    /// <inheritdoc />
    public DensityMatrix SystemState() =>
        _fast is not null ? _fast.SystemState() : DensityMatrix.Trusted(_options.Protocol.SystemSpace, (Complex[])_rhoS.Clone());

    /// <summary>
    /// The global pure state in the project's order: the system's subsystems, then every appended factor in the order
    /// it was appended (fast path: E_1 (R_1), E_2 (R_2), …; generic: R_S when ρ_S(0) is mixed, the carried first ancilla of each memory bath, then
    /// per step and bath the ancilla, its partner, the next ancilla). O(N · factors).
    /// </summary>
    public Ket GlobalState()
    {
        if (_fast is not null) return _fast.GlobalState();
        var register = _register!;
        var psi = register.Amplitudes;
        var appended = register.All.Where(f => f.Stride >= _options.Protocol.SystemDimension).OrderBy(f => f.Stride).ToArray();
        var order = register.SystemFactors.Concat(appended).ToArray();
        var dims = order.Select(f => f.Dimension).ToArray();
        var space = new CompositeSpace(dims);
        var result = new Complex[psi.Length];
        for (int i = 0; i < psi.Length; i++)
        {
            long target = 0;
            for (int k = 0; k < order.Length; k++) target += (i / order[k].Stride) % order[k].Dimension * space.Stride(k);
            result[target] = psi[i];
        }
        return Ket.Trusted(space, result);
    }

    // Bath j's term I(S′:E_j′) + D(ρ_{E_j}′‖η_j) to the books, right after its collision with the system (f = its ancilla).
    private static void BookCollision(ExplicitRegister register, StepBookkeeper books, Factor f, int bath)
    {
        var system = register.SystemFactors;
        double ss = register.Entropy(system.ToArray()), se = register.Entropy([f]), sse = register.Entropy([.. system, f]);
        books.Collision(bath, ss, register.ReduceFactor(f), se, sse);
    }

    private double SystemEntropy() => Entropy.OfMatrix(_rhoS, _options.Protocol.SystemDimension, _values, _work);

    private (double A, double B) MarginalEntropies()
    {
        double sa = 0;
        if (_a.Length > 0)
        {
            int da = _sToA.KeptDimension;
            var ra = new Complex[da * da];
            _sToA.Apply(_rhoS, ra);
            sa = Entropy.OfMatrix(ra, da, _values, _work);
        }
        int db = _sToB.KeptDimension;
        var rb = new Complex[db * db];
        _sToB.Apply(_rhoS, rb);
        return (sa, Entropy.OfMatrix(rb, db, _values, _work));
    }
}
