using System.Numerics;
using CollisionModel.Numerics;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Models;

/// <summary>
/// The initial state η of every fresh ancilla of a bath: a qudit of dimension 2 … <see cref="MaxDimension"/>, pure,
/// mixed, or thermal e^{−βH_E}/Z from its Hamiltonian H_E (which the thermodynamic ledger then uses to measure the
/// ancilla's energy). Immutable. Precomputes what the engines need: S(η) (nats), ln η on its support and the
/// projector on its kernel (for D(η′‖η), +∞ when η′ leaves supp η), and the purification Σ_r √λ_r |v_r⟩_E |r⟩_R.
/// Construction O(d³).
/// </summary>
public sealed class AncillaState
{
    /// <summary>The largest ancilla dimension accepted.</summary>
    public const int MaxDimension = 8;

    /// <summary>
    /// The largest β·(E_max − E_min) a thermal ancilla may have: the entropy flow β·Q carries a rounding error of about
    /// β·(E_max − E_min)·1e-16 nats, so beyond this it would print digits that mean nothing.
    /// </summary>
    public const double MaxBetaSpread = 1e6;

    private readonly Complex[] _eta;
    private readonly Complex[] _logOnSupport;
    private readonly Complex[] _kernelProjector;
    private readonly Complex[][] _purification;
    private readonly Matrix<Complex>? _hamiltonian;

    private AncillaState(DensityMatrix state, Matrix<Complex>? hamiltonian, double? beta, Matrix<Complex>? exactLog = null)
    {
        int d = state.Dimension;
        if (d < 2 || d > MaxDimension)
            throw new DimensionMismatchException($"An ancilla has dimension 2 … {MaxDimension}, got {d}.", "ancilla");
        State = state;
        _hamiltonian = hamiltonian?.Clone();
        Beta = beta;
        _eta = state.ColumnMajor.ToArray();
        var dec = HermitianEigen.Decompose(state.ToMatrix());
        _logOnSupport = new Complex[d * d];
        _kernelProjector = new Complex[d * d];
        var parts = new List<Complex[]>();
        for (int r = d - 1; r >= 0; r--) // largest eigenvalue first
        {
            double lam = dec.Values[r];
            var target = lam > Tolerances.ZeroEigenvalue ? _logOnSupport : _kernelProjector;
            double weight = lam > Tolerances.ZeroEigenvalue ? Math.Log(lam) : 1;
            for (int j = 0; j < d; j++)
                for (int i = 0; i < d; i++)
                    target[i + j * d] += weight * dec.Vectors[i, r] * Complex.Conjugate(dec.Vectors[j, r]);
            if (lam > Tolerances.ZeroEigenvalue)
            {
                double s = Math.Sqrt(lam);
                var phi = new Complex[d];
                for (int i = 0; i < d; i++) phi[i] = s * dec.Vectors[i, r];
                parts.Add(phi);
            }
        }
        _purification = parts.ToArray();
        Entropy = Measures.Entropy.FromEigenvalues(dec.Values);
        if (exactLog is not null)
        {
            // A Gibbs state has full support whatever β: ln η = −β(H − E₀) − ln Z is exact even where a weight
            // e^{−β(E−E₀)} lies below the eigenvalue resolution, so D(η′‖η) stays finite (and equals ΔS − βQ − I).
            for (int j = 0; j < d; j++)
                for (int i = 0; i < d; i++)
                    _logOnSupport[i + j * d] = exactLog[i, j];
            Array.Clear(_kernelProjector);
        }
    }

    /// <summary>η as a validated density matrix.</summary>
    public DensityMatrix State { get; }

    /// <summary>The ancilla dimension d_E.</summary>
    public int Dimension => State.Dimension;

    /// <summary>S(η) in nats.</summary>
    public double Entropy { get; }

    /// <summary>H_E when the state was given as thermal (<see cref="Thermal(Matrix{Complex}, double)"/>) or with a Hamiltonian; else null (a fresh copy).</summary>
    public Matrix<Complex>? Hamiltonian => _hamiltonian?.Clone();

    /// <summary>The inverse temperature β when the state is thermal; null otherwise.</summary>
    public double? Beta { get; }

    /// <summary>True when η is pure (rank 1): the explicit representation then needs no purifying partner.</summary>
    public bool IsPure => _purification.Length == 1;

    /// <summary>The rank of η: the dimension of the purifying partner the explicit and MPS representations attach.</summary>
    public int Rank => _purification.Length;

    /// <summary>|0⟩⟨0| of a qubit.</summary>
    public static AncillaState Ground { get; } = new(DensityMatrix.Diagonal([1.0, 0.0]), null, null);

