using System.Numerics;
using System.Runtime.InteropServices;
using CollisionModel.Protocols;
using CollisionModel.Information;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;

namespace CollisionModel.Collisions;

/// <summary>
/// One collision on a system density matrix, allocation-free. The map ρ_S ↦ tr_E W (ρ_S ⊗ η) W† and the maps to every
/// reduced state the bookkeeping needs (ρ_E′, ρ_AE′, ρ_BE′, ρ_A′, ρ_B′) are linear in ρ_S, so they are precomputed
/// once (W = the step unitary, η = the ancilla) as one stacked matrix M acting on vec(ρ_S): the plain propagation is
/// a d²×d² matrix–vector product (16×16 for the paper's A, B), the bookkeeping the remaining rows plus small
/// eigenproblems (closed-form 2×2, Householder + QL for 4×4). The 2d×2d joint state is formed only when S_ABE is
/// asked for directly instead of through unitarity.
/// </summary>
internal sealed class CollisionKernel
{
    private readonly int _d, _big, _rows, _cols;
    private readonly Complex[] _w;
    private readonly AncillaState _ancilla;
    // M's nonzeros column by column, split into the ρ_S rows (plain step) and the bookkeeping rows: the paper's
    // collisions act on B only, so M = 1_A ⊗ (B's superoperator) is mostly exact zeros.
    private readonly SparseColumns _systemRows, _bookkeepingRows;
    private readonly Complex[] _out;
    private readonly int _offE, _offAE, _offBE, _offA, _offB, _dAE, _dBE, _dA, _dB;
    private readonly Complex[] _product, _scratch, _rhoSE, _work;
    private readonly double[] _values;
    private readonly bool _hasA;
    private readonly PartialTraceMap _sToA, _sToB;

    public CollisionKernel(CollisionRunOptions options)
    {
        int n = options.SystemQubits;
        _d = 1 << n;
        _big = 2 * _d;
        _cols = _d * _d;
        _w = options.StepUnitary().ToColumnMajorArray();
        _ancilla = options.Ancilla;
        var a = options.AQubits;
        var b = options.BQubits;
        _hasA = a.Length > 0;
        var se = CompositeSpace.Qubits(n + 1);
        var s = CompositeSpace.Qubits(n);
        var toS = new PartialTraceMap(se, Enumerable.Range(0, n).ToArray());
        var toE = new PartialTraceMap(se, [n]);
        var toAE = new PartialTraceMap(se, a.Append(n).ToArray());
        var toBE = new PartialTraceMap(se, b.Append(n).ToArray());
        var sToA = _sToA = new PartialTraceMap(s, a);
        var sToB = _sToB = new PartialTraceMap(s, b);
        _dAE = toAE.KeptDimension; _dBE = toBE.KeptDimension; _dA = sToA.KeptDimension; _dB = sToB.KeptDimension;
        _offE = _cols;
        _offAE = _offE + 4;
        _offBE = _offAE + _dAE * _dAE;
        _offA = _offBE + _dBE * _dBE;
        _offB = _offA + _dA * _dA;
        _rows = _offB + _dB * _dB;
        int bb = _big * _big;
        _product = new Complex[bb];
        _scratch = new Complex[bb];
        _rhoSE = new Complex[bb];
        _work = new Complex[bb];
        _values = new double[_big];
        _out = new Complex[_rows];
        var map = new Complex[_rows * _cols]; // column-major _rows × _cols
        // Column c of M is the image of the basis operator |i⟩⟨j| (c = i + j d); the maps are linear, so Hermiticity is not needed.
        var basis = new Complex[_cols];
        for (int c = 0; c < _cols; c++)
        {
            Array.Clear(basis);
            basis[c] = Complex.One;
            JointState(basis);
            var col = map.AsSpan(c * _rows, _rows);
            toS.Apply(_rhoSE, col[.._cols]);
            toE.Apply(_rhoSE, col.Slice(_offE, 4));
            toAE.Apply(_rhoSE, col.Slice(_offAE, _dAE * _dAE));
            toBE.Apply(_rhoSE, col.Slice(_offBE, _dBE * _dBE));
            sToA.Apply(col[.._cols], col.Slice(_offA, _dA * _dA));
            sToB.Apply(col[.._cols], col.Slice(_offB, _dB * _dB));
        }
        _systemRows = new SparseColumns(map, _rows, _cols, 0, _cols);
        _bookkeepingRows = new SparseColumns(map, _rows, _cols, _cols, _rows);
    }

    /// <summary>The step unitary W, column-major (2d)².</summary>
    public ReadOnlySpan<Complex> StepUnitary => _w;

    /// <summary>ρ_S′ after the last <see cref="Collide"/>.</summary>
    public ReadOnlySpan<Complex> SystemAfter => _out.AsSpan(0, _cols);

    /// <summary>ρ_S′ = tr_E W (ρ_S ⊗ η) W† (the plain propagation): the first d² rows of M times vec(ρ_S).</summary>
    public void Collide(ReadOnlySpan<Complex> rhoS) => _systemRows.Apply(rhoS, _out);

    /// <summary>S of a system state (d×d), allocation-free.</summary>
    public double SystemEntropy(ReadOnlySpan<Complex> rhoS) => Entropy.OfMatrix(rhoS, _d, _values, _work);

