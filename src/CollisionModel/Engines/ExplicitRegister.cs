using System.Numerics;
using CollisionModel.Models;

namespace CollisionModel.Engines;

/// <summary>
/// The general explicit representation, for any protocol: ONE state vector of the system and every ancilla so far,
/// each mixed ancilla purified by a partner R of dimension rank(η), and the next ancilla every memory bath carries; a
/// mixed initial system state is purified by a reference R_S (the factor right above the system).
/// The system's d_S amplitudes are the least significant block; every new factor group (ancilla, then its partner)
/// is appended as the most significant digits, growing the vector in place (block g of the new group is
/// Φ[g]·ψ, written from the top down so block 0 is overwritten last). Unitaries act on their factors by index
/// arithmetic (digits addressed by stride), O(N d_local) each. Sequential; the qubit fast path of
/// <see cref="ExplicitCollisionEngine"/> handles the paper's shape at memory bandwidth. A feedback bath keeps its
/// delay line as a queue of factors already in E; the line's pre-filled fresh ancillas are appended when they first
/// collide (untouched before, they are the product η either way).
/// </summary>
internal sealed class ExplicitRegister
{
    private readonly CollisionProtocol _protocol;
    private readonly TimeGrid _grid;
    private readonly Complex[] _psi;
    private long _length;
    private readonly int _dS;
    private readonly List<Factor> _ancillas = [];   // every ancilla that has collided (E), in collision order
    private readonly List<Factor> _partners = [];   // purifying partners R (and R_S of a mixed initial system state)
    private readonly Factor?[] _carried;            // per bath: the next ancilla a memory bath carries
    private readonly Factor[] _systemFactors;
    private readonly Queue<Factor>?[] _lines;      // per feedback bath: the ancillas on their way back, oldest first

    /// <summary>Final length of the vector after <paramref name="steps"/> steps from an initial system state of rank <paramref name="systemRank"/>.</summary>
    public static double FinalLength(CollisionProtocol protocol, long steps, int systemRank = 1)
    {
        double perStep = protocol.Baths.Aggregate(1.0, (p, b) => p * b.Ancilla.Dimension * b.Ancilla.Rank);
        double carried = protocol.Baths.Where(b => b.HasMemory).Aggregate(1.0, (p, b) => p * b.Ancilla.Dimension * b.Ancilla.Rank);
        double prefilled = protocol.Baths.Where(b => b.HasFeedback)
            .Aggregate(1.0, (p, b) => p * Math.Pow(b.Ancilla.Dimension * b.Ancilla.Rank, Math.Min(steps, b.Feedback!.Delay)));
        return protocol.SystemDimension * (double)systemRank * carried * prefilled * Math.Pow(perStep, steps);
    }

    /// <summary>
    /// The dimension of E after <paramref name="steps"/> steps: every fresh ancilla and, for a feedback bath, the
    /// pre-filled ones that have come back (min(K, delay) of them).
    /// </summary>
    public static double EnvironmentDimension(CollisionProtocol protocol, long steps)
    {
        double perStep = protocol.Baths.Aggregate(1.0, (p, b) => p * b.Ancilla.Dimension);
        double prefilled = protocol.Baths.Where(b => b.HasFeedback)
            .Aggregate(1.0, (p, b) => p * Math.Pow(b.Ancilla.Dimension, Math.Min(steps, b.Feedback!.Delay)));
        return prefilled * Math.Pow(perStep, steps);
    }

