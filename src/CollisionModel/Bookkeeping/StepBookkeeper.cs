using System.Numerics;
using CollisionModel.Engines;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Thermodynamics;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Bookkeeping;

/// <summary>
/// The one bookkeeper of a collision-model run. An engine only evolves its representation and, in each step, hands
/// over what the books need: each collision's entropies and ancilla state (<see cref="Collision"/>), the state at the
/// step's end of every ancilla that collided and, for a memory bath, of the next ancilla it handed energy to
/// (<see cref="StepAncilla"/> or, jointly, <see cref="StepAncillas"/>), and the step's entropies with ρ_S
/// (<see cref="Close"/>). From these it books, each in one place:
/// <list type="bullet">
/// <item>the Esposito–Lindenberg–Van den Broeck production Σ_j I(S′:E_j′) + D(ρ_{E_j}′‖η_j), D from
/// <see cref="AncillaDivergence"/>; its running total and the cross term Σ tr ρ_{E_k} ln η_k of D_E as compensated
/// (Neumaier) sums, so 10⁶–10⁹ steps stay at rounding;</item>
/// <item>D_E = D(ρ_E‖⊗η) = −S_E − Σ_k tr ρ_{E_k} ln η_k (+∞ once some ancilla left supp η) for the engine's
/// <see cref="EnvironmentScope"/>, and the running minimum of the SSA slack (absent once the engine stops giving the
/// whole-E entropies);</item>
/// <item>the heat per bath, Q_j = (energy of bath j's ancillas before the step) − (after), the used ancilla arriving
/// fresh or carried from the previous step's memory collision, plus the next ancilla of a memory bath (fresh before,
/// carried on after) — fed to the <see cref="ThermodynamicLedger"/> through its one step entry;</item>
/// <item>the invariant guard (<see cref="InvariantGuard"/>): trace 1, Hermiticity and positivity of ρ_S, SSA slack and
/// per-collision production of fresh ancillas ≥ −tolerance, at every step.</item>
/// </list>
/// Every call is allocation-free on spans (O(d²) per ancilla, O(d_S²) per step plus the guard's O(d_S²)), except the
/// first <see cref="StepAncillas"/>, which builds ln ⊗η once.
/// </summary>
public sealed class StepBookkeeper
{
    private readonly CollisionProtocol _protocol;
    private readonly TimeGrid _grid;
    private readonly EnvironmentScope _scope;
    private readonly bool _guard;
    private readonly int _dS, _jointDimension;
    private readonly double[] _etaEntropy, _heat, _carriedEnergy;
    private readonly double _ancillaEntropy;
    private readonly ThermodynamicLedger? _ledger;
    private readonly double[] _values;
    private readonly Complex[] _eigenWork;
    private Complex[]? _jointLog, _jointKernel;
    // Compensated: over 10⁶ steps a plain sum drifts by ~10⁻⁸ nats against ΔS − Σβ_jQ_j (docs/numerics.md).
    private CompensatedSum _production, _crossTotal;
    private readonly double[] _returnHeat;
    private readonly Complex[] _phased;
    private double _stepCross, _minSlack = double.PositiveInfinity;
    // Ancillas outside supp η: counted, not flagged, because a returning ancilla may come back inside.
    private int _stepOutside, _outsideTotal;
    private bool _wholeEnvironmentLost;

