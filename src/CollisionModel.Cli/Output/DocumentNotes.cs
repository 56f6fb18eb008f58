namespace CollisionModel.Cli.Output;

/// <summary>
/// The footer notes a table reader needs to make sense of an infinite or missing value, derived from the document
/// itself (so every command that produces such a value explains it the same way; docs/cli.md says the same).
/// </summary>
public static class DocumentNotes
{
    /// <summary>The notes that apply to <paramref name="document"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> For(ResultDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var notes = new List<string>();
        bool AnyInfinite(string field) => document.Records.Any(r => r[field] is NumberValue { Value: double.PositiveInfinity or double.NegativeInfinity });
        if (AnyInfinite("D_E") || AnyInfinite("entropy_production_total"))
            notes.Add("D_E and entropy_production_total are Infinity: the ancillas start pure, and the relative entropy "
                + "D(η′‖η) of a changed state η′ to a pure η is infinite (η′ has weight outside the support of η). "
                + "Use --environment mixed for finite values; see docs/cli.md.");
        if (AnyInfinite("sigma"))
            notes.Add("sigma is Infinity where ρ_T is rank deficient (κ = 0) and ρ(t) still has weight outside its "
                + "support; conjecture_ratio is null there.");
        if (document.Command == "converge" && document.Records.Count > 0 && document.Extras["order"] is NullValue)
            notes.Add("order is null: fewer than two trace distances lie above rounding level (32ε ≈ 7.1e-15), so there "
                + "is no discretisation error to fit (e.g. exact angles converge at every k).");
        var omitted = document.OmittedFromTable.Where(name =>
            document.Records.Any(r => r[name] is not null) || document.Extras[name] is not null).ToList();
        if (omitted.Count > 0) notes.Add(AbsentPartFields.Note(omitted));
        return notes;
    }
}
