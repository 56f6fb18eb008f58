using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.Operators;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// A bath's collision: the unitary W on (the subsystems it acts on, in the listed order, then the ancilla, least
/// significant). Given as a Hermitian coupling V with a rate (W = exp(−i√(rate·δt)V), or any angle law θ(δt) with
/// θ²/δt → rate), a coupling with a fixed angle, a fixed unitary, a function of the step, or a cascade of such
/// collisions met by the same ancilla in order (<see cref="CascadeCollision"/>). Immutable. This is the
/// only place a collision angle is computed from δt (<see cref="AngleFor"/>), the paper's two angle laws included
/// (<see cref="WithDephasingRate"/>, <see cref="WithDecayRate"/>). Built from a
/// <see cref="SubsystemOperator"/> (or a <see cref="CompositeSpace"/> for a time-dependent W) it knows its factors
/// (<see cref="Space"/>), and the bath and the protocol refuse it where they do not match; built from a bare matrix
/// only its total dimension is known and checked.
/// </summary>
public sealed class BathCollision
{
    /// <summary>
    /// The largest collision phase θ·‖V‖ (θ the angle, ‖V‖ the spectral norm of the coupling) a collision may have.
    /// Beyond it the phases θ·v of exp(−iθV) are not resolvable in double precision (an absolute error of
    /// ~θ·‖V‖·1e-16 rad): W would still come out unitary, but with meaningless phases, so it is refused.
    /// </summary>
    public const double MaxPhase = 1e6;

    private readonly Matrix<Complex>? _coupling;
    private readonly double _couplingNorm;
    private readonly Matrix<Complex>? _unitary;
    private readonly AngleLaw _law;
    private readonly double _lawRate;
    private readonly AngleConvention _lawConvention;
    private readonly Func<double, double>? _customLaw;
    private readonly Func<int, double, double, Matrix<Complex>>? _unitaryAt;

    // θ(δt) of a rate collision: √(rate·δt), one of the paper's two laws, or a caller's function.
    private enum AngleLaw
    {
        SquareRoot,
        Dephasing,
        Decay,
        Custom,
    }

    private BathCollision(BathCollisionKind kind, int dimension, Matrix<Complex>? coupling, double? rate, double? angle,
        Matrix<Complex>? unitary, Func<int, double, double, Matrix<Complex>>? unitaryAt, string description,
        CascadeCollision? cascade = null, CompositeSpace? space = null, string? operatorName = null,
        AngleLaw law = AngleLaw.SquareRoot, double lawRate = 0, AngleConvention lawConvention = AngleConvention.Exact,
        Func<double, double>? customLaw = null)
    {
        Cascade = cascade;
        Space = space;
        OperatorName = operatorName;
        Kind = kind;
        Dimension = dimension;
        _coupling = coupling;
        _couplingNorm = coupling is null ? 0 : HermitianEigen.Decompose(coupling).Values.Max(Math.Abs);
        Rate = rate;
        FixedAngle = angle;
        _unitary = unitary;
        _law = law;
        _lawRate = lawRate;
        _lawConvention = lawConvention;
        _customLaw = customLaw;
        _unitaryAt = unitaryAt;
        Description = description;
    }

    /// <summary>How W arises.</summary>
    public BathCollisionKind Kind { get; }

    /// <summary>The dimension of W (product of the touched subsystems' dimensions times the ancilla's).</summary>
    public int Dimension { get; }

    /// <summary>The Hermitian coupling V (a fresh copy); null for <see cref="BathCollisionKind.Unitary"/> and <see cref="BathCollisionKind.TimeDependent"/>.</summary>
    public Matrix<Complex>? Coupling => _coupling?.Clone();

    /// <summary>The rate of the Lindblad limit (inverse time units) for <see cref="BathCollisionKind.Rate"/>; null otherwise.</summary>
    public double? Rate { get; }

    /// <summary>The fixed angle for <see cref="BathCollisionKind.Angle"/>; null otherwise.</summary>
    public double? FixedAngle { get; }

    /// <summary>A short human-readable description.</summary>
    public string Description { get; }

