using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;

namespace CollisionModel.Engines;

/// <summary>
/// The general streaming step for ANY protocol (qudits, several baths, memory baths, time-dependent collisions) on
/// density matrices. The carried register is S ⊗ M_1 ⊗ … ⊗ M_p, M_i the next ancilla of the i-th memory bath (fresh η
/// before the first step). A step appends the fresh ancilla E_j of every memoryless bath and the next ancilla N_i of
/// every memory bath, applies SystemBefore, then for each bath in order its collision W on (acts_on, its ancilla) and,
/// with memory, U_mem on (used ancilla, N_i), then SystemAfter — each as a local operator by index arithmetic,
/// O(D² d_local) for the working dimension D — and traces out the ancillas that collided (E = them, jointly, in their
/// state after the memory collision); N_i becomes M_i. The production term of bath j is taken from the working state
/// right after its collision with the system. Time-dependent collisions are rebuilt every step. Allocation
/// per step only for time-dependent protocols and for eigenproblems above 32×32.
/// </summary>
internal sealed class DensityMatrixStepper
{
    /// <summary>The largest working dimension (system ⊗ every ancilla of one step ⊗ the carried ones) held: 2048² complex = 64 MiB per buffer.</summary>
    public const int MaxWorkingDimension = 2048;

    private readonly CollisionProtocol _protocol;
    private readonly TimeGrid _grid;
    private readonly int _dS, _dCarry, _dWork, _dFresh;
    private readonly int[] _memoryBaths;
    private readonly Complex[] _fresh;
    private readonly Complex[] _carry, _work, _scratch, _reduced, _eigWork;
    private readonly double[] _values;
    private readonly LocalOperator _systemOperator;
    private readonly LocalOperator[] _collisionOperators;
    private readonly LocalOperator?[] _memoryOperators;
    private readonly PartialTraceMap _toCarry, _toS, _toE, _toAE, _toBE, _toSE, _carryToS, _sToA, _sToB;
    private readonly PartialTraceMap[] _toEj, _toSEj;
    private readonly PartialTraceMap?[] _toNj;
    private readonly Complex[] _used, _next;
    private readonly bool _hasA;
    private readonly StepArrays? _fixed;