    /// <summary>
    /// The register of the initial system state given by its purification components √p_k |ψ_k⟩
    /// (<paramref name="systemComponents"/>, d_S amplitudes each): one component = a pure state, more = a mixed ρ_S(0)
    /// purified by a reference R_S of that dimension, the factor right above the system (ψ[s + d_S k] = √p_k ψ_k[s]).
    /// </summary>
    public ExplicitRegister(CollisionProtocol protocol, TimeGrid grid, IReadOnlyList<Complex[]> systemComponents, Complex[] storage)
    {
        _protocol = protocol;
        _grid = grid;
        _psi = storage;
        var system = protocol.SystemSpace;
        _dS = system.Dimension;
        for (int k = 0; k < systemComponents.Count; k++) systemComponents[k].CopyTo(_psi, k * _dS);
        _length = (long)_dS * systemComponents.Count;
        // R_S is neither A, B nor E: like a partner, it is traced out of every entropy.
        if (systemComponents.Count > 1) _partners.Add(new Factor(systemComponents.Count, _dS));
        _systemFactors = Enumerable.Range(0, system.Count).Select(k => new Factor(system.Dimensions[k], system.Stride(k))).ToArray();
        _carried = new Factor?[protocol.Baths.Count];
        _lines = protocol.Baths.Select(b => b.HasFeedback ? new Queue<Factor>(b.Feedback!.Delay) : null).ToArray();
        for (int j = 0; j < protocol.Baths.Count; j++)
            if (protocol.Baths[j].HasMemory) _carried[j] = Append(protocol.Baths[j].Ancilla);
    }

    /// <summary>The amplitudes (storage layout: system least significant, latest factor most significant).</summary>
    public ReadOnlySpan<Complex> Amplitudes => _psi.AsSpan(0, (int)_length);

    /// <summary>The system factors (A, B, … by subsystem index).</summary>
    public IReadOnlyList<Factor> SystemFactors => _systemFactors;

    /// <summary>Every ancilla that has collided so far (E).</summary>
    public IReadOnlyList<Factor> Ancillas => _ancillas;

    /// <summary>The factors that are neither system nor E: purifying partners (R_S included) and carried next ancillas.</summary>
    public IEnumerable<Factor> Others => _partners.Concat(_carried.Where(c => c is not null).Select(c => c!.Value));

    /// <summary>Every factor of the vector now.</summary>
    public IEnumerable<Factor> All => _systemFactors.Concat(_ancillas).Concat(Others);

    /// <summary>
    /// Step <paramref name="stepIndex"/>: SystemBefore, each bath's collisions (for a feedback bath first the returning
    /// ancilla's — the fresh one of step n − delay, or a pre-filled fresh one for n &lt; delay —, then a fresh ancilla,
    /// or the carried one of a memory bath followed by its memory collision with a fresh next ancilla), SystemAfter.
    /// Returns the fresh ancillas that collided in this step, with their bath index. <paramref name="afterCollision"/>
    /// (if given) sees each bath's fresh ancilla right after its collision with the system, before its memory collision
    /// and the later baths' collisions; <paramref name="beforeReturn"/> sees each returning ancilla right before its
    /// second collision, with whether it is a pre-filled one (not in E until now).
    /// </summary>
    public (Factor Ancilla, int Bath)[] Advance(int stepIndex, Action<Factor, int>? afterCollision = null,
        Action<Factor, int, bool>? beforeReturn = null)
    {
        // A time-independent protocol's unitaries are those of step 0, which the protocol keeps: no rebuild per step.
        var step = _protocol.Step(_protocol.IsTimeDependent ? stepIndex : 0, _grid);
        if (step.SystemBefore is { } before) Apply(before.ToColumnMajorArray(), _systemFactors);
        var used = new (Factor, int)[step.Baths.Count];
        for (int j = 0; j < step.Baths.Count; j++)
        {
            var bath = _protocol.Baths[j];
            var systemPart = bath.ActsOn.Select(k => _systemFactors[k]).ToArray();
            if (_lines[j] is { } line)
            {
                bool prefilled = stepIndex < bath.Feedback!.Delay;
                var back = prefilled ? Append(bath.Ancilla) : line.Dequeue();
                beforeReturn?.Invoke(back, j, prefilled);
                if (prefilled) _ancillas.Add(back);
                Apply(step.Baths[j].Returning!.ToColumnMajorArray(), [.. systemPart, back]);
            }
            var e = _carried[j] ?? Append(bath.Ancilla);
            // E from now on (and no longer carried), so entropies taken right after the collision see every factor once.
            _carried[j] = null;
            _ancillas.Add(e);
            Apply(step.Baths[j].Collision.ToColumnMajorArray(), [.. systemPart, e]);
            afterCollision?.Invoke(e, j);
            _lines[j]?.Enqueue(e);
            if (step.Baths[j].Memory is { } memory)
            {
                var next = Append(bath.Ancilla);
                _carried[j] = next;
                Apply(memory.ToColumnMajorArray(), [e, next]);
            }
            used[j] = (e, j);
        }
        if (step.SystemAfter is { } after) Apply(after.ToColumnMajorArray(), _systemFactors);
        return used;
    }

