using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Collisions;

/// <summary>
/// The streaming representation: the system density matrix plus the ancilla of the current collision, traced out
/// after the step (E = that ancilla). Memory O(d²) independent of the number of steps; each <see cref="Advance"/>
/// is allocation-free: the maps ρ_AB ↦ ρ_AB′, ρ_E′, ρ_AE′, ρ_BE′, ρ_A′, ρ_B′ of tr W(ρ_AB ⊗ η)W† are precomputed
/// once (sparse), so a step is a few small matrix–vector products plus 2×2 closed-form and 4×4 Householder+QL
/// eigenproblems; S_ABE′ = S_AB + S(η) by unitarity. At step 0, E is a fresh ancilla: ρ_AB ⊗ η.
/// </summary>
public sealed class StreamingCollisionEngine : ICollisionEngine
{
    private readonly CollisionRunOptions _options;
    private readonly CollisionKernel _kernel;
    private readonly Complex[] _rhoS;
    private readonly int _d;
    private double _entropySystem, _production, _minSlack;

    /// <summary>Validates <paramref name="options"/> and books step 0.</summary>
    public StreamingCollisionEngine(CollisionRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var protocol = options.Protocol;
        if (protocol.HasMemory || protocol.IsTimeDependent)
            throw new ParameterOutOfRangeException(
                "The streaming representation does not yet run memory baths or time-dependent collisions.", "protocol");
        _options = options;
        _d = protocol.SystemDimension;
        _kernel = new CollisionKernel(protocol, options.TimeStep);
        _rhoS = options.InitialSystem.ColumnMajor.ToArray();
        _entropySystem = _kernel.SystemEntropy(_rhoS);
        var (sa, sb) = _kernel.MarginalEntropies(_rhoS);
        double se = _kernel.AncillaEntropy;
        // Product state ρ_AB ⊗ η: every E-entropy adds S(η); all correlations with E vanish.
        Current = new StepBookkeeping(0, 0, sa, sb, _entropySystem, se, sa + se, sb + se, _entropySystem + se, 0, 0, 0);
        _minSlack = Current.SsaSlack;
        Current = Current with { MinSsaSlack = _minSlack };
    }

    /// <inheritdoc />
    public int Step { get; private set; }

    /// <inheritdoc />
    public StepBookkeeping Current { get; private set; }

    /// <summary>The current ρ_AB, column-major (no copy).</summary>
    public ReadOnlySpan<Complex> SystemColumnMajor => _rhoS;

    /// <inheritdoc />
    public void Advance()
    {
        _kernel.Collide(_rhoS);
        var p = _kernel.Book(_rhoS, _entropySystem, _options.ComputeJointEntropyDirectly);
        AcceptStep();
        _entropySystem = p.EntropyAB;
        _production += p.EntropyProduction;
        Step++;
        var b = new StepBookkeeping(Step, Step * _options.TimeStep, p.EntropyA, p.EntropyB, p.EntropyAB, p.EntropyE,
            p.EntropyAE, p.EntropyBE, p.EntropyABE, p.RelativeEntropyE, _production, 0);
        _minSlack = Math.Min(_minSlack, b.SsaSlack);
        Current = b with { MinSsaSlack = _minSlack };
    }

    /// <summary>
    /// One collision without any bookkeeping (the plain propagation ρ_S ← tr_E W(ρ_S ⊗ η)W†). Leaves
    /// <see cref="Current"/> and the running totals untouched, so do not mix it with <see cref="Advance"/> in a
    /// run whose totals matter.
    /// </summary>
    public void Propagate()
    {
        _kernel.Collide(_rhoS);
        AcceptStep();
        Step++;
    }

    /// <summary>
    /// Copies ρ_S′ into the state, made exactly Hermitian and of unit trace. The precomputed map is trace preserving
    /// only to rounding (e.g. cos²θ + sin²θ ≠ 1 in doubles), and the same map applied 10⁸ times turns a bias of one
    /// ulp per step into a trace error of ~10⁻⁸; dividing by the computed trace (1 + O(ε)) every step removes it and
    /// keeps |tr ρ − 1| at a few ulps for any run length (docs/numerics.md). O(d²), allocation-free.
    /// </summary>
    private void AcceptStep()
    {
        var after = _kernel.SystemAfter;
        int d = _d;
        double trace = 0;
        for (int i = 0; i < d; i++) trace += after[i + i * d].Real;
        SmallMatrixKernels.HermitianPart(after, _rhoS, d, 1 / trace);
    }

    /// <inheritdoc />
    public DensityMatrix SystemState() => DensityMatrix.Trusted(_options.Protocol.SystemSpace, (Complex[])_rhoS.Clone());
}