    public DensityMatrixStepper(CollisionProtocol protocol, TimeGrid grid, ReadOnlySpan<Complex> initialSystem)
    {
        _protocol = protocol;
        _grid = grid;
        var system = protocol.SystemSpace;
        int ns = system.Count;
        _dS = system.Dimension;
        var baths = protocol.Baths;
        _memoryBaths = Enumerable.Range(0, baths.Count).Where(j => baths[j].HasMemory).ToArray();
        var memoryless = Enumerable.Range(0, baths.Count).Where(j => !baths[j].HasMemory).ToArray();
        int p = _memoryBaths.Length, q = memoryless.Length;
        // Working layout: S, M (memory baths' carried ancillas), E (memoryless baths' fresh ancillas), N (next ancillas).
        var position = new int[baths.Count];
        var next = new int[baths.Count];
        for (int i = 0; i < p; i++) { position[_memoryBaths[i]] = ns + i; next[_memoryBaths[i]] = ns + p + q + i; }
        for (int i = 0; i < q; i++) position[memoryless[i]] = ns + p + i;
        int[] Dims(IEnumerable<int> js) => js.Select(j => baths[j].Ancilla.Dimension).ToArray();
        var carrySpace = new CompositeSpace([.. system.Dimensions, .. Dims(_memoryBaths)]);
        long work = (long)carrySpace.Dimension * Dims(memoryless).Aggregate(1L, (a, d) => a * d) * Dims(_memoryBaths).Aggregate(1L, (a, d) => a * d);
        if (work > MaxWorkingDimension)
            throw new ParameterOutOfRangeException(
                $"The streaming representation holds the system, one step's ancillas and the carried memory ancillas as one density matrix of dimension ≤ {MaxWorkingDimension}; this protocol needs {work}.",
                "protocol");
        var workSpace = new CompositeSpace([.. carrySpace.Dimensions, .. Dims(memoryless), .. Dims(_memoryBaths)]);
        _dCarry = carrySpace.Dimension;
        _dWork = workSpace.Dimension;
        _dFresh = _dWork / _dCarry;
        var freshStates = memoryless.Concat(_memoryBaths).Select(j => baths[j].Ancilla.State).ToArray();
        _fresh = freshStates.Length == 0 ? [Complex.One] : States.DensityMatrix.Product(freshStates).ColumnMajor.ToArray();

        var sIdx = Enumerable.Range(0, ns).ToArray();
        _systemOperator = new LocalOperator(workSpace, sIdx);
        _collisionOperators = baths.Select((b, j) => new LocalOperator(workSpace, [.. b.ActsOn, position[j]])).ToArray();
        _memoryOperators = baths.Select((b, j) => b.HasMemory ? new LocalOperator(workSpace, [position[j], next[j]]) : null).ToArray();
        var e = position.ToArray();
        var a = protocol.SubsystemsA.ToArray();
        var bsub = protocol.SubsystemsB.ToArray();
        _hasA = a.Length > 0;
        _toCarry = new PartialTraceMap(workSpace, [.. sIdx, .. _memoryBaths.Select(j => next[j])]);
        _toS = new PartialTraceMap(workSpace, sIdx);
        _toE = new PartialTraceMap(workSpace, e);
        _toAE = new PartialTraceMap(workSpace, [.. a, .. e]);
        _toBE = new PartialTraceMap(workSpace, [.. bsub, .. e]);
        _toSE = new PartialTraceMap(workSpace, [.. sIdx, .. e]);
        _toEj = e.Select(k => new PartialTraceMap(workSpace, [k])).ToArray();
        _toSEj = e.Select(k => new PartialTraceMap(workSpace, [.. sIdx, k])).ToArray();
        _toNj = baths.Select((b, j) => b.HasMemory ? new PartialTraceMap(workSpace, [next[j]]) : null).ToArray();
        _carryToS = new PartialTraceMap(carrySpace, sIdx);
        _sToA = new PartialTraceMap(system, a);
        _sToB = new PartialTraceMap(system, bsub);
        int maxAncilla = baths.Max(b => b.Ancilla.Dimension);
        _used = new Complex[maxAncilla * maxAncilla];
        _next = new Complex[maxAncilla * maxAncilla];

        _work = new Complex[_dWork * _dWork];
        _scratch = new Complex[_dWork * _dWork];
        _reduced = new Complex[_toSE.KeptDimension * _toSE.KeptDimension];
        _eigWork = new Complex[Math.Max(_toSE.KeptDimension, _dS) * Math.Max(_toSE.KeptDimension, _dS)];
        _values = new double[Math.Max(_toSE.KeptDimension, _dS)];
        _carry = new Complex[_dCarry * _dCarry];
        var memoryStates = _memoryBaths.Select(j => baths[j].Ancilla.State).ToArray();
        if (memoryStates.Length == 0) initialSystem.CopyTo(_carry);
        else SmallMatrixKernels.Kron(initialSystem, _dS, States.DensityMatrix.Product(memoryStates).ColumnMajor, _dCarry / _dS, _carry);
        if (!protocol.IsTimeDependent) _fixed = StepArrays.Of(protocol.Step(0, grid)); // the protocol's kept step 0, not a second build
        SystemState = new Complex[_dS * _dS];
        _carryToS.Apply(_carry, SystemState);
    }

    /// <summary>ρ_S after the last step, column-major (the stepper's own buffer).</summary>
    public Complex[] SystemState { get; }

    /// <summary>True when S_ABE must be computed from the joint state (memory: the arriving ancilla is correlated with S).</summary>
    public bool NeedsDirectJointEntropy => _memoryBaths.Length > 0;