    /// <summary>
    /// The factors W acts on: the touched subsystems' dimensions in the bath's acts_on order, then the ancilla's (last).
    /// Null for a collision built from a bare matrix, whose factors are known only through their product.
    /// </summary>
    public CompositeSpace? Space { get; }

    /// <summary>The <see cref="SubsystemOperator.Name"/> the collision was built from (e.g. "coupling"); null for a bare matrix.</summary>
    public string? OperatorName { get; }

    /// <summary>The cascade's entries and their geometry for <see cref="BathCollisionKind.Cascade"/>; null otherwise.</summary>
    public CascadeCollision? Cascade { get; }

    /// <summary>True unless W depends on the step (<see cref="BathCollisionKind.TimeDependent"/>, or a cascade with such an entry).</summary>
    public bool IsTimeIndependent => Kind != BathCollisionKind.TimeDependent && Cascade?.IsTimeIndependent != false;

    /// <summary>W = exp(−i√(rate·δt)V): the Lindblad limit has a rate × D[V]-type term. rate ≥ 0, finite. O(n³) once.</summary>
    public static BathCollision WithRate(Matrix<Complex> coupling, double rate) =>
        RateCollision(CheckCoupling(coupling, nameof(coupling)), rate, AngleLaw.SquareRoot, rate, AngleConvention.Exact, null,
            $"exp(−i√(rate·δt)V), rate = {rate:G6}", null, null);

    /// <summary>
    /// W = exp(−iθ(δt)V) for a caller's angle law whose small-step limit is θ(δt)²/δt → <paramref name="rate"/>. The
    /// law must be finite for every δt &gt; 0 it is asked about. (The paper's two laws are <see cref="WithDephasingRate"/>
    /// and <see cref="WithDecayRate"/>.)
    /// </summary>
    public static BathCollision WithRate(Matrix<Complex> coupling, double rate, Func<double, double> angleOfTimeStep, string description)
    {
        ArgumentNullException.ThrowIfNull(angleOfTimeStep);
        return RateCollision(CheckCoupling(coupling, nameof(coupling)), rate, AngleLaw.Custom, rate, AngleConvention.Exact, angleOfTimeStep,
            description, null, null);
    }

    /// <summary>W = exp(−i·angle·V), independent of δt (angle finite, |angle|·‖V‖ ≤ <see cref="MaxPhase"/>).</summary>
    public static BathCollision WithAngle(Matrix<Complex> coupling, double angle)
    {
        Guard.Finite(angle, nameof(angle));
        var v = CheckCoupling(coupling, nameof(coupling));
        var collision = new BathCollision(BathCollisionKind.Angle, v.RowCount, v, null, angle, null, null, $"exp(−i·angle·V), angle = {angle:G6}");
        collision.CheckPhase(angle, "|angle|", "angle");
        return collision;
    }

    /// <summary>W itself, independent of δt; validated unitary to <paramref name="tolerance"/>.</summary>
    public static BathCollision WithUnitary(Matrix<Complex> unitary, double tolerance = Tolerances.Unitarity)
    {
        ArgumentNullException.ThrowIfNull(unitary);
        Guard.SquareFinite(unitary, nameof(unitary));
        Guard.Unitary(unitary, nameof(unitary), tolerance);
        return new BathCollision(BathCollisionKind.Unitary, unitary.RowCount, null, null, null, unitary.Clone(), null, "user unitary");
    }

    /// <summary>
    /// W of step n as a function (n = 0-based step index, t = n·δt at the step's start, δt) returning a
    /// <paramref name="dimension"/>-dimensional unitary; each returned matrix is validated when the step is built.
    /// </summary>
    public static BathCollision TimeDependent(int dimension, Func<int, double, double, Matrix<Complex>> unitaryAt)
    {
        ArgumentNullException.ThrowIfNull(unitaryAt);
        if (dimension < 4) throw new DimensionMismatchException($"A collision unitary acts on a subsystem and an ancilla: dimension ≥ 4, got {dimension}.", nameof(dimension));
        return new BathCollision(BathCollisionKind.TimeDependent, dimension, null, null, null, null, unitaryAt, "time-dependent unitary");
    }

