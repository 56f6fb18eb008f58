using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.Numerics;
using CollisionModel.Spaces;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// A collision model of any shape, and the one owner of the time step: the system (subsystems of any dimension ≥ 2,
/// product ≤ <see cref="MaxSystemDimension"/>, split into A and B), an optional system Hamiltonian H_S with its
/// splitting order, and one or more <see cref="Bath"/>s that collide in order once per step. <see cref="Step(int, double)"/> turns a
/// δt into the step's unitaries; no other code computes a collision angle from δt. Immutable and validated on
/// construction (every failure names the setting). The engines, the convergence study and the Lindblad limit all
/// read the protocol, so a model is written once.
/// </summary>
public sealed class CollisionProtocol
{
    /// <summary>The largest system dimension (product of the subsystem dimensions).</summary>
    public const int MaxSystemDimension = 64;

    private readonly Matrix<Complex>? _hamiltonian;

    /// <summary>Creates and validates a protocol.</summary>
    /// <param name="systemDimensions">Subsystem dimensions (each ≥ 2, product ≤ <see cref="MaxSystemDimension"/>), first most significant.</param>
    /// <param name="subsystemsB">The subsystems forming B (non-empty); A is the rest (may be empty).</param>
    /// <param name="baths">One or more baths, colliding in this order every step.</param>
    /// <param name="systemHamiltonian">Optional Hermitian H_S on the whole system (energy units, ħ = 1).</param>
    /// <param name="splitting">How H_S is interleaved with the collisions (default Strang).</param>
    /// <param name="systemDrive">Optional drive of H_S: step n evolves (both Strang halves) under f(t_n)·H_S; needs H_S.</param>
    public CollisionProtocol(IReadOnlyList<int> systemDimensions, IReadOnlyList<int> subsystemsB, IReadOnlyList<Bath> baths,
        Matrix<Complex>? systemHamiltonian = null, SplittingOrder splitting = SplittingOrder.Strang, Drive? systemDrive = null)
    {
        ArgumentNullException.ThrowIfNull(systemDimensions);
        ArgumentNullException.ThrowIfNull(subsystemsB);
        ArgumentNullException.ThrowIfNull(baths);
        if (systemDimensions.Count == 0) throw new DimensionMismatchException("The system needs at least one subsystem.", "dims");
        long product = 1;
        foreach (int d in systemDimensions)
        {
            if (d < 2) throw new DimensionMismatchException($"Every subsystem dimension must be ≥ 2, got {d}.", "dims");
            product *= d;
            if (product > MaxSystemDimension)
                throw new DimensionMismatchException($"The system dimension (product of [{string.Join(", ", systemDimensions)}]) exceeds {MaxSystemDimension}.", "dims");
        }
        SystemSpace = new CompositeSpace(systemDimensions.ToArray());
        if (subsystemsB.Count == 0) throw new DimensionMismatchException("B must contain at least one subsystem.", "b");
        SystemSpace.CheckSubset(subsystemsB, "b");
        SubsystemsB = subsystemsB.Order().ToArray();
        SubsystemsA = SystemSpace.Complement(SubsystemsB);
        if (baths.Count == 0) throw new DimensionMismatchException("A protocol needs at least one bath.", "baths");
        for (int j = 0; j < baths.Count; j++)
        {
            var bath = baths[j] ?? throw new ArgumentNullException(nameof(baths));
            string where = $"baths[{j}]";
            SystemSpace.CheckSubset(bath.ActsOn, $"{where}.acts_on");
            int local = bath.ActsOn.Aggregate(1, (p, k) => p * systemDimensions[k]) * bath.Ancilla.Dimension;
            if (bath.Collision.Dimension != local)
                throw new DimensionMismatchException(
                    $"{where}: the collision must act on (acts_on subsystems ⊗ ancilla) of dimension {local}, got {bath.Collision.Dimension}.", $"{where}.coupling");
            bath.Collision.CheckFactors(systemDimensions, bath.ActsOn, bath.Ancilla.Dimension, $"{where}.coupling");
            if (bath.Collision.Cascade is { } cascade && !cascade.Parts.Select(k => systemDimensions[k]).SequenceEqual(cascade.PartDimensions))
                throw new DimensionMismatchException($"{where}: the cascade was built for other subsystem dimensions than the system's.", $"{where}.cascade");
        }
        Baths = baths.ToArray();
        if (systemHamiltonian is not null)
        {
            Guard.SquareFinite(systemHamiltonian, "hamiltonian");
            Guard.Dimension(systemHamiltonian, SystemSpace.Dimension, "hamiltonian");
            Guard.Hermitian(systemHamiltonian, "hamiltonian");
            _hamiltonian = 0.5 * (systemHamiltonian + systemHamiltonian.ConjugateTranspose());
        }
        if (!Enum.IsDefined(splitting)) throw new ParameterOutOfRangeException($"Unknown splitting order {(int)splitting}.", nameof(splitting));
        Splitting = splitting;
        if (systemDrive is not null && _hamiltonian is null)
            throw new ParameterOutOfRangeException("A drive of the system scales its Hamiltonian: give a hamiltonian.", "drive");
        SystemDrive = systemDrive;
    }