    /// <summary>S_A and S_B of a system state (d×d) given directly (not through the map).</summary>
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
    /// The streaming bookkeeping of the collision of <paramref name="rhoSBefore"/> (call after <see cref="Collide"/>
    /// on the same state), E = that ancilla. S_ABE′ = S_AB(before) + S(η) by unitarity unless <paramref name="direct"/>
    /// asks for the 2d×2d eigenproblem.
    /// </summary>
    public PostCollision Book(ReadOnlySpan<Complex> rhoSBefore, double entropySystemBefore, bool direct)
    {
        _bookkeepingRows.Apply(rhoSBefore, _out);
        var o = _out.AsSpan();
        double sab = Entropy.OfMatrix(o[.._cols], _d, _values, _work);
        double sa = _hasA ? Entropy.OfMatrix(o.Slice(_offA, _dA * _dA), _dA, _values, _work) : 0;
        double sb = Entropy.OfMatrix(o.Slice(_offB, _dB * _dB), _dB, _values, _work);
        var rhoE = o.Slice(_offE, 4);
        double se = Entropy.OfMatrix(rhoE, 2, _values, _work);
        double sae = Entropy.OfMatrix(o.Slice(_offAE, _dAE * _dAE), _dAE, _values, _work);
        double sbe = Entropy.OfMatrix(o.Slice(_offBE, _dBE * _dBE), _dBE, _values, _work);
        double sabe;
        if (direct)
        {
            JointState(rhoSBefore);
            sabe = Entropy.OfMatrix(_rhoSE, _big, _values, _work);
        }
        else
        {
            sabe = entropySystemBefore + _ancilla.Entropy;
        }
        var (cross, outside) = AncillaCrossTerm(rhoE);
        double d = outside ? double.PositiveInfinity : Math.Max(0, -se - cross);
        return new PostCollision(sa, sb, sab, se, sae, sbe, sabe, d, cross, outside);
    }

    /// <summary>(tr ρ_E ln η on supp η, whether ρ_E has weight above the support tolerance on ker η).</summary>
    public (double Cross, bool Outside) AncillaCrossTerm(ReadOnlySpan<Complex> rhoE)
    {
        var ln = _ancilla.LogOnSupport;
        var ker = _ancilla.KernelProjector;
        double cross = 0, outside = 0;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                cross += (rhoE[i + 2 * j] * ln[j + 2 * i]).Real;
                outside += (rhoE[i + 2 * j] * ker[j + 2 * i]).Real;
            }
        return (cross, outside > Tolerances.Support);
    }

    // ρ_SE′ = W (ρ_S ⊗ η) W† into _rhoSE (the reference path: construction of M and direct S_ABE).
    private void JointState(ReadOnlySpan<Complex> rhoS)
    {
        SmallMatrixKernels.Kron(rhoS, _d, _ancilla.ColumnMajor, 2, _product);
        SmallMatrixKernels.Conjugate(_w, _product, _rhoSE, _scratch, _big);
    }

}

/// <summary>The nonzero entries of rows [r0, r1) of a column-major matrix, column by column, for y[r0..r1) = M x.</summary>
internal sealed class SparseColumns
{
    private readonly int _r0, _r1, _cols;
    private readonly int[] _columnStart;
    private readonly int[] _row;
    private readonly double[] _re, _im;

    public SparseColumns(Complex[] m, int rows, int cols, int r0, int r1)
    {
        _r0 = r0; _r1 = r1; _cols = cols;
        _columnStart = new int[cols + 1];
        var row = new List<int>();
        var re = new List<double>();
        var im = new List<double>();
        for (int c = 0; c < cols; c++)
        {
            _columnStart[c] = row.Count;
            for (int r = r0; r < r1; r++)
            {
                var z = m[r + c * rows];
                if (z == Complex.Zero) continue;
                row.Add(r); re.Add(z.Real); im.Add(z.Imaginary);
            }
        }
        _columnStart[cols] = row.Count;
        _row = row.ToArray(); _re = re.ToArray(); _im = im.ToArray();
    }

    /// <summary>y[r0..r1) = M[r0..r1, :] x; other entries of y untouched.</summary>
    public void Apply(ReadOnlySpan<Complex> x, Span<Complex> y)
    {
        var yd = MemoryMarshal.Cast<Complex, double>(y);
        yd.Slice(2 * _r0, 2 * (_r1 - _r0)).Clear();
        var rowIdx = _row; var re = _re; var im = _im;
        for (int c = 0; c < _cols; c++)
        {
            double xr = x[c].Real, xi = x[c].Imaginary;
            if (xr == 0 && xi == 0) continue;
            int end = _columnStart[c + 1];
            for (int k = _columnStart[c]; k < end; k++)
            {
                int r = 2 * rowIdx[k];
                double mr = re[k], mi = im[k];
                yd[r] += mr * xr - mi * xi;
                yd[r + 1] += mr * xi + mi * xr;
            }
        }
    }
}

/// <summary>Entropies (nats) right after one collision, E = the colliding ancilla; plus D(η′‖η) and its parts.</summary>
internal readonly record struct PostCollision(
    double EntropyA, double EntropyB, double EntropyAB, double EntropyE, double EntropyAE, double EntropyBE,
    double EntropyABE, double RelativeEntropyE, double CrossTerm, bool OutsideSupport)
{
    /// <summary>The per-collision Esposito–Lindenberg–Van den Broeck production I(AB′:E′) + D(η′‖η).</summary>
    public double EntropyProduction => EntropyAB + EntropyE - EntropyABE + RelativeEntropyE;
}
