using System.Numerics;
using CollisionModel.Measures;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Engines;

/// <summary>
/// One memoryless, time-independent step on a system density matrix, allocation-free. With U the step unitary on
/// S ⊗ E (E = the step's fresh ancillas jointly, η = ⊗η_j; <see cref="StepUnitaries"/>), the map ρ_S ↦ tr_E U(ρ_S ⊗ η)U†
/// and the maps to every reduced state the bookkeeping needs (ρ_E′, ρ_AE′, ρ_BE′, ρ_A′, ρ_B′) are linear in ρ_S, so
/// they are precomputed once as one stacked matrix M acting on vec(ρ_S), kept sparse (the paper's collisions act on
/// B only, so M = 1_A ⊗ (B's superoperator) is mostly exact zeros): the plain propagation is a sparse
/// d_S²×d_S² product (16×16 for the paper's A, B), the bookkeeping the remaining rows plus small eigenproblems. The
/// (d_S d_E)-dimensional joint state is formed only when S_ABE is asked for directly. Construction O(d_S² (d_S d_E)³).
/// </summary>
internal sealed class CollisionKernel
{
    /// <summary>The largest d_S·d_E the precomputed map is built for (its construction is O(d_S² (d_S d_E)³)).</summary>
    public const int MaxJointDimension = 128;

    private readonly int _d, _de, _big, _rows, _cols;
    private readonly Complex[] _w, _eta;
    private readonly double _ancillaEntropy;
    // M's nonzeros column by column, split into the ρ_S rows (plain step) and the bookkeeping rows.
    private readonly SparseRowBlock _systemRows, _bookkeepingRows;
    private readonly Complex[] _out;
    private readonly int _offE, _offAE, _offBE, _offA, _offB, _dAE, _dBE, _dA, _dB;
    private readonly Complex[] _product, _scratch, _rhoSE, _work;
    private readonly double[] _values;
    private readonly bool _hasA;
    private readonly PartialTraceMap _sToA, _sToB;

    /// <summary>Builds the maps of the protocol's (memoryless, time-independent) step of length δt.</summary>
    public CollisionKernel(CollisionProtocol protocol, double timeStep)
        : this(protocol, StepUnitaries.Joint(protocol, protocol.Step(0, timeStep)))
    {
    }

    /// <summary>Builds the maps of a given step unitary U on S ⊗ E (E = the protocol's ancillas jointly).</summary>
    public CollisionKernel(CollisionProtocol protocol, Matrix<Complex> stepUnitary)
    {
        var system = protocol.SystemSpace;
        int ns = system.Count;
        _d = system.Dimension;
        _de = checked((int)StepUnitaries.AncillaDimension(protocol));
        _big = _d * _de;
        if (_big > MaxJointDimension)
            throw new ParameterOutOfRangeException(
                $"The precomputed step map holds system ⊗ ancillas of dimension ≤ {MaxJointDimension}, got {_d}·{_de} = {_big}.", "protocol");
        _cols = _d * _d;
        _w = stepUnitary.ToColumnMajorArray();
        var eta = StepUnitaries.JointAncilla(protocol);
        _eta = eta.ColumnMajor.ToArray();
        _ancillaEntropy = protocol.Baths.Sum(b => b.Ancilla.Entropy);
        var a = protocol.SubsystemsA.ToArray();
        var b = protocol.SubsystemsB.ToArray();
        _hasA = a.Length > 0;
        var se = new CompositeSpace([.. system.Dimensions, _de]);
        var toS = new PartialTraceMap(se, Enumerable.Range(0, ns).ToArray());
        var toE = new PartialTraceMap(se, [ns]);
        var toAE = new PartialTraceMap(se, a.Append(ns).ToArray());
        var toBE = new PartialTraceMap(se, b.Append(ns).ToArray());
        var sToA = _sToA = new PartialTraceMap(system, a);
        var sToB = _sToB = new PartialTraceMap(system, b);
        _dAE = toAE.KeptDimension; _dBE = toBE.KeptDimension; _dA = sToA.KeptDimension; _dB = sToB.KeptDimension;
        _offE = _cols;
        _offAE = _offE + _de * _de;
        _offBE = _offAE + _dAE * _dAE;
        _offA = _offBE + _dBE * _dBE;
        _offB = _offA + _dA * _dA;
        _rows = _offB + _dB * _dB;
        (_product, _scratch, _rhoSE, _work, _values, _out) = Scratch(_big, _rows);
        var map = new Complex[(long)_rows * _cols <= int.MaxValue ? _rows * _cols : throw new ParameterOutOfRangeException("The step map is too large.", "protocol")];
        // Column c of M is the image of the basis operator |i⟩⟨j| (c = i + j d); the maps are linear, so Hermiticity is not needed.
        var basis = new Complex[_cols];
        for (int c = 0; c < _cols; c++)
        {
            Array.Clear(basis);
            basis[c] = Complex.One;
            JointState(basis);
            var col = map.AsSpan(c * _rows, _rows);
            toS.Apply(_rhoSE, col[.._cols]);
            toE.Apply(_rhoSE, col.Slice(_offE, _de * _de));
            toAE.Apply(_rhoSE, col.Slice(_offAE, _dAE * _dAE));
            toBE.Apply(_rhoSE, col.Slice(_offBE, _dBE * _dBE));
            sToA.Apply(col[.._cols], col.Slice(_offA, _dA * _dA));
            sToB.Apply(col[.._cols], col.Slice(_offB, _dB * _dB));
        }
        _systemRows = new SparseRowBlock(map, _rows, _cols, 0, _cols);
        // Without A, Book reads only ρ_E′ of the bookkeeping rows (S_AE′ = S_E′, S_B′ = S_AB′, S_BE′ = S_ABE′): the
        // other rows are left out of the sparse product (zeros are not stored); ρ_BE′ is the largest block of M.
        if (!_hasA)
            for (int c = 0; c < _cols; c++) map.AsSpan(c * _rows + _offAE, _rows - _offAE).Clear();
        _bookkeepingRows = new SparseRowBlock(map, _rows, _cols, _cols, _rows);
    }