    /// <summary>
    /// Books for <paramref name="protocol"/> on <paramref name="grid"/>, E as in <paramref name="scope"/>, from ρ_S(0)
    /// (column-major d_S²). With <paramref name="keepLedger"/> and some bath's ancilla having a Hamiltonian, a
    /// <see cref="ThermodynamicLedger"/> is kept. <paramref name="guardInvariants"/> = false skips the invariant guard
    /// (for measuring its cost only).
    /// </summary>
    public StepBookkeeper(CollisionProtocol protocol, TimeGrid grid, EnvironmentScope scope, ReadOnlySpan<Complex> initialSystem,
        bool keepLedger, bool guardInvariants = true)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        _protocol = protocol;
        _grid = grid;
        _scope = scope;
        _guard = guardInvariants;
        _dS = protocol.SystemDimension;
        var baths = protocol.Baths;
        _etaEntropy = baths.Select(b => b.Ancilla.Entropy).ToArray();
        _ancillaEntropy = _etaEntropy.Sum();
        _jointDimension = (int)Math.Min(int.MaxValue, baths.Aggregate(1L, (p, b) => p * b.Ancilla.Dimension));
        _heat = new double[baths.Count];
        _returnHeat = new double[baths.Count];
        int maxAncilla = baths.Max(b => b.Ancilla.Dimension);
        _phased = new Complex[maxAncilla * maxAncilla];
        _values = new double[_dS];
        _eigenWork = new Complex[_dS * _dS];
        if (keepLedger && baths.Any(b => b.Ancilla.Hamiltonian is not null))
        {
            // δt places t_n = n·δt for a driven H_S: the ledger measures E_S with H_S(t_n) and books the drive work.
            _ledger = new ThermodynamicLedger(protocol, initialSystem, grid.TimeStep);
            // The first ancilla of a memory bath arrives fresh.
            _carriedEnergy = Enumerable.Range(0, baths.Count).Select(_ledger.FreshAncillaEnergy).ToArray();
        }
        else
        {
            _carriedEnergy = [];
        }
    }

    /// <summary>Steps closed so far (0 before the first <see cref="Close"/>).</summary>
    public int Step { get; private set; }

    /// <summary>The bookkeeping of the latest closed step (step 0 after <see cref="Initial"/>).</summary>
    public StepBookkeeping Current { get; private set; }

    /// <summary>Σ_j S(η_j) (nats): the fresh ancillas' entropy, S(S E) − S(S) of a fresh product.</summary>
    public double FreshAncillaEntropy => _ancillaEntropy;

    /// <summary>The thermodynamic ledger, or null when none is kept.</summary>
    public ThermodynamicLedger? Ledger => _ledger;

    /// <summary>The ledger's running totals with E_S measured on <paramref name="systemNow"/>; null without a ledger.</summary>
    public LedgerTotals? Thermodynamics(ReadOnlySpan<Complex> systemNow) => _ledger?.Totals(systemNow);

    /// <summary>
    /// Books step 0 from the entropies of the initial state (E = none or the fresh ancillas, as the engine says): no
    /// production, D_E = 0, no SSA minimum yet (the initial product's slack would mask the collisions' values).
    /// </summary>
    public StepBookkeeping Initial(in StepEntropies e)
    {
        Current = new StepBookkeeping(0, 0, e.A, e.B, e.AB, e.E, e.AE, e.BE, e.ABE, 0, 0, null);
        return Current;
    }

    /// <summary>
    /// Bath <paramref name="bath"/>'s production term I(S′:E_j′) + D(ρ_{E_j}′‖η_j), right after its collision with the
    /// system (before its memory collision and the step's later collisions): S(S′) = <paramref name="systemEntropy"/>,
    /// ρ_{E_j}′ = <paramref name="ancilla"/> (d_j² column-major) with S = <paramref name="ancillaEntropy"/>, S(S′E_j′) =
    /// <paramref name="jointEntropy"/>. Added to the running production; guarded ≥ −tolerance for a fresh ancilla
    /// (a memory bath's ancilla arrives correlated, and its term may be negative). Returns the term. O(d_j²).
    /// </summary>
    public double Collision(int bath, double systemEntropy, ReadOnlySpan<Complex> ancilla, double ancillaEntropy, double jointEntropy)
    {
        var eta = _protocol.Baths[bath].Ancilla;
        var (cross, outside) = AncillaDivergence.CrossTerm(ancilla, eta.Dimension, eta.LogOnSupport, eta.KernelProjector);
        double term = systemEntropy + ancillaEntropy - jointEntropy + AncillaDivergence.Value(ancillaEntropy, cross, outside);
        if (_guard && !_protocol.Baths[bath].HasMemory) InvariantGuard.Production(Step + 1, term);
        _production.Add(term);
        return term;
    }

    /// <summary>
    /// S(S E_j) of a fresh ancilla of bath <paramref name="bath"/> joining a system of entropy
    /// <paramref name="systemEntropy"/>: S(S) + S(η_j), by unitarity S(S′E_j′) after the collision.
    /// </summary>
    public double FreshJointEntropy(int bath, double systemEntropy) => systemEntropy + _etaEntropy[bath];

    /// <summary>
    /// Bath <paramref name="bath"/>'s ancilla that collided in this step, in its state at the step's end
    /// (<paramref name="used"/>, d_j² column-major) and, for a memory bath, the next ancilla it handed energy to
    /// (<paramref name="next"/>; empty otherwise): books its cross term of D_E and its heat. O(d_j²).
    /// </summary>
    public void StepAncilla(int bath, ReadOnlySpan<Complex> used, ReadOnlySpan<Complex> next = default)
    {
        var eta = _protocol.Baths[bath].Ancilla;
        var (cross, outside) = AncillaDivergence.CrossTerm(used, eta.Dimension, eta.LogOnSupport, eta.KernelProjector);
        _stepCross += cross;
        if (outside) _stepOutside++;
        if (_ledger is null) return;
        double usedEnergy = _ledger.AncillaEnergy(bath, used);
        if (next.IsEmpty)
        {
            _heat[bath] = _ledger.FreshAncillaEnergy(bath) - usedEnergy;
        }
        else
        {
            double nextEnergy = _ledger.AncillaEnergy(bath, next);
            _heat[bath] = _carriedEnergy[bath] + _ledger.FreshAncillaEnergy(bath) - usedEnergy - nextEnergy;
            _carriedEnergy[bath] = nextEnergy;
        }
    }

    /// <summary>
    /// A feedback bath's returning ancilla after its second collision: <paramref name="booked"/> is its state as booked
    /// at the end of its first step (d_j² column-major; empty for a pre-filled ancilla of the line, which joins E now),
    /// <paramref name="leaving"/> its state at the end of this step. Replaces its cross term of D_E, and adds to the
    /// bath's heat the energy it gave up in this collision, from its state as it arrives — after the loop's phase
    /// e^{iφN}, which acts on it alone (η for a pre-filled one) — to <paramref name="leaving"/>. No production term
    /// (the production sums the fresh collisions). Call after the step's collisions, before <see cref="Close"/>. O(d_j²).
    /// </summary>
    public void ReturnedAncilla(int bath, ReadOnlySpan<Complex> booked, ReadOnlySpan<Complex> leaving)
    {
        var b = _protocol.Baths[bath];
        var eta = b.Ancilla;
        var feedback = b.Feedback ?? throw new ArgumentException($"bath {bath} has no delay line.", nameof(bath));
        var (cross, outside) = AncillaDivergence.CrossTerm(leaving, eta.Dimension, eta.LogOnSupport, eta.KernelProjector);
        _stepCross += cross;
        if (outside) _stepOutside++;
        if (!booked.IsEmpty)
        {
            var (before, wasOutside) = AncillaDivergence.CrossTerm(booked, eta.Dimension, eta.LogOnSupport, eta.KernelProjector);
            _stepCross -= before;
            if (wasOutside) _stepOutside--;
        }
        if (_ledger is null) return;
        int d = eta.Dimension;
        var arriving = _phased.AsSpan(0, d * d);
        var source = booked.IsEmpty ? eta.ColumnMajor : booked;
        // e^{iφN} ρ e^{−iφN}: entry (r, c) picks up e^{iφ(r − c)}.
        for (int c = 0; c < d; c++)
            for (int r = 0; r < d; r++)
                arriving[r + c * d] = r == c ? source[r + c * d] : source[r + c * d] * Complex.FromPolarCoordinates(1, feedback.Phase * (r - c));
        _returnHeat[bath] += _ledger.AncillaEnergy(bath, arriving) - _ledger.AncillaEnergy(bath, leaving);
    }

    /// <summary>
    /// The joint state of a memoryless step's fresh ancillas E_1 ⊗ … ⊗ E_m at the step's end (bath order, first most
    /// significant), in place of one <see cref="StepAncilla"/> per bath: the cross term tr ρ_E ln ⊗η and each bath's
    /// heat from its marginal energy. O(d_E²).
    /// </summary>
    public void StepAncillas(ReadOnlySpan<Complex> joint)
    {
        if (_jointLog is null || _jointKernel is null) (_jointLog, _jointKernel) = JointLogAndKernel(_protocol);
        var (cross, outside) = AncillaDivergence.CrossTerm(joint, _jointDimension, _jointLog, _jointKernel);
        _stepCross += cross;
        if (outside) _stepOutside++;
        _ledger?.FreshAncillaHeat(joint, _heat);
    }

    /// <summary>
    /// A memoryless step's production as the joint term I(S′:E′) + D(ρ_E′‖⊗η) of its fresh ancillas at the step's end
    /// (equal to the sum of the per-collision terms: both are ΔS_S − Σ_j tr Δρ_{E_j} ln η_j), after their
    /// <see cref="StepAncilla"/>/<see cref="StepAncillas"/>: S(S′) = <paramref name="systemEntropy"/>, S(E′) =
    /// <paramref name="ancillaEntropy"/>, S(S′E′) = <paramref name="jointEntropy"/>. Added to the running production
    /// and guarded ≥ −tolerance. Returns the term. O(1).
    /// </summary>
    public double JointStep(double systemEntropy, double ancillaEntropy, double jointEntropy)
    {
        double term = systemEntropy + ancillaEntropy - jointEntropy + AncillaDivergence.Value(ancillaEntropy, _stepCross, _stepOutside > 0);
        if (_guard) InvariantGuard.Production(Step + 1, term);
        _production.Add(term);
        return term;
    }

    /// <summary>
    /// Closes the step: D_E, the running totals and the SSA minimum, the ledger's step (ρ_S =
    /// <paramref name="systemState"/> at the step's end), and the invariant guard, which throws
    /// <see cref="Validation.InvariantViolationException"/> naming the step and the invariant.
    /// <paramref name="lowestSystemEigenvalue"/> is ρ_S's smallest eigenvalue when the engine has its spectrum (NaN: the
    /// guard computes it, O(d_S³)). Returns the step's bookkeeping (also <see cref="Current"/>).
    /// </summary>
    public StepBookkeeping Close(in StepEntropies e, ReadOnlySpan<Complex> systemState, double lowestSystemEigenvalue = double.NaN)
    {
        double cross = _stepCross;
        bool outside = _stepOutside > 0;
        if (_scope == EnvironmentScope.AllSoFar)
        {
            _crossTotal.Add(_stepCross);
            _outsideTotal += _stepOutside;
            cross = _crossTotal.Value;
            outside = _outsideTotal > 0;
        }
        _stepCross = 0;
        _stepOutside = 0;
        double de = double.IsNaN(e.E) ? double.NaN : AncillaDivergence.Value(e.E, cross, outside);
        if (_ledger is not null)
        {
            for (int j = 0; j < _heat.Length; j++)
            {
                _heat[j] += _returnHeat[j];
                _returnHeat[j] = 0;
            }
            _ledger.BookStep(systemState, _heat);
        }
        int step = Step + 1;
        // StepBookkeeping.SsaSlack's expression, evaluated here so the record is built once (this is the hot path).
        double slack = e.AB + e.BE - e.ABE - e.B;
        if (double.IsNaN(slack)) _wholeEnvironmentLost = true;
        else _minSlack = Math.Min(_minSlack, slack);
        if (_guard)
        {
            if (double.IsNaN(lowestSystemEigenvalue)) lowestSystemEigenvalue = LowestEigenvalue(systemState);
            InvariantGuard.SystemState(step, systemState, _dS, lowestSystemEigenvalue);
            if (!double.IsNaN(slack)) InvariantGuard.SsaSlack(step, slack);
        }
        Step = step;
        Current = new StepBookkeeping(step, _grid.TimeAt(step), e.A, e.B, e.AB, e.E, e.AE, e.BE, e.ABE, de, _production.Value,
            _wholeEnvironmentLost ? null : _minSlack);
        return Current;
    }

    /// <summary>The smallest eigenvalue of a d_S×d_S Hermitian matrix (column-major); allocation-free for d_S ≤ 32. O(d_S³).</summary>
    public double LowestEigenvalue(ReadOnlySpan<Complex> systemState)
    {
        HermitianEigen.Eigenvalues(systemState, _dS, _values, _eigenWork);
        return Lowest(_values.AsSpan(0, _dS));
    }

    /// <summary>The smallest entry of a spectrum. O(n).</summary>
    public static double Lowest(ReadOnlySpan<double> spectrum)
    {
        double low = double.PositiveInfinity;
        foreach (double x in spectrum) low = Math.Min(low, x);
        return low;
    }

    // ln(⊗η_j) on its support = Σ_j 1 ⊗ ln η_j ⊗ 1 there, and ker(⊗η_j) = 1 − ⊗(1 − K_j): tr ρ_E ln η then splits into
    // Σ_j tr ρ_{E_j} ln η_j whenever ρ_E lies in the support (otherwise D = +∞ anyway).
    private static (Complex[] Log, Complex[] Kernel) JointLogAndKernel(CollisionProtocol protocol)
    {
        var baths = protocol.Baths;
        var space = new CompositeSpace(baths.Select(b => b.Ancilla.Dimension).ToArray());
        int de = space.Dimension;
        var log = Matrix<Complex>.Build.Dense(de, de);
        var support = Matrix<Complex>.Build.DenseIdentity(1);
        for (int j = 0; j < baths.Count; j++)
        {
            var anc = baths[j].Ancilla;
            int d = anc.Dimension;
            var lj = Matrix<Complex>.Build.DenseOfColumnMajor(d, d, anc.LogOnSupport.ToArray());
            log += Tensor.Embed(lj, space, j);
            var kj = Matrix<Complex>.Build.DenseOfColumnMajor(d, d, anc.KernelProjector.ToArray());
            support = support.KroneckerProduct(Matrix<Complex>.Build.DenseIdentity(d) - kj);
        }
        return (log.ToColumnMajorArray(), (Matrix<Complex>.Build.DenseIdentity(de) - support).ToColumnMajorArray());
    }
}
