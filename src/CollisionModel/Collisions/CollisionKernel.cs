using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;

namespace CollisionModel.Collisions;

/// <summary>
/// One collision on a system density matrix, allocation-free: ρ_SE′ = W (ρ_S ⊗ η) W† with the precomputed step
/// unitary W (2d × 2d, d = 2^n), then the reduced states and entropies of the streaming bookkeeping. All buffers are
/// allocated once. Cost per collision O(d³) (8×8 for the paper's two qubits) plus small Jacobi eigenproblems.
/// </summary>
internal sealed class CollisionKernel
{
    private readonly int _d, _big;
    private readonly Complex[] _w;
    private readonly AncillaState _ancilla;
    private readonly PartialTraceMap _toS, _toE, _toAE, _toBE, _sToA, _sToB;
    private readonly Complex[] _product, _scratch, _rhoSE, _rhoS, _rhoE, _rhoAE, _rhoBE, _rhoA, _rhoB, _work;
    private readonly double[] _values;
    private readonly bool _hasA;

    public CollisionKernel(CollisionRunOptions options)
    {
        int n = options.SystemQubits;
        _d = 1 << n;
        _big = 2 * _d;
        _w = options.StepUnitary().ToColumnMajorArray();
        _ancilla = options.Ancilla;
        var a = options.AQubits;
        var b = options.BQubits;
        _hasA = a.Length > 0;
        var se = CompositeSpace.Qubits(n + 1);
        var s = CompositeSpace.Qubits(n);
        _toS = new PartialTraceMap(se, Enumerable.Range(0, n).ToArray());
        _toE = new PartialTraceMap(se, [n]);
        _toAE = new PartialTraceMap(se, a.Append(n).ToArray());
        _toBE = new PartialTraceMap(se, b.Append(n).ToArray());
        _sToA = new PartialTraceMap(s, a);
        _sToB = new PartialTraceMap(s, b);
        int bb = _big * _big;
        _product = new Complex[bb];
        _scratch = new Complex[bb];
        _rhoSE = new Complex[bb];
        _work = new Complex[bb];
        _rhoS = new Complex[_d * _d];
        _rhoE = new Complex[4];
        _rhoAE = new Complex[_toAE.KeptDimension * _toAE.KeptDimension];
        _rhoBE = new Complex[_toBE.KeptDimension * _toBE.KeptDimension];
        _rhoA = new Complex[_sToA.KeptDimension * _sToA.KeptDimension];
        _rhoB = new Complex[_sToB.KeptDimension * _sToB.KeptDimension];
        _values = new double[_big];
    }

    /// <summary>The step unitary W, column-major (2d)².</summary>
    public ReadOnlySpan<Complex> StepUnitary => _w;

    /// <summary>ρ_S′ after the last <see cref="Collide"/>.</summary>
    public ReadOnlySpan<Complex> SystemAfter => _rhoS;

    /// <summary>ρ_E′ (the ancilla after the last collision).</summary>
    public ReadOnlySpan<Complex> AncillaAfter => _rhoE;

    /// <summary>ρ_SE′ = W (ρ_S ⊗ η) W† and ρ_S′ = tr_E ρ_SE′; no entropies (the plain propagation).</summary>
    public void Collide(ReadOnlySpan<Complex> rhoS)
    {
        SmallMatrixKernels.Kron(rhoS, _d, _ancilla.ColumnMajor, 2, _product);
        SmallMatrixKernels.Conjugate(_w, _product, _rhoSE, _scratch, _big);
        _toS.Apply(_rhoSE, _rhoS);
    }

    /// <summary>S of a system state (d×d), allocation-free.</summary>
    public double SystemEntropy(ReadOnlySpan<Complex> rhoS) => SmallEntropy.Of(rhoS, _d, _values, _work);

    /// <summary>S_A and S_B of a system state (d×d).</summary>
    public (double A, double B) MarginalEntropies(ReadOnlySpan<Complex> rhoS)
    {
        double sa = 0;
        if (_hasA)
        {
            _sToA.Apply(rhoS, _rhoA);
            sa = SmallEntropy.Of(_rhoA, _sToA.KeptDimension, _values, _work);
        }
        _sToB.Apply(rhoS, _rhoB);
        return (sa, SmallEntropy.Of(_rhoB, _sToB.KeptDimension, _values, _work));
    }

    /// <summary>
    /// The streaming bookkeeping of the last <see cref="Collide"/>, E = that ancilla. S_ABE′ = S_AB(before) + S(η)
    /// by unitarity unless <paramref name="direct"/> asks for the 2d×2d eigenproblem.
    /// </summary>
    public PostCollision Book(double entropySystemBefore, bool direct)
    {
        double sab = SystemEntropy(_rhoS);
        var (sa, sb) = MarginalEntropies(_rhoS);
        _toE.Apply(_rhoSE, _rhoE);
        double se = SmallEntropy.Of(_rhoE, 2, _values, _work);
        _toAE.Apply(_rhoSE, _rhoAE);
        double sae = SmallEntropy.Of(_rhoAE, _toAE.KeptDimension, _values, _work);
        _toBE.Apply(_rhoSE, _rhoBE);
        double sbe = SmallEntropy.Of(_rhoBE, _toBE.KeptDimension, _values, _work);
        double sabe = direct ? SmallEntropy.Of(_rhoSE, _big, _values, _work) : entropySystemBefore + _ancilla.Entropy;
        var (cross, outside) = AncillaCrossTerm(_rhoE);
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
}

/// <summary>Entropies (nats) right after one collision, E = the colliding ancilla; plus D(η′‖η) and its parts.</summary>
internal readonly record struct PostCollision(
    double EntropyA, double EntropyB, double EntropyAB, double EntropyE, double EntropyAE, double EntropyBE,
    double EntropyABE, double RelativeEntropyE, double CrossTerm, bool OutsideSupport)
{
    /// <summary>The per-collision Esposito–Lindenberg–Van den Broeck production I(AB′:E′) + D(η′‖η).</summary>
    public double EntropyProduction => EntropyAB + EntropyE - EntropyABE + RelativeEntropyE;
}
