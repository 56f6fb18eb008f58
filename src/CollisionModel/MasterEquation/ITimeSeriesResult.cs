using System.Numerics;
using CollisionModel.States;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// One result shape for every run in time — the master equation (<see cref="Trajectory"/>) and the collision models
/// (<see cref="Engines.CollisionTrajectory"/>) — in the spirit of QuTiP's <c>Result</c>: the output times, named
/// real series (entropies in nats, rates in nats per unit time), the system state at each time, expectation values of
/// any observable, and CSV/JSON export.
/// </summary>
/// <example>
/// <code>
/// ITimeSeriesResult run = CollisionSimulation.Run(options, Representation.Streaming);
/// IReadOnlyList&lt;double?&gt; sAB = run.Series("S_AB");
/// IReadOnlyList&lt;double&gt; zB = run.Expect(Tensor.Embed(Pauli.Z, CompositeSpace.Qubits(2), 1));
/// File.WriteAllText("run.csv", run.ToCsv());
/// </code>
/// </example>
public interface ITimeSeriesResult
{
    /// <summary>The output times, ascending.</summary>
    IReadOnlyList<double> Times { get; }

    /// <summary>The names <see cref="Series"/> accepts, in export order.</summary>
    IReadOnlyList<string> SeriesNames { get; }

    /// <summary>
    /// The named series, one value per output time (null where the value does not exist; ±∞ is a value). Throws
    /// <see cref="Validation.ParameterOutOfRangeException"/> for a name not in <see cref="SeriesNames"/>.
    /// </summary>
    IReadOnlyList<double?> Series(string name);

    /// <summary>The system state at each output time (ρ_AB for the collision models); empty when states were not kept.</summary>
    IReadOnlyList<DensityMatrix> States { get; }

    /// <summary>
    /// ⟨O⟩(t) = tr[ρ(t) O] at each output time for a Hermitian observable O on the system's space (real by
    /// hermiticity). Throws when O is not Hermitian or not of the system's dimension, or when states were not kept.
    /// O(times · D²).
    /// </summary>
    IReadOnlyList<double> Expect(Matrix<Complex> observable);

    /// <summary>CSV: a header (<c>time</c>, or <c>step,time</c>, then the series), one line per output time; invariant culture, round-trip numbers, ±∞ as Infinity, null as an empty cell.</summary>
    string ToCsv();

    /// <summary>JSON with one object per output time under <c>records</c> (±∞ as "Infinity", null as null).</summary>
    string ToJson(bool indented = false);
}
