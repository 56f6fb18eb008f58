using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using CollisionModel.Engines;
using CollisionModel.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CollisionModel.MasterEquation;

/// <summary>
/// The master-equation run as an <see cref="ITimeSeriesResult"/>: the series are the observers that recorded real
/// numbers (<c>double</c> or <c>double?</c>, e.g. <see cref="EntanglementProduction.Observer"/>); observers of other types
/// stay reachable through <see cref="Values{T}(string)"/>.
/// </summary>
public sealed partial class Trajectory : ITimeSeriesResult
{
    /// <inheritdoc />
    public IReadOnlyList<string> SeriesNames =>
        _data.Where(kv => kv.Value.Observer.ValueType == typeof(double) || kv.Value.Observer.ValueType == typeof(double?))
            .Select(kv => kv.Key).ToArray();

    /// <inheritdoc />
    public IReadOnlyList<double?> Series(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_data.TryGetValue(name, out var entry))
            throw new ParameterOutOfRangeException(
                $"No series named '{name}'; the run has {string.Join(", ", SeriesNames)}.", nameof(name));
        return entry.Values switch
        {
            IReadOnlyList<double> d => d.Select(x => (double?)x).ToArray(),
            IReadOnlyList<double?> d => d,
            _ => throw new ParameterOutOfRangeException(
                $"Series '{name}' holds {entry.Observer.ValueType.Name}, not numbers; read it with Values<T>.", nameof(name)),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Expect(Matrix<Complex> observable) => TimeSeriesExpectation.Of(States, observable);

    /// <inheritdoc />
    public string ToCsv()
    {
        var names = SeriesNames;
        var columns = names.Select(Series).ToArray();
        var sb = new StringBuilder();
        sb.AppendJoin(',', names.Prepend("time")).Append('\n');
        for (int k = 0; k < Times.Count; k++)
        {
            sb.Append(Times[k].ToString("R", CultureInfo.InvariantCulture));
            foreach (var column in columns) sb.Append(',').Append(Csv(column[k]));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    /// <remarks>Each record has <c>time</c>, the series and, when states were kept, <c>rho</c> (row-major [re, im] pairs).</remarks>
    public string ToJson(bool indented = false)
    {
        var names = SeriesNames;
        var columns = names.Select(Series).ToArray();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("records");
            writer.WriteStartArray();
            for (int k = 0; k < Times.Count; k++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("time", Times[k]);
                for (int s = 0; s < names.Count; s++)
                {
                    writer.WritePropertyName(names[s]);
                    CollisionTrajectory.WriteNumber(writer, columns[s][k]);
                }
                if (States.Count == Times.Count)
                {
                    writer.WritePropertyName("rho");
                    CollisionTrajectory.WriteMatrix(writer, States[k]);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Csv(double? v) => v switch
    {
        null => "",
        double x when double.IsNaN(x) => throw new InvalidOperationException("NaN reached the CSV writer."),
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
    };
}
