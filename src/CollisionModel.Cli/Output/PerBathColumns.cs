namespace CollisionModel.Cli.Output;

/// <summary>
/// CSV and tables hold one value per cell, so a per-bath array field (<c>heat</c>, <c>heat_current</c>: one entry per
/// bath) becomes one column per bath, <c>heat_&lt;name&gt;</c>, named after the bath's <c>name</c> or else its index
/// (also when two baths share a name). JSON keeps the arrays. O(records × fields).
/// </summary>
public static class PerBathColumns
{
    /// <summary>The array fields that are split into one column per bath.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["heat", "heat_current"];

    /// <summary>The column label of each bath: its name where every bath has a distinct one, else its index.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<string?>? bathNames, int count)
    {
        var labels = Enumerable.Range(0, count).Select(j => bathNames is not null && j < bathNames.Count && !string.IsNullOrEmpty(bathNames[j])
            ? bathNames[j]! : j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return labels.Distinct(StringComparer.Ordinal).Count() == labels.Length
            ? labels
            : Enumerable.Range(0, count).Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// The records with each per-bath array of scalars replaced, in place, by its columns <c>field_label</c>; other
    /// fields untouched.
    /// </summary>
    public static IReadOnlyList<ResultRecord> Split(IReadOnlyList<ResultRecord> records, IReadOnlyList<string?>? bathNames)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!records.Any(r => r.Fields.Any(f => IsPerBath(f)))) return records;
        return records.Select(r => new ResultRecord(r.Fields.SelectMany(f => IsPerBath(f) ? Columns(f, bathNames) : [f]))).ToList();
    }

    private static bool IsPerBath(ResultField field) =>
        field.Value is ListValue list && Fields.Contains(field.Name) && list.Items.All(x => x.IsScalar || x is NullValue);

    private static IEnumerable<ResultField> Columns(ResultField field, IReadOnlyList<string?>? bathNames)
    {
        var items = ((ListValue)field.Value).Items;
        var labels = Labels(bathNames, items.Count);
        for (int j = 0; j < items.Count; j++) yield return new ResultField($"{field.Name}_{labels[j]}", items[j]);
    }
}