    // A kernel over another's maps: the maps are read-only after construction, the scratch is per kernel.
    private CollisionKernel(CollisionKernel maps)
    {
        (_d, _de, _big, _rows, _cols) = (maps._d, maps._de, maps._big, maps._rows, maps._cols);
        (_w, _eta, _ancillaEntropy, _systemRows, _bookkeepingRows) = (maps._w, maps._eta, maps._ancillaEntropy, maps._systemRows, maps._bookkeepingRows);
        (_offE, _offAE, _offBE, _offA, _offB) = (maps._offE, maps._offAE, maps._offBE, maps._offA, maps._offB);
        (_dAE, _dBE, _dA, _dB, _hasA, _sToA, _sToB) = (maps._dAE, maps._dBE, maps._dA, maps._dB, maps._hasA, maps._sToA, maps._sToB);
        (_product, _scratch, _rhoSE, _work, _values, _out) = Scratch(_big, _rows);
    }

    // A kernel's own scratch: the joint-state buffers and eigen workspace ((d_S d_E)² each), the spectrum, the stacked output.
    private static (Complex[] Product, Complex[] Scratch, Complex[] RhoSE, Complex[] Work, double[] Values, Complex[] Out) Scratch(int big, int rows)
    {
        int bb = big * big;
        return (new Complex[bb], new Complex[bb], new Complex[bb], new Complex[bb], new double[big], new Complex[rows]);
    }