    /// <summary>The system's space (subsystem dimensions, first most significant).</summary>
    public CompositeSpace SystemSpace { get; }

    /// <summary>The system dimension d_S.</summary>
    public int SystemDimension => SystemSpace.Dimension;

    /// <summary>B's subsystems, ascending.</summary>
    public IReadOnlyList<int> SubsystemsB { get; }

    /// <summary>A's subsystems (the complement of B), ascending; may be empty.</summary>
    public IReadOnlyList<int> SubsystemsA { get; }

    /// <summary>H_S (a fresh copy), or null.</summary>
    public Matrix<Complex>? SystemHamiltonian => _hamiltonian?.Clone();

    /// <summary>How H_S is interleaved with the collisions.</summary>
    public SplittingOrder Splitting { get; }

    /// <summary>The baths, in collision order.</summary>
    public IReadOnlyList<Bath> Baths { get; }

    /// <summary>True when some bath passes memory from ancilla to ancilla.</summary>
    public bool HasMemory => Baths.Any(b => b.HasMemory);

    /// <summary>True when some bath's ancillas come back through a delay line.</summary>
    public bool HasFeedback => Baths.Any(b => b.HasFeedback);

    /// <summary>
    /// Throws <see cref="ParameterOutOfRangeException"/> naming the first feedback bath's key when the protocol has a
    /// delay line: for the representations and commands that cannot carry the returning ancillas
    /// (<paramref name="what"/> says which, and why).
    /// </summary>
    public void RefuseFeedback(string what)
    {
        for (int j = 0; j < Baths.Count; j++)
            if (Baths[j].HasFeedback)
                throw new ParameterOutOfRangeException($"baths[{j}].feedback: {what}.", $"baths[{j}].feedback");
    }

    /// <summary>The drive of H_S (H_S(t) = f(t)·H_S), or null.</summary>
    public Drive? SystemDrive { get; }

    /// <summary>True when H_S or some bath's rate or angle is driven.</summary>
    public bool HasDrive => SystemDrive is not null || Baths.Any(b => b.Drive is not null);

    /// <summary>True when the steps differ: some bath's collision depends on the step, or something is driven.</summary>
    public bool IsTimeDependent => HasDrive || Baths.Any(b => !b.Collision.IsTimeIndependent);

    /// <summary>f(t_n) of the system drive at step n of length δt (1 without a system drive). O(log drive points).</summary>
    public double SystemDriveFactor(int stepIndex, double timeStep) => SystemDrive?.AtStep(stepIndex, timeStep) ?? 1;

    /// <summary>
    /// The number of steps of length δt after which every drive repeats (the least common multiple of their periods
    /// in steps); throws naming "period" when a drive has no period or its period is not a multiple of δt. 1 without
    /// drives (for a protocol whose collisions do not depend on the step otherwise).
    /// </summary>
    public int StepsPerPeriod(double timeStep)
    {
        var drives = Baths.Select(b => b.Drive).Append(SystemDrive).OfType<Drive>();
        return Drive.CommonStepsPerPeriod(drives, timeStep);
    }

    /// <summary>
    /// The unitaries of step <paramref name="stepIndex"/> (0-based; it starts at t = n·δt) of length δt &gt; 0.
    /// O(Σ_j n_j³ + d_S³).
    /// </summary>
    public ProtocolStep Step(int stepIndex, double timeStep)
    {
        if (stepIndex < 0) throw new ParameterOutOfRangeException($"The step index must be ≥ 0, got {stepIndex}.", nameof(stepIndex));
        Guard.Finite(timeStep, nameof(timeStep));
        Guard.Positive(timeStep, nameof(timeStep));
        double time = stepIndex * timeStep; // t_n exactly as TimeGrid.TimeAt gives it
        Matrix<Complex>? before = null, after = null;
        if (_hamiltonian is not null)
        {
            var split = SystemSplit.Of(Splitting);
            // e^{−i f H δt} = e^{−i H (f δt)}: the drive rescales the propagation time.
            double span = SystemDriveFactor(stepIndex, timeStep) * timeStep;
            before = MatrixFunctions.UnitaryPropagator(_hamiltonian, split.Before * span);
            // Strang's two halves are the same matrix: built once, copied.
            if (split.HasAfter) after = split.After == split.Before ? before.Clone() : MatrixFunctions.UnitaryPropagator(_hamiltonian, split.After * span);
        }
        bool timeDependent = IsTimeDependent;
        var baths = Baths.Select((b, j) =>
        {
            var (w, deviation) = CollisionOf(j, stepIndex, time, timeStep, timeDependent);
            return new BathStep(b, w, b.MemoryAngle is { } phi ? MemoryCollision.Unitary(b.Ancilla.Dimension, phi) : null,
                b.Feedback?.ReturningCollision(w, b.Ancilla.Dimension), deviation);
        }).ToArray();
        return new ProtocolStep(stepIndex, time, timeStep, before, after, baths);
    }