    /// <summary>S of a set of factors (nats), from the smaller side of the pure global state.</summary>
    public double Entropy(IReadOnlyCollection<Factor> kept)
    {
        var traced = All.Where(f => !kept.Contains(f)).ToArray();
        return PureStateEntropy.Of(Amplitudes, kept.ToArray(), traced);
    }

    /// <summary>ρ_S, column-major d_S × d_S: Σ_b ψ[b d + s] conj(ψ[b d + s′]).</summary>
    public void ReduceSystem(Span<Complex> rhoS)
    {
        int d = _dS;
        rhoS.Clear();
        for (long b = 0; b < _length / d; b++)
        {
            long o = b * d;
            for (int j = 0; j < d; j++)
            {
                Complex cj = Complex.Conjugate(_psi[o + j]);
                if (cj == Complex.Zero) continue;
                for (int i = 0; i < d; i++) rhoS[i + j * d] += _psi[o + i] * cj;
            }
        }
    }

    /// <summary>The reduced state of one factor, column-major.</summary>
    public Complex[] ReduceFactor(Factor f)
    {
        var rho = PureStateEntropy.Reduced(Amplitudes, [f], All.Where(x => x != f).ToArray());
        return rho.ToColumnMajorArray();
    }

    // Appends a fresh ancilla (and its purifying partner when η is mixed) as the most significant digits.
    private Factor Append(AncillaState ancilla)
    {
        var comps = ancilla.PurificationComponents;
        int d = ancilla.Dimension, r = comps.Count;
        long n = _length;
        for (int g = d * r - 1; g >= 0; g--)
        {
            Complex phi = comps[g / d][g % d];
            long offset = g * n;
            for (long i = 0; i < n; i++) _psi[offset + i] = phi * _psi[i];
        }
        var e = new Factor(d, n);
        if (r > 1) _partners.Add(new Factor(r, n * d));
        _length = n * d * r;
        return e;
    }

    // ψ ← (U ⊗ 1) ψ with U on the listed factors (operator order, first most significant).
    private void Apply(Complex[] u, Factor[] targets)
    {
        int dt = 1;
        foreach (var f in targets) dt *= f.Dimension;
        var targetOffsets = new long[dt];
        for (int t = 0; t < dt; t++)
        {
            long rem = t, o = 0;
            for (int i = targets.Length - 1; i >= 0; i--)
            {
                o += rem % targets[i].Dimension * targets[i].Stride;
                rem /= targets[i].Dimension;
            }
            targetOffsets[t] = o;
        }
        var rest = All.Where(f => !targets.Contains(f)).OrderBy(f => f.Stride).ToArray();
        var digits = new int[rest.Length];
        var x = new Complex[dt];
        long restCount = _length / dt;
        long baseOffset = 0;
        for (long r = 0; r < restCount; r++)
        {
            for (int t = 0; t < dt; t++) x[t] = _psi[baseOffset + targetOffsets[t]];
            for (int i = 0; i < dt; i++)
            {
                Complex s = Complex.Zero;
                for (int t = 0; t < dt; t++) s += u[i + t * dt] * x[t];
                _psi[baseOffset + targetOffsets[i]] = s;
            }
            // Odometer over the other factors' digits.
            for (int k = 0; k < rest.Length; k++)
            {
                baseOffset += rest[k].Stride;
                if (++digits[k] < rest[k].Dimension) break;
                baseOffset -= rest[k].Stride * rest[k].Dimension;
                digits[k] = 0;
            }
        }
    }
}
