using System.Numerics;
using CollisionModel.Information;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;

namespace CollisionModel.Collisions;

/// <summary>
/// The initial state η of every ancilla qubit: pure |0⟩, maximally mixed, thermal diag(p0, p1), or any 2×2 density
/// matrix. Immutable. Precomputes what the engines need: S(η) (nats), ln η on its support and the projector on its
/// kernel (for D(η′‖η), +∞ when η′ leaves supp η), and the purification √λ_r |v_r⟩_E |r⟩_R.
/// </summary>
public sealed class AncillaState
{
    private readonly Complex[] _eta;
    private readonly Complex[] _logOnSupport;
    private readonly Complex[] _kernelProjector;
    private readonly Complex[][] _purification;

    private AncillaState(DensityMatrix state)
    {
        State = state;
        _eta = state.ColumnMajor.ToArray();
        var dec = HermitianEigen.Decompose(state.ToMatrix());
        _logOnSupport = new Complex[4];
        _kernelProjector = new Complex[4];
        var parts = new List<Complex[]>();
        for (int r = 1; r >= 0; r--) // largest eigenvalue first
        {
            double lam = dec.Values[r];
            var v0 = dec.Vectors[0, r];
            var v1 = dec.Vectors[1, r];
            Complex[] proj = [v0 * Complex.Conjugate(v0), v1 * Complex.Conjugate(v0), v0 * Complex.Conjugate(v1), v1 * Complex.Conjugate(v1)];
            if (lam > Tolerances.ZeroEigenvalue)
            {
                double ln = Math.Log(lam);
                for (int i = 0; i < 4; i++) _logOnSupport[i] += ln * proj[i];
                double s = Math.Sqrt(lam);
                parts.Add([s * v0, s * v1]);
            }
            else
            {
                for (int i = 0; i < 4; i++) _kernelProjector[i] += proj[i];
            }
        }
        _purification = parts.ToArray();
        Entropy = Information.Entropy.FromEigenvalues(dec.Values);
    }

    /// <summary>η as a validated density matrix.</summary>
    public DensityMatrix State { get; }

    /// <summary>S(η) in nats.</summary>
    public double Entropy { get; }

    /// <summary>True when η is pure (rank 1): the explicit representation then needs no reference qubit.</summary>
    public bool IsPure => _purification.Length == 1;

    /// <summary>|0⟩⟨0|.</summary>
    public static AncillaState Ground { get; } = new(DensityMatrix.Diagonal([1.0, 0.0]));

    /// <summary>1/2 (the infinite-temperature ancilla).</summary>
    public static AncillaState MaximallyMixed { get; } = new(DensityMatrix.Diagonal([0.5, 0.5]));

    /// <summary>diag(p0, p1), p0 + p1 = 1, both ≥ 0 (a thermal qubit in the σz basis).</summary>
    public static AncillaState Thermal(double p0, double p1)
    {
        Guard.InRange(p0, 0, 1, nameof(p0));
        Guard.InRange(p1, 0, 1, nameof(p1));
        return new AncillaState(DensityMatrix.Diagonal([p0, p1]));
    }

    /// <summary>The pure ancilla |φ⟩ (normalised, two amplitudes).</summary>
    public static AncillaState Pure(Ket phi)
    {
        ArgumentNullException.ThrowIfNull(phi);
        if (phi.Space.Dimension != 2) throw new DimensionMismatchException($"An ancilla is a qubit; the ket has dimension {phi.Space.Dimension}.", nameof(phi));
        return new AncillaState(DensityMatrix.FromKet(phi));
    }

    /// <summary>Any validated single-qubit density matrix.</summary>
    public static AncillaState From(DensityMatrix eta)
    {
        ArgumentNullException.ThrowIfNull(eta);
        if (eta.Dimension != 2) throw new DimensionMismatchException($"An ancilla is a qubit; the state has dimension {eta.Dimension}.", nameof(eta));
        return new AncillaState(eta);
    }

    /// <summary>η column-major (4 entries).</summary>
    internal ReadOnlySpan<Complex> ColumnMajor => _eta;

    /// <summary>ln η restricted to supp η, column-major.</summary>
    internal ReadOnlySpan<Complex> LogOnSupport => _logOnSupport;

    /// <summary>Projector on ker η (zero when η is full rank), column-major.</summary>
    internal ReadOnlySpan<Complex> KernelProjector => _kernelProjector;

    /// <summary>Purification components φ_r = √λ_r |v_r⟩ (one per nonzero eigenvalue, largest first): |Φ⟩ = Σ_r φ_r ⊗ |r⟩_R.</summary>
    internal IReadOnlyList<Complex[]> PurificationComponents => _purification;
}
