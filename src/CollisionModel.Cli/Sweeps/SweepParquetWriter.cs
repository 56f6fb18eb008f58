using Parquet;
using Parquet.Schema;

namespace CollisionModel.Cli.Sweeps;

/// <summary>Writes a <see cref="SweepTable"/> as one Parquet row group (Parquet.Net; columns typed by <see cref="SweepColumn.Kind"/>).</summary>
public static class SweepParquetWriter
{
    /// <summary>Writes the table to <paramref name="stream"/>.</summary>
    public static void Write(SweepTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        WriteAsync(table, stream).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(SweepTable table, Stream stream)
    {
        var fields = table.Columns.Select(c => c.Kind switch
        {
            SweepColumnKind.Integer => (DataField)new DataField<long?>(c.Name),
            SweepColumnKind.Number => new DataField<double?>(c.Name),
            SweepColumnKind.Boolean => new DataField<bool?>(c.Name),
            _ => new DataField<string>(c.Name),
        }).ToList();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        for (int k = 0; k < fields.Count; k++)
        {
            var column = table.Columns[k];
            switch (column.Kind)
            {
                case SweepColumnKind.Integer:
                    await group.WriteAsync<long>(fields[k], column.Cells.Select(SweepColumn.Integer).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                case SweepColumnKind.Number:
                    await group.WriteAsync<double>(fields[k], column.Cells.Select(SweepColumn.Number).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                case SweepColumnKind.Boolean:
                    await group.WriteAsync<bool>(fields[k], column.Cells.Select(c => c is null ? (bool?)null : c.GetValue<bool>()).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(fields[k], column.Cells.Select(c => c is null ? null : SweepColumn.Text(c)).ToArray()).ConfigureAwait(false);
                    break;
            }
        }
    }
}