    /// <summary>
    /// W = exp(−i√(rate·δt)V) for a coupling that carries its factors (the touched subsystems, then the ancilla);
    /// refused, naming the coupling, unless it has a system factor and the ancilla. O(n³) once.
    /// </summary>
    public static BathCollision WithRate(SubsystemOperator coupling, double rate) =>
        WithLaw(coupling, rate, AngleLaw.SquareRoot, rate, AngleConvention.Exact, null, $"exp(−i√(rate·δt)V), rate = {rate:G6}");

    /// <summary>W = exp(−iθ(δt)V) for a caller's angle law (as the bare-matrix overload) and a coupling that carries its factors.</summary>
    public static BathCollision WithRate(SubsystemOperator coupling, double rate, Func<double, double> angleOfTimeStep, string description)
    {
        ArgumentNullException.ThrowIfNull(angleOfTimeStep);
        return WithLaw(coupling, rate, AngleLaw.Custom, rate, AngleConvention.Exact, angleOfTimeStep, description);
    }

    /// <summary>
    /// The paper's dephasing collision law for a coherence decay rate η ≥ 0 (finite): <see cref="AngleConvention.Paper"/>
    /// 1 − cos θ = η δt, <see cref="AngleConvention.Exact"/> 1 − cos θ = 1 − e^{−η δt}; the Lindblad rate is 2η
    /// (θ²/δt → 2η). Computed from 1 − cos θ = 2 sin²(θ/2), never forming 1 − η δt, so η δt = 1e-12 keeps full
    /// relative precision. The paper's law needs η δt ≤ 2 (an overlap ≥ −1): a longer step is refused, naming the
    /// time step, when the angle is asked for. O(n³) once.
    /// </summary>
    public static BathCollision WithDephasingRate(SubsystemOperator coupling, double eta, AngleConvention convention, string description)
    {
        Guard.Finite(eta, "eta");
        Guard.NonNegative(eta, "eta");
        return WithLaw(coupling, 2 * eta, AngleLaw.Dephasing, eta, CheckedConvention(convention), null, description);
    }

    /// <summary>
    /// The paper's decay (partial-swap) collision law for a total rate Γ = γ + κ ≥ 0 (finite), the Lindblad rate:
    /// <see cref="AngleConvention.Paper"/> θ = √(Γ δt), <see cref="AngleConvention.Exact"/> sin²θ = 1 − e^{−Γ δt}
    /// (from e^{−Γ δt} − 1 without cancellation). O(n³) once.
    /// </summary>
    public static BathCollision WithDecayRate(SubsystemOperator coupling, double totalRate, AngleConvention convention, string description) =>
        WithLaw(coupling, totalRate, AngleLaw.Decay, totalRate, CheckedConvention(convention), null, description);

    private static BathCollision WithLaw(SubsystemOperator coupling, double rate, AngleLaw law, double lawRate, AngleConvention convention,
        Func<double, double>? customLaw, string description)
    {
        var space = CollisionFactors(coupling);
        return RateCollision(CheckCoupling(coupling.Matrix, coupling.Name), rate, law, lawRate, convention, customLaw, description, space, coupling.Name);
    }

    private static BathCollision RateCollision(Matrix<Complex> v, double rate, AngleLaw law, double lawRate, AngleConvention convention,
        Func<double, double>? customLaw, string description, CompositeSpace? space, string? operatorName)
    {
        ArgumentNullException.ThrowIfNull(description);
        Guard.Finite(rate, nameof(rate));
        Guard.NonNegative(rate, nameof(rate));
        return new BathCollision(BathCollisionKind.Rate, v.RowCount, v, rate, null, null, null, description, null, space, operatorName,
            law, lawRate, convention, customLaw);
    }

    private static AngleConvention CheckedConvention(AngleConvention convention) =>
        Enum.IsDefined(convention) ? convention : throw new ParameterOutOfRangeException($"Unknown angle convention {(int)convention}.", "angle");