    /// <summary>
    /// Step n of a run on <paramref name="grid"/>: <see cref="Step(int, double)"/> at the grid's δt (so t_n =
    /// <see cref="TimeGrid.TimeAt"/>(n) bit for bit). Step 0 is built once per δt and kept by the protocol (the
    /// <see cref="KeptFirstSteps"/> latest δt), so the option checks, the run's validation and the engine of a
    /// time-independent run, which reuses step 0 at every step, share one build, as do the one-step channels of a
    /// convergence study's k and repeated short runs of one model. The kept step is shared: read its matrices, never
    /// write them. O(Σ_j n_j³ + d_S³) for a new step, O(<see cref="KeptFirstSteps"/>) for a kept one.
    /// </summary>
    public ProtocolStep Step(int stepIndex, TimeGrid grid)
    {
        double timeStep = grid.TimeStep;
        if (stepIndex != 0) return Step(stepIndex, timeStep);
        var kept = Volatile.Read(ref _firstSteps);
        foreach (var step in kept)
            if (step.TimeStep.Equals(timeStep)) return step;
        var built = Step(0, timeStep);
        // Newest first; the immutable array is replaced whole, so a concurrent reader sees the old list or the new one,
        // never a mix (two racing builds may each drop the other's entry, which costs only a rebuild).
        var next = new ProtocolStep[Math.Min(kept.Length + 1, KeptFirstSteps)];
        next[0] = built;
        Array.Copy(kept, 0, next, 1, next.Length - 1);
        Volatile.Write(ref _firstSteps, next);
        return built;
    }

    /// <summary>How many step lengths' step 0 the protocol keeps (<see cref="Step(int, TimeGrid)"/>): a convergence study's k, a few repeated runs.</summary>
    public const int KeptFirstSteps = 16;

    private ProtocolStep[] _firstSteps = [];

    /// <summary>
    /// Bath j's W for the step, and for a time-independent protocol its W − 1; a collision the bath cannot build (an
    /// unresolvable phase, a non-unitary W) names the bath and its key.
    /// </summary>
    private (Matrix<Complex> Unitary, Matrix<Complex>? Deviation) CollisionOf(int j, int stepIndex, double time, double timeStep, bool timeDependent)
    {
        try
        {
            var bath = Baths[j];
            if (bath.Drive is { } drive) return (bath.Collision.ScaledUnitaryFor(timeStep, drive.AtStep(stepIndex, timeStep)), null);
            return timeDependent
                ? (bath.Collision.UnitaryFor(stepIndex, time, timeStep), null)
                : bath.Collision.UnitaryAndDeviationFor(stepIndex, time, timeStep);
        }
        catch (QuantumInputException e) when (e is not ModelFileException)
        {
            string where = Baths[j].Name is { } name ? $"baths[{j}] (\"{name}\")" : $"baths[{j}]";
            string key = string.IsNullOrEmpty(e.ParamName) ? where : $"{where}.{e.ParamName}";
            throw new ParameterOutOfRangeException($"{key}: {ModelFileElement.WithoutParameterSuffix(e)}", key);
        }
    }

    /// <summary>
    /// Why the protocol has no Lindblad limit (a drive, a bath with a fixed angle, a unitary, a time-dependent collision, a
    /// memory collision, or a coupling with nonzero mean tr_E V(1⊗η), whose first-order term diverges as δt → 0),
    /// or null when it has one.
    /// </summary>
    public string? WhyNoLindbladLimit() => LindbladLimit.WhyNone(this);

    /// <summary>The Lindblad limit L = −i[H_S,·] + Σ_j rate_j tr_E(V(ρ⊗η)V − ½{V², ρ⊗η}) (see <see cref="LindbladLimit"/>).</summary>
    public Lindbladian LindbladLimitGenerator() => LindbladLimit.Of(this);
}