    /// <summary>1/2 of a qubit (the infinite-temperature ancilla).</summary>
    public static AncillaState MaximallyMixed { get; } = new(DensityMatrix.Diagonal([0.5, 0.5]), null, null);

    /// <summary>The qubit state diag(p0, p1), p0 + p1 = 1, both ≥ 0 (a thermal qubit in the σz basis, no Hamiltonian attached).</summary>
    public static AncillaState Thermal(double p0, double p1)
    {
        Guard.InRange(p0, 0, 1, nameof(p0));
        Guard.InRange(p1, 0, 1, nameof(p1));
        return new AncillaState(DensityMatrix.Diagonal([p0, p1]), null, null);
    }

    /// <summary>
    /// The Gibbs state η = e^{−βH}/Z of a Hermitian H (d × d, 2 ≤ d ≤ <see cref="MaxDimension"/>) at inverse
    /// temperature β ≥ 0 (finite, β·(E_max − E_min) ≤ <see cref="MaxBetaSpread"/>; β = 0 gives the maximally mixed
    /// state). Computed from the spectrum shifted by its minimum, so large β·‖H‖ never overflows; ln η is kept exact
    /// (−β(H − E₀) − ln Z, full support), so D(η′‖η) stays finite however small the excited weights. H is kept for the
    /// energy bookkeeping. O(d³).
    /// </summary>
    public static AncillaState Thermal(Matrix<Complex> hamiltonian, double beta)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        Guard.SquareFinite(hamiltonian, nameof(hamiltonian));
        Guard.Hermitian(hamiltonian, nameof(hamiltonian));
        Guard.Finite(beta, nameof(beta));
        Guard.NonNegative(beta, nameof(beta));
        int d = hamiltonian.RowCount;
        if (d < 2 || d > MaxDimension)
            throw new DimensionMismatchException($"An ancilla Hamiltonian has dimension 2 … {MaxDimension}, got {d}.", nameof(hamiltonian));
        var dec = HermitianEigen.Decompose(hamiltonian);
        double e0 = dec.Values.Min();
        double spread = beta * (dec.Values.Max() - e0);
        if (!(spread <= MaxBetaSpread))
            throw new ParameterOutOfRangeException(
                $"β·(E_max − E_min) = {spread:G3} exceeds {MaxBetaSpread:G1}: the entropy flow β·Q would not be resolvable in double precision; give a zero-temperature ancilla as its ground state instead.",
                nameof(beta));
        var rho = GibbsState.FromSpectrum(dec, beta);
        // ln η = −β(H − E₀) − ln Z on every level, exact even where a population underflows to 0.
        double lnZ = Math.Log(dec.Values.Sum(e => Math.Exp(-beta * (e - e0))));
        var log = dec.Map(e => -beta * (e - e0) - lnZ);
        return new AncillaState(DensityMatrix.Create(0.5 * (rho + rho.ConjugateTranspose()), DensityMatrix.DefaultSpace(d)), hamiltonian, beta,
            0.5 * (log + log.ConjugateTranspose()));
    }

    /// <summary>The pure ancilla |φ⟩ (normalised; 2 … <see cref="MaxDimension"/> amplitudes).</summary>
    public static AncillaState Pure(Ket phi)
    {
        ArgumentNullException.ThrowIfNull(phi);
        return new AncillaState(DensityMatrix.FromKet(phi), null, null);
    }

    /// <summary>Any validated density matrix of dimension 2 … <see cref="MaxDimension"/>, optionally with the Hamiltonian H_E that measures its energy.</summary>
    public static AncillaState From(DensityMatrix eta, Matrix<Complex>? hamiltonian = null)
    {
        ArgumentNullException.ThrowIfNull(eta);
        if (hamiltonian is not null)
        {
            Guard.Dimension(hamiltonian, eta.Dimension, nameof(hamiltonian));
            Guard.Hermitian(hamiltonian, nameof(hamiltonian));
        }
        return new AncillaState(eta, hamiltonian, null);
    }

    /// <summary>η column-major (d² entries).</summary>
    internal ReadOnlySpan<Complex> ColumnMajor => _eta;

    /// <summary>ln η restricted to supp η, column-major (d² entries).</summary>
    internal ReadOnlySpan<Complex> LogOnSupport => _logOnSupport;

    /// <summary>Projector on ker η (zero when η is full rank), column-major (d² entries).</summary>
    internal ReadOnlySpan<Complex> KernelProjector => _kernelProjector;

    /// <summary>
    /// Purification components φ_r = √λ_r |v_r⟩ (d amplitudes each, one per nonzero eigenvalue, largest first):
    /// |Φ⟩ = Σ_r φ_r ⊗ |r⟩_R.
    /// </summary>
    internal IReadOnlyList<Complex[]> PurificationComponents => _purification;
}