    /// <summary>W = exp(−i·angle·V), independent of δt, for a coupling that carries its factors.</summary>
    public static BathCollision WithAngle(SubsystemOperator coupling, double angle)
    {
        var space = CollisionFactors(coupling);
        Guard.Finite(angle, nameof(angle));
        var v = CheckCoupling(coupling.Matrix, coupling.Name);
        var collision = new BathCollision(BathCollisionKind.Angle, v.RowCount, v, null, angle, null, null, $"exp(−i·angle·V), angle = {angle:G6}",
            null, space, coupling.Name);
        collision.CheckPhase(angle, "|angle|", "angle");
        return collision;
    }

    /// <summary>W itself, independent of δt, carrying its factors; validated unitary to <paramref name="tolerance"/>.</summary>
    public static BathCollision WithUnitary(SubsystemOperator unitary, double tolerance = Tolerances.Unitarity)
    {
        var space = CollisionFactors(unitary);
        var u = unitary.Matrix;
        Guard.SquareFinite(u, unitary.Name);
        Guard.Unitary(u, unitary.Name, tolerance);
        return new BathCollision(BathCollisionKind.Unitary, u.RowCount, null, null, null, u, null, "user unitary", null, space, unitary.Name);
    }

    /// <summary>
    /// W of step n as a function (as the dimension overload) on the given factors (the touched subsystems, then the
    /// ancilla); each returned matrix is validated against their product when the step is built.
    /// </summary>
    public static BathCollision TimeDependent(CompositeSpace space, Func<int, double, double, Matrix<Complex>> unitaryAt)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(unitaryAt);
        RequireSystemAndAncilla(space, "time-dependent collision");
        return new BathCollision(BathCollisionKind.TimeDependent, space.Dimension, null, null, null, null, unitaryAt, "time-dependent unitary",
            null, space, "time-dependent collision");
    }

    /// <summary>
    /// W = W_n⋯W_1: the ancilla meets each entry's subsystems in turn (<see cref="CascadeCollision"/>, which validates
    /// the entries against the system's <paramref name="systemDimensions"/> and the ancilla's dimension). The bath
    /// carrying it acts on <see cref="CascadeCollision.Parts"/>. O(n·D³) per step.
    /// </summary>
    public static BathCollision Cascaded(IReadOnlyList<CascadeEntry> entries, IReadOnlyList<int> systemDimensions, int ancillaDimension)
    {
        var cascade = new CascadeCollision(entries, systemDimensions, ancillaDimension);
        return new BathCollision(BathCollisionKind.Cascade, cascade.Dimension, null, null, null, null, null,
            $"cascade of {cascade.Entries.Count} collision(s): {string.Join(", then ", cascade.Entries.Select(e => e.Collision.Description))}", cascade,
            new CompositeSpace([.. cascade.PartDimensions, ancillaDimension]), "cascade");
    }

    /// <summary>
    /// Refuses the collision, naming it and <paramref name="key"/>, when its factors are known (<see cref="Space"/>)
    /// and differ from the dimensions of <paramref name="actsOn"/> in <paramref name="systemDimensions"/> followed by
    /// the ancilla's: a coupling for a qutrit ⊗ qubit put on a qubit ⊗ qutrit has the right size and the wrong shape.
    /// O(number of factors).
    /// </summary>
    internal void CheckFactors(IReadOnlyList<int> systemDimensions, IReadOnlyList<int> actsOn, int ancillaDimension, string key)
    {
        if (Space is null) return;
        int[] expected = [.. actsOn.Select(k => systemDimensions[k]), ancillaDimension];
        if (Space.Dimensions.SequenceEqual(expected)) return;
        throw new DimensionMismatchException(
            $"{key}: {OperatorName} acts on {Space}, but acts_on [{string.Join(", ", actsOn)}] ⊗ the ancilla is {string.Join("⊗", expected)}.", key);
    }

    /// <summary>The collision angle θ at step δt for coupling kinds (null for unitaries). The one place δt becomes an angle. O(1).</summary>
    public double? AngleFor(double timeStep)
    {
        Guard.Positive(timeStep, nameof(timeStep));
        switch (Kind)
        {
            case BathCollisionKind.Rate:
                double theta = _law switch
                {
                    AngleLaw.Dephasing => DephasingAngle(_lawRate, timeStep, _lawConvention),
                    AngleLaw.Decay => DecayAngle(_lawRate, timeStep, _lawConvention),
                    AngleLaw.Custom => _customLaw!(timeStep),
                    _ => Math.Sqrt(_lawRate * timeStep),
                };
                if (!double.IsFinite(theta))
                    throw new ParameterOutOfRangeException($"The collision angle at δt = {timeStep:G6} is not finite ({Description}); use more steps.", "rate");
                CheckPhase(theta, $"θ(δt = {timeStep:G6})", "rate");
                return theta;
            case BathCollisionKind.Angle:
                return FixedAngle;
            default:
                return null;
        }
    }

    // The paper's dephasing law: 1 − cos θ = η δt (paper) or 1 − e^{−η δt} (exact), through 1 − cos θ = 2 sin²(θ/2).
    private static double DephasingAngle(double eta, double timeStep, AngleConvention convention)
    {
        double oneMinusCos = convention == AngleConvention.Paper ? eta * timeStep : -ScalarExpm1.Compute(-eta * timeStep);
        if (oneMinusCos > 2)
            throw new ParameterOutOfRangeException(
                $"η δt = {eta * timeStep:G6} > 2: the paper's overlap 1 − η δt leaves [−1, 1]; use more steps.", nameof(timeStep));
        return 2 * Math.Asin(Math.Sqrt(oneMinusCos / 2));
    }

    // The paper's decay law: θ = √(Γ δt) (paper) or sin²θ = 1 − e^{−Γ δt} (exact).
    private static double DecayAngle(double totalRate, double timeStep, AngleConvention convention)
    {
        double g = totalRate * timeStep;
        return convention == AngleConvention.Exact ? Math.Asin(Math.Sqrt(-ScalarExpm1.Compute(-g))) : Math.Sqrt(g);
    }

    /// <summary>W for step <paramref name="stepIndex"/> (0-based) starting at <paramref name="time"/> with length δt. O(n³) for coupling kinds.</summary>
    public Matrix<Complex> UnitaryFor(int stepIndex, double time, double timeStep)
    {
        switch (Kind)
        {
            case BathCollisionKind.Unitary:
                return _unitary!.Clone();
            case BathCollisionKind.TimeDependent:
                var w = _unitaryAt!(stepIndex, time, timeStep) ?? throw new InvalidOperationException("The time-dependent collision returned null.");
                Guard.SquareFinite(w, "time-dependent collision");
                Guard.Dimension(w, Dimension, "time-dependent collision");
                Guard.Unitary(w, $"time-dependent collision at step {stepIndex}");
                return w;
            case BathCollisionKind.Cascade:
                return Cascade!.UnitaryFor(stepIndex, time, timeStep);
            default:
                return UnitaryOfAngle(AngleFor(timeStep)!.Value);
        }
    }

    /// <summary>
    /// W and W − 1 of a step of a time-independent protocol, each built once: for coupling kinds W − 1 is the series W
    /// is formed from (so <see cref="DeviationFor"/> would give the same bits), for a cascade its composed deviation;
    /// null for unitary kinds. O(n³).
    /// </summary>
    internal (Matrix<Complex> Unitary, Matrix<Complex>? Deviation) UnitaryAndDeviationFor(int stepIndex, double time, double timeStep)
    {
        switch (Kind)
        {
            case BathCollisionKind.Rate:
            case BathCollisionKind.Angle:
                var deviation = MatrixExpm1.OfUnitary(_coupling!, AngleFor(timeStep)!.Value);
                return (PlusIdentity(deviation.Clone()), deviation);
            case BathCollisionKind.Cascade:
                return (Cascade!.UnitaryFor(stepIndex, time, timeStep), Cascade.DeviationFor(timeStep));
            default:
                return (UnitaryFor(stepIndex, time, timeStep), null);
        }
    }

    private Matrix<Complex> UnitaryOfAngle(double angle) => PlusIdentity(MatrixExpm1.OfUnitary(_coupling!, angle));

    // 1 + (W − 1) from the scaled series rather than an eigendecomposition: the series keeps every entry the
    // coupling's structure makes zero EXACTLY zero (an eigenbasis of a degenerate V smears 1e-17 over them), which the
    // engines' sparse maps and the explicit engine's diagonal fast path rely on. Adds 1 in place.
    private Matrix<Complex> PlusIdentity(Matrix<Complex> u)
    {
        for (int i = 0; i < u.RowCount; i++) u[i, i] += 1;
        // The series is unitary in exact arithmetic; checking it here is what lets the engines assume it.
        CheckUnitary(u);
        return u;
    }

    /// <summary>
    /// W of a driven step: the rate scaled by <paramref name="factor"/> f ≥ 0 (the angle √f·θ(δt), i.e. √(f·rate·δt)
    /// for the square-root law) or the fixed angle scaled to f·angle. Coupling kinds only. O(n³).
    /// </summary>
    public Matrix<Complex> ScaledUnitaryFor(double timeStep, double factor)
    {
        Guard.Finite(factor, nameof(factor));
        Guard.NonNegative(factor, nameof(factor));
        double angle = Kind switch
        {
            BathCollisionKind.Rate => Math.Sqrt(factor) * AngleFor(timeStep)!.Value,
            BathCollisionKind.Angle => factor * FixedAngle!.Value,
            _ => throw new ParameterOutOfRangeException($"Only a rate or an angle can be driven, not a {Description}.", nameof(factor)),
        };
        // The scaled angle may exceed the resolvable phase even where the undriven one does not.
        CheckPhase(angle, $"the driven angle (factor {factor:G6})", Kind == BathCollisionKind.Rate ? "rate" : "angle");
        return UnitaryOfAngle(angle);
    }

    /// <summary>
    /// W − 1 formed without cancellation (exp(−iθV) − 1 by a scaled series), as a time-independent protocol's step
    /// carries it (<see cref="BathStep.Deviation"/>) for the channel powers at k up to 10¹²; null for unitary kinds (and
    /// a cascade with a unitary entry). O(n³).
    /// </summary>
    public Matrix<Complex>? DeviationFor(double timeStep) =>
        Cascade is not null ? Cascade.DeviationFor(timeStep)
        : _coupling is null ? null : MatrixExpm1.OfUnitary(_coupling, AngleFor(timeStep)!.Value);

    private void CheckUnitary(Matrix<Complex> w)
    {
        try
        {
            Guard.Unitary(w, $"the collision W = {Description}");
        }
        catch (NotUnitaryException e)
        {
            throw new NotUnitaryException(ModelFileElement.WithoutParameterSuffix(e), Kind == BathCollisionKind.Rate ? "rate" : "angle");
        }
    }

    private void CheckPhase(double angle, string what, string key)
    {
        double phase = Math.Abs(angle) * _couplingNorm;
        if (phase > MaxPhase)
            throw new ParameterOutOfRangeException(
                $"the collision phase {what} × ‖V‖ = {phase:G3} exceeds {MaxPhase:G1}: exp(−iθV) has no resolvable phase in double precision.", key);
    }

    // A collision acts on at least one system subsystem and the ancilla: two factors or more, each ≥ 2.
    private static CompositeSpace CollisionFactors(SubsystemOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        RequireSystemAndAncilla(op.Space, op.Name);
        return op.Space;
    }

    private static void RequireSystemAndAncilla(CompositeSpace space, string name)
    {
        if (space.Count < 2 || space.Dimensions.Any(d => d < 2))
            throw new DimensionMismatchException(
                $"{name} acts on {space}: a collision acts on the touched subsystems and then the ancilla, two or more factors of dimension ≥ 2.", name);
    }

    private static Matrix<Complex> CheckCoupling(Matrix<Complex> coupling, string name)
    {
        ArgumentNullException.ThrowIfNull(coupling, name);
        Guard.SquareFinite(coupling, name);
        Guard.Hermitian(coupling, name);
        if (coupling.RowCount < 4) throw new DimensionMismatchException($"{name} acts on a subsystem and an ancilla: dimension ≥ 4, got {coupling.RowCount}.", name);
        return 0.5 * (coupling + coupling.ConjugateTranspose());
    }
}
