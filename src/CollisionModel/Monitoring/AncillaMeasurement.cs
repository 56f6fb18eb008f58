using System.Globalization;
using System.Numerics;
using CollisionModel.Models;
using CollisionModel.Numerics;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Monitoring;

/// <summary>
/// How a bath's ancillas are read out: a two-point energy measurement in the eigenspaces of H_E (the incoming ancilla
/// projected onto the eigenspace of E_in, the outgoing one onto that of E_out; count n = (E_in − E_out)/ω_E, the quanta
/// the bath gave up, ω_E the smallest gap) or a projective measurement of the outgoing ancilla in an orthonormal basis
/// with an integer value per basis state. Immutable; validated on construction (failures name the key "measure").
/// Complexity O(d_E³) to build.
/// </summary>
public sealed class AncillaMeasurement
{
    /// <summary>The relative tolerance of "the same level" and of "an integer multiple of ω_E".</summary>
    public const double LevelTolerance = 1e-9;

    private const string Key = "measure";

    private AncillaMeasurement(int dimension, IReadOnlyList<MeasurementOutcome> outcomes, double? quantum, string description)
    {
        Dimension = dimension;
        Outcomes = outcomes;
        EnergyQuantum = quantum;
        Description = description;
    }

    /// <summary>The ancilla dimension d_E.</summary>
    public int Dimension { get; }

    /// <summary>Every outcome, each with its count.</summary>
    public IReadOnlyList<MeasurementOutcome> Outcomes { get; }

    /// <summary>ω_E of an energy measurement (energy units; the count's unit of heat), or null for a basis measurement.</summary>
    public double? EnergyQuantum { get; }

    /// <summary>True for the two-point energy measurement.</summary>
    public bool IsEnergy => EnergyQuantum is not null;

    /// <summary>"energy (ω_E = …)" or "basis".</summary>
    public string Description { get; }

    /// <summary>
    /// The two-point measurement of H_E = Σ_E E Π_E on a bath whose ancilla has a Hamiltonian. Levels closer than
    /// <see cref="LevelTolerance"/> × (E_max − E_min) are one (degenerate) eigenspace; every level must be E_0 + k·ω_E,
    /// k an integer to <see cref="LevelTolerance"/> relative, ω_E the smallest gap (0, ω, ω, 2ω and 0, 1, 3 are
    /// allowed; 0, 1, 2.5 is refused). Outcomes are the pairs (E_in, E_out), count k_in − k_out.
    /// </summary>
    public static AncillaMeasurement Energy(AncillaState ancilla)
    {
        ArgumentNullException.ThrowIfNull(ancilla);
        var h = ancilla.Hamiltonian
            ?? throw new ParameterOutOfRangeException("\"energy\" needs the ancilla's Hamiltonian (give the ancilla as {\"dim\", \"hamiltonian\", \"beta\"}).", Key);
        return Energy(h);
    }