    /// <summary>
    /// The kernel of <paramref name="protocol"/>'s time-independent step <paramref name="step"/> (the one
    /// <see cref="Models.CollisionProtocol.Step(int, Models.TimeGrid)"/> shares): its maps are built once per shared step and kept with it, each
    /// call returns a kernel with its own scratch over them (a kernel is used by one engine at a time). The maps are a
    /// function of the protocol and the step alone, both immutable. O(d_S² (d_S d_E)³) on the first call, O((d_S d_E)²) after.
    /// </summary>
    public static CollisionKernel Shared(CollisionProtocol protocol, ProtocolStep step)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(step);
        if (!s_byStep.TryGetValue(step, out var maps) || !ReferenceEquals(maps.Protocol, protocol))
        {
            maps = new SharedMaps(protocol, new CollisionKernel(protocol, StepUnitaries.Joint(protocol, step)));
            s_byStep.AddOrUpdate(step, maps);
        }
        return new CollisionKernel(maps.Kernel);
    }

    // Keyed by the step object, so that the maps live exactly as long as the shared step.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProtocolStep, SharedMaps> s_byStep = new();

    private sealed record SharedMaps(CollisionProtocol Protocol, CollisionKernel Kernel);

    /// <summary>The system dimension d_S.</summary>
    public int SystemDimension => _d;

    /// <summary>The joint ancilla dimension d_E.</summary>
    public int AncillaDimension => _de;

    /// <summary>S(η) = Σ_j S(η_j) in nats.</summary>
    public double AncillaEntropy => _ancillaEntropy;

    /// <summary>The step unitary U, column-major (d_S d_E)².</summary>
    public ReadOnlySpan<Complex> StepUnitary => _w;

    /// <summary>ρ_S′ after the last <see cref="Collide"/>.</summary>
    public ReadOnlySpan<Complex> SystemAfter => _out.AsSpan(0, _cols);

    /// <summary>ρ_E′ (the step's ancillas jointly, d_E²) after the last <see cref="Book"/>.</summary>
    public ReadOnlySpan<Complex> AncillaAfter => _out.AsSpan(_offE, _de * _de);

    /// <summary>ρ_S′ = tr_E U (ρ_S ⊗ η) U† (the plain propagation): the first d_S² rows of M times vec(ρ_S).</summary>
    public void Collide(ReadOnlySpan<Complex> rhoS) => _systemRows.Apply(rhoS, _out);

    /// <summary>S of a system state (d_S×d_S), allocation-free for d_S ≤ 32.</summary>
    public double SystemEntropy(ReadOnlySpan<Complex> rhoS) => Entropy.OfMatrix(rhoS, _d, _values, _work);

    /// <summary>S_A and S_B of a system state given directly (not through the map).</summary>
    public (double A, double B) MarginalEntropies(ReadOnlySpan<Complex> rhoS)
    {
        Span<Complex> buf = _scratch;
        double sa = 0;
        if (_hasA)
        {
            _sToA.Apply(rhoS, buf[..(_dA * _dA)]);
            sa = Entropy.OfMatrix(buf, _dA, _values, _work);
        }
        _sToB.Apply(rhoS, buf[..(_dB * _dB)]);
        return (sa, Entropy.OfMatrix(buf, _dB, _values, _work));
    }

    /// <summary>
    /// The entropies at the end of the step from <paramref name="rhoSBefore"/> (call after <see cref="Collide"/> on the
    /// same state), E = the step's ancillas (their joint state is <see cref="AncillaAfter"/> afterwards), and ρ_S′'s
    /// lowest eigenvalue (from the spectrum S_AB needs anyway). S_ABE′ = S_AB(before) + S(η) by unitarity unless
    /// <paramref name="direct"/> asks for the (d_S d_E)-dimensional eigenproblem. Without A (B the whole system) S_B′ =
    /// S_AB′, S_AE′ = S_E′ and S_BE′ = S_ABE′ take no eigenproblem of their own. Allocation-free.
    /// </summary>
    public PostCollision Book(ReadOnlySpan<Complex> rhoSBefore, double entropySystemBefore, bool direct)
    {
        _bookkeepingRows.Apply(rhoSBefore, _out);
        var o = _out.AsSpan();
        double sab = Entropy.OfMatrix(o[.._cols], _d, _values, _work);
        double lowest = Bookkeeping.StepBookkeeper.Lowest(_values.AsSpan(0, _d));
        double sa = _hasA ? Entropy.OfMatrix(o.Slice(_offA, _dA * _dA), _dA, _values, _work) : 0;
        // Without A, ρ_B′ is ρ_S′ (the same numbers through the identity partial trace).
        double sb = _hasA ? Entropy.OfMatrix(o.Slice(_offB, _dB * _dB), _dB, _values, _work) : sab;
        double se = Entropy.OfMatrix(o.Slice(_offE, _de * _de), _de, _values, _work);
        // Without A, ρ_AE′ is ρ_E′ (the same rows of M, so the same numbers): its spectrum is not computed twice.
        double sae = _hasA ? Entropy.OfMatrix(o.Slice(_offAE, _dAE * _dAE), _dAE, _values, _work) : se;
        double sabe;
        if (direct)
        {
            JointState(rhoSBefore);
            sabe = Entropy.OfMatrix(_rhoSE, _big, _values, _work);
        }
        else
        {
            sabe = entropySystemBefore + _ancillaEntropy;
        }
        // Without A, B is the whole system and ρ_BE′ = ρ_SE′: S_BE′ = S_ABE′, no (d_S d_E)-dimensional eigenproblem.
        double sbe = _hasA ? Entropy.OfMatrix(o.Slice(_offBE, _dBE * _dBE), _dBE, _values, _work) : sabe;
        return new PostCollision(new Bookkeeping.StepEntropies(sa, sb, sab, se, sae, sbe, sabe), lowest);
    }

    // ρ_SE′ = U (ρ_S ⊗ η) U† into _rhoSE (the reference path: construction of M and direct S_ABE).
    private void JointState(ReadOnlySpan<Complex> rhoS)
    {
        SmallMatrixKernels.Kron(rhoS, _d, _eta, _de, _product);
        SmallMatrixKernels.Conjugate(_w, _product, _rhoSE, _scratch, _big);
    }
}

/// <summary>
/// What an engine's step gives the bookkeeper at its end: the entropies (nats, E = the step's ancillas) and the lowest
/// eigenvalue of ρ_S′ (from the spectrum S_AB needs anyway), for the invariant guard.
/// </summary>
internal readonly record struct PostCollision(Bookkeeping.StepEntropies Entropies, double LowestSystemEigenvalue);