    /// <summary>
    /// Step <paramref name="stepIndex"/> (0-based). With <paramref name="books"/>, hands each collision's production
    /// term and every collided ancilla's final state (and a memory bath's next ancilla) to it and returns the step's
    /// entropies (S_ABE by unitarity from <paramref name="entropySystemBefore"/> unless <paramref name="direct"/> or
    /// memory); the caller closes the step. Without, only propagates.
    /// </summary>
    public PostCollision? Advance(int stepIndex, Bookkeeping.StepBookkeeper? books, double entropySystemBefore, bool direct)
    {
        var step = _fixed ?? StepArrays.Of(_protocol.Step(stepIndex, _grid));
        SmallMatrixKernels.Kron(_carry, _dCarry, _fresh, _dFresh, _work);
        if (step.Before is not null) _systemOperator.Conjugate(_work, step.Before, _scratch);
        double systemEntropy = entropySystemBefore;
        for (int j = 0; j < _collisionOperators.Length; j++)
        {
            _collisionOperators[j].Conjugate(_work, step.Collisions[j], _scratch);
            if (books is not null) BookCollision(books, j, ref systemEntropy, direct);
            if (step.Memories[j] is { } m) _memoryOperators[j]!.Conjugate(_work, m, _scratch);
        }
        if (step.After is not null) _systemOperator.Conjugate(_work, step.After, _scratch);
        _toCarry.Apply(_work, _carry);
        // Exactly Hermitian and of unit trace (as the fast path's per-step renormalisation).
        double trace = SmallMatrixKernels.Trace(_carry, _dCarry).Real;
        SmallMatrixKernels.HermitianPart(_carry, _carry, _dCarry, 1 / trace);
        _carryToS.Apply(_carry, SystemState);
        if (books is null) return null;

        double sab = Entropy(SystemState, _dS);
        double lowest = Bookkeeping.StepBookkeeper.Lowest(_values.AsSpan(0, _dS));
        var (sa, sb) = MarginalEntropies(SystemState);
        double se = Reduce(_toE), sae = Reduce(_toAE), sbe = Reduce(_toBE);
        double sabe = direct || NeedsDirectJointEntropy ? Reduce(_toSE) : entropySystemBefore + books.FreshAncillaEntropy;
        for (int j = 0; j < _toEj.Length; j++)
        {
            int d = _toEj[j].KeptDimension;
            var used = _used.AsSpan(0, d * d);
            _toEj[j].Apply(_work, used);
            if (_toNj[j] is { } toNext)
            {
                var next = _next.AsSpan(0, d * d);
                toNext.Apply(_work, next);
                books.StepAncilla(j, used, next);
            }
            else
            {
                books.StepAncilla(j, used);
            }
        }
        return new PostCollision(new Bookkeeping.StepEntropies(sa, sb, sab, se, sae, sbe, sabe), lowest);
    }

    /// <summary>
    /// Hands bath <paramref name="bath"/>'s production term to the books right after its collision with the system
    /// (before its memory collision and the later baths' collisions), from the working state.
    /// <paramref name="systemEntropy"/> is S_S before the collision on entry and after it on return. A fresh ancilla is
    /// uncorrelated with S before the collision, so S(S E_j′) = S_S(before) + S(η_j) by unitarity (unless
    /// <paramref name="direct"/>); a memory bath's carried ancilla is correlated with S, so S(S E_j′) is computed.
    /// </summary>
    private void BookCollision(Bookkeeping.StepBookkeeper books, int bath, ref double systemEntropy, bool direct)
    {
        double sse = direct || _protocol.Baths[bath].HasMemory ? Reduce(_toSEj[bath]) : books.FreshJointEntropy(bath, systemEntropy);
        systemEntropy = Reduce(_toS);
        int d = _toEj[bath].KeptDimension;
        var rho = _used.AsSpan(0, d * d);
        _toEj[bath].Apply(_work, rho);
        books.Collision(bath, systemEntropy, rho, Entropy(rho, d), sse);
    }

    /// <summary>S of a d×d matrix (nats).</summary>
    public double Entropy(ReadOnlySpan<Complex> m, int d) => Measures.Entropy.OfMatrix(m, d, _values, _eigWork);

    /// <summary>S_A and S_B of a system state.</summary>
    public (double A, double B) MarginalEntropies(ReadOnlySpan<Complex> rhoS)
    {
        double sa = 0;
        if (_hasA)
        {
            var ra = _reduced.AsSpan(0, _sToA.KeptDimension * _sToA.KeptDimension);
            _sToA.Apply(rhoS, ra);
            sa = Entropy(ra, _sToA.KeptDimension);
        }
        var rb = _reduced.AsSpan(0, _sToB.KeptDimension * _sToB.KeptDimension);
        _sToB.Apply(rhoS, rb);
        return (sa, Entropy(rb, _sToB.KeptDimension));
    }

    private double Reduce(PartialTraceMap map)
    {
        int d = map.KeptDimension;
        var r = _reduced.AsSpan(0, d * d);
        map.Apply(_work, r);
        return Entropy(r, d);
    }

    /// <summary>A protocol step's matrices, column-major.</summary>
    private sealed record StepArrays(Complex[]? Before, Complex[]? After, Complex[][] Collisions, Complex[]?[] Memories)
    {
        public static StepArrays Of(ProtocolStep step) => new(
            step.SystemBefore?.ToColumnMajorArray(), step.SystemAfter?.ToColumnMajorArray(),
            step.Baths.Select(b => b.Collision.ToColumnMajorArray()).ToArray(),
            step.Baths.Select(b => b.Memory?.ToColumnMajorArray()).ToArray());
    }
}
