using System.Globalization;
using System.Text;
using System.Text.Json;
using CollisionModel.States;
using CollisionModel.Thermodynamics;

namespace CollisionModel.Engines;

/// <summary>
/// The emitted steps of a collision-model run (immutable), exportable to CSV (scalar fields only) and JSON
/// (System.Text.Json) with the field names of the CLI contract: +∞ is written as the string "Infinity", an absent
/// value as null (JSON) or an empty cell (CSV), ρ_AB as row-major nested [re, im] pairs; numbers round-trip.
/// </summary>
public sealed partial class CollisionTrajectory
{
    /// <summary>The scalar column names, in export order (contract names, then observer names).</summary>
    public static readonly IReadOnlyList<string> ScalarFields = CollisionRecordFields.Scalars;

    private readonly StepRecord[] _records;
    private readonly string[] _observerNames;
    private readonly bool _hasLedger, _driven;

    /// <summary>Wraps the records (copied) of a run in the given representation.</summary>
    public CollisionTrajectory(IEnumerable<StepRecord> records, Representation representation, IReadOnlyList<string>? observerNames = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = records.ToArray();
        Representation = representation;
        _observerNames = observerNames?.ToArray() ?? [];
        _hasLedger = _records.Any(r => r.Thermodynamics is not null);
        _driven = _records.Any(r => r.Thermodynamics?.DriveWork is not null);
    }

    /// <summary>The emitted records, in step order.</summary>
    public IReadOnlyList<StepRecord> Records => _records;

    /// <summary>The representation that produced them.</summary>
    public Representation Representation { get; }

    /// <summary>
    /// A few-digit summary: the representation, the number of records, the step and time span and the last S_AB, e.g.
    /// <c>CollisionTrajectory (Streaming): 11 records, steps 0…100, t = 0…1, last S_AB = 0.5623</c>.
    /// </summary>
    public override string ToString()
    {
        if (_records.Length == 0) return $"CollisionTrajectory ({Representation}): no records";
        var first = _records[0];
        var last = _records[^1];
        return $"CollisionTrajectory ({Representation}): {_records.Length} records, steps {first.Step}…{last.Step}, "
            + $"t = {ReadableText.Number(first.Time)}…{ReadableText.Number(last.Time)}, last S_AB = {ReadableText.Number(last.Bookkeeping.EntropyAB)}";
    }

    /// <summary>The scalar values of one record in <see cref="ScalarFields"/> order (null = absent).</summary>
    public static double?[] ScalarValues(StepRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var b = r.Bookkeeping;
        return
        [
            b.Step, b.Time, b.EntropyA, b.EntropyB, b.EntropyAB, Known(b.EntropyE), Known(b.EntropyAE), Known(b.EntropyBE),
            Known(b.EntropyABE), Known(b.MutualInformationAE), Known(b.MutualInformationBE), Known(b.MutualInformationABE),
            Known(b.SsaSlack), Known(b.RelativeEntropyE), r.RelativeEntropyOfEntanglement, r.Concurrence,
            b.EntropyProductionTotal, b.MinSsaSlack,
        ];
    }

    // The whole-E fields are NaN when the engine does not compute them (mps with many mixed ancillas): absent.
    private static double? Known(double v) => double.IsNaN(v) ? null : v;

    /// <summary>CSV: a header line, then one line per record (invariant culture, round-trip numbers).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        var ledgerFields = _hasLedger ? (_driven ? LedgerRecordFields.DrivenScalars : LedgerRecordFields.Scalars) : [];
        sb.AppendJoin(',', ScalarFields.Concat(ledgerFields).Concat(_observerNames)).Append('\n');
        foreach (var r in _records)
        {
            var ledger = _hasLedger ? (r.Thermodynamics is { } t ? LedgerRecordFields.ScalarValues(t, _driven) : new double?[ledgerFields.Count]) : [];
            var cells = ScalarValues(r).Concat(ledger).Concat(_observerNames.Select(n => (double?)r.Observables[n])).Select(FormatCsv);
            sb.AppendJoin(',', cells).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes the records as a JSON array of objects (contract field names, plus "rho_AB" and observers).</summary>
    public void WriteRecordsJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var r in _records)
        {
            writer.WriteStartObject();
            var values = ScalarValues(r);
            for (int i = 0; i < values.Length; i++)
            {
                if (i == CollisionRecordFields.ScalarsBeforeState)
                {
                    writer.WritePropertyName(CollisionRecordFields.State);
                    WriteMatrix(writer, r.RhoAB);
                }
                writer.WritePropertyName(ScalarFields[i]);
                if (i == 0) writer.WriteNumberValue(r.Step);
                else WriteNumber(writer, values[i]);
            }
            if (_hasLedger) WriteLedger(writer, r.Thermodynamics);
            foreach (var name in _observerNames)
            {
                writer.WritePropertyName(name);
                WriteNumber(writer, r.Observables[name]);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>A JSON document {"representation": …, "records": […]}.</summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteString("representation", Representation.ToString().ToLowerInvariant());
            writer.WritePropertyName("records");
            WriteRecordsJson(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a finite number, "Infinity"/"-Infinity" for ±∞ and null for an absent value; NaN is a bug and throws.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else if (double.IsNaN(value.Value)) throw new InvalidOperationException("NaN reached the JSON writer.");
        else if (double.IsPositiveInfinity(value.Value)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value.Value)) writer.WriteStringValue("-Infinity");
        else writer.WriteNumberValue(value.Value);
    }

    /// <summary>
    /// Writes the ledger fields (<see cref="LedgerRecordFields.All"/>) of one record: energy_S, heat (an array, one
    /// entry per bath), work, drive_work (only when H_S is driven), entropy_flow; every field null when <paramref name="totals"/> is.
    /// </summary>
    public static void WriteLedger(Utf8JsonWriter writer, LedgerTotals? totals)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(LedgerRecordFields.EnergySystem);
        WriteNumber(writer, totals?.EnergySystem);
        writer.WritePropertyName(LedgerRecordFields.Heat);
        if (totals is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartArray();
            foreach (var q in totals.Heat) WriteNumber(writer, q);
            writer.WriteEndArray();
        }
        writer.WritePropertyName(LedgerRecordFields.Work);
        WriteNumber(writer, totals?.Work);
        if (totals?.DriveWork is { } driveWork)
        {
            writer.WritePropertyName(LedgerRecordFields.DriveWork);
            writer.WriteNumberValue(driveWork);
        }
        writer.WritePropertyName(LedgerRecordFields.EntropyFlow);
        WriteNumber(writer, totals?.EntropyFlow);
    }

    /// <summary>A density matrix as row-major nested arrays of [re, im] pairs.</summary>
    public static void WriteMatrix(Utf8JsonWriter writer, States.DensityMatrix rho)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rho);
        writer.WriteStartArray();
        for (int i = 0; i < rho.Dimension; i++)
        {
            writer.WriteStartArray();
            for (int j = 0; j < rho.Dimension; j++)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(rho[i, j].Real);
                writer.WriteNumberValue(rho[i, j].Imaginary);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private static string FormatCsv(double? v)
    {
        if (v is null) return "";
        double x = v.Value;
        if (double.IsNaN(x)) throw new InvalidOperationException("NaN reached the CSV writer.");
        if (double.IsPositiveInfinity(x)) return "Infinity";
        if (double.IsNegativeInfinity(x)) return "-Infinity";
        return x.ToString("R", CultureInfo.InvariantCulture);
    }
}
