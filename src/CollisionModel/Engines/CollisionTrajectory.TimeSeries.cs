using System.Numerics;
using CollisionModel.MasterEquation;
using CollisionModel.States;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.Engines;

/// <summary>The collision run as an <see cref="ITimeSeriesResult"/>: series named as the exported fields.</summary>
public sealed partial class CollisionTrajectory : ITimeSeriesResult
{
    /// <inheritdoc />
    public IReadOnlyList<double> Times => _records.Select(r => r.Time).ToArray();

    /// <inheritdoc />
    /// <remarks>Every exported scalar field but <c>time</c> (so <c>step</c>, <c>S_AB</c>, <c>D_E</c>, …), then the observers.</remarks>
    public IReadOnlyList<string> SeriesNames => ScalarFields.Where(f => f != "time").Concat(_observerNames).ToArray();

    /// <inheritdoc />
    public IReadOnlyList<double?> Series(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int field = IndexOf(ScalarFields, name);
        if (field >= 0 && name != "time") return _records.Select(r => ScalarValues(r)[field]).ToArray();
        if (IndexOf(_observerNames, name) >= 0) return _records.Select(r => (double?)r.Observables[name]).ToArray();
        throw new ParameterOutOfRangeException(
            $"No series named '{name}'; the run has {string.Join(", ", SeriesNames)}.", nameof(name));
    }

    /// <inheritdoc />
    /// <remarks>ρ_AB of every emitted step.</remarks>
    public IReadOnlyList<DensityMatrix> States => _records.Select(r => r.RhoAB).ToArray();

    /// <inheritdoc />
    public IReadOnlyList<double> Expect(Matrix<Complex> observable) => TimeSeriesExpectation.Of(States, observable);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