    /// <summary>The two-point measurement of a Hermitian H_E (see <see cref="Energy(AncillaState)"/>).</summary>
    public static AncillaMeasurement Energy(Matrix<Complex> hamiltonian)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        Guard.SquareFinite(hamiltonian, Key);
        Guard.Hermitian(hamiltonian, Key);
        var dec = HermitianEigen.Decompose(0.5 * (hamiltonian + hamiltonian.ConjugateTranspose()));
        var e = dec.Values;
        int d = e.Length;
        double spread = e[^1] - e[0];
        if (!(spread > 0)) throw new ParameterOutOfRangeException("\"energy\" needs at least two distinct levels of H_E: every ancilla state has the same energy.", Key);
        // Group the ascending eigenvalues into levels.
        var levels = new List<(double Energy, List<int> Columns)>();
        for (int i = 0; i < d; i++)
        {
            if (levels.Count > 0 && e[i] - levels[^1].Energy <= LevelTolerance * spread) levels[^1].Columns.Add(i);
            else levels.Add((e[i], [i]));
        }
        double quantum = double.PositiveInfinity;
        for (int l = 1; l < levels.Count; l++) quantum = Math.Min(quantum, levels[l].Energy - levels[l - 1].Energy);
        var k = new int[levels.Count];
        for (int l = 0; l < levels.Count; l++)
        {
            double ratio = (levels[l].Energy - levels[0].Energy) / quantum;
            k[l] = (int)Math.Round(ratio);
            if (Math.Abs(ratio - k[l]) > LevelTolerance * Math.Max(1, ratio))
                throw new ParameterOutOfRangeException(
                    $"\"energy\" needs every level of H_E at E_0 + k·ω_E (k an integer, ω_E = {Show(quantum)} the smallest gap); level {Show(levels[l].Energy)} is {Show(ratio)} quanta above E_0 = {Show(levels[0].Energy)}.", Key);
        }
        var projectors = levels.Select(level => Columns(dec.Vectors, level.Columns)).ToArray();
        var outcomes = new List<MeasurementOutcome>();
        for (int a = 0; a < levels.Count; a++)
            for (int b = 0; b < levels.Count; b++)
                outcomes.Add(new MeasurementOutcome(projectors[a], projectors[b], k[a] - k[b],
                    $"E_in = {Show(levels[a].Energy)}, E_out = {Show(levels[b].Energy)}", k[a]));
        return new AncillaMeasurement(d, outcomes, quantum, $"energy (ω_E = {Show(quantum)})");
    }

    /// <summary>
    /// The outgoing ancilla measured in an orthonormal basis (the kets, each of length d_E, orthonormal to
    /// <see cref="Tolerances.Unitarity"/>), basis state k counting <paramref name="values"/>[k] (default k).
    /// </summary>
    public static AncillaMeasurement InBasis(IReadOnlyList<Complex[]> basis, IReadOnlyList<int>? values = null)
    {
        ArgumentNullException.ThrowIfNull(basis);
        int d = basis.Count;
        if (d < 2) throw new DimensionMismatchException($"a measurement basis needs one ket per ancilla level (≥ 2), got {d}.", $"{Key}.basis");
        var u = Matrix<Complex>.Build.Dense(d, d);
        for (int k = 0; k < d; k++)
        {
            if (basis[k] is null || basis[k].Length != d)
                throw new DimensionMismatchException($"ket {k} has {basis[k]?.Length ?? 0} entries; the ancilla dimension is {d}.", $"{Key}.basis");
            Guard.FiniteEntries(basis[k], $"{Key}.basis");
            for (int i = 0; i < d; i++) u[i, k] = basis[k][i];
        }
        var gram = u.ConjugateTranspose() * u;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double off = (gram[i, j] - (i == j ? Complex.One : Complex.Zero)).Magnitude;
                if (off > Tolerances.Unitarity)
                    throw new ParameterOutOfRangeException($"the basis is not orthonormal: ⟨{i}|{j}⟩ deviates by {Show(off)} (tolerance {Show(Tolerances.Unitarity)}).", $"{Key}.basis");
            }
        if (values is not null && values.Count != d)
            throw new DimensionMismatchException($"expected one value per basis ket ({d}), got {values.Count}.", $"{Key}.values");
        var outcomes = new MeasurementOutcome[d];
        for (int k = 0; k < d; k++)
            outcomes[k] = new MeasurementOutcome(null, Columns(u, [k]), values?[k] ?? k, $"basis state {k}");
        return new AncillaMeasurement(d, outcomes, null, "basis");
    }

    private static Matrix<Complex> Columns(Matrix<Complex> v, IReadOnlyList<int> columns)
    {
        var m = Matrix<Complex>.Build.Dense(v.RowCount, columns.Count);
        for (int c = 0; c < columns.Count; c++) m.SetColumn(c, v.Column(columns[c]));
        return m;
    }

    private static string Show(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
