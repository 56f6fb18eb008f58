using System.Text;

namespace CollisionModel.Cli.Plotting;

/// <summary>
/// Turns the plain-text markup of labels (σ_E, W_0, ΔS_int, e^{−ηT}) into what a plot can draw: Unicode subscripts
/// and superscripts where every character has one, else readable brackets (e^(−ηT)). ScottPlot draws plain strings,
/// so markup would otherwise be printed literally. Unicode has no uppercase subscripts: a single uppercase subscript
/// letter is drawn as its lowercase subscript (σ_E → σₑ, E_R → Eᵣ, ρ_T → ρₜ), as docs/conventions.md notes.
/// </summary>
public static class PlotText
{
    private const string SubFrom = "0123456789+-−=()aehijklmnoprstuvxβγρφχ";
    private const string SubTo = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";
    private const string SupFrom = "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ";
    private const string SupTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ";

    /// <summary>The label with _x, _{xy}, ^x and ^{xy} rendered; text without markup is returned unchanged.</summary>
    public static string Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '_' || c == '^') && i > 0 && i + 1 < text.Length && !char.IsWhiteSpace(text[i - 1]))
            {
                bool sub = c == '_';
                string group;
                int end;
                if (text[i + 1] == '{')
                {
                    end = text.IndexOf('}', i + 2);
                    if (end < 0) { sb.Append(c); continue; }
                    group = text[(i + 2)..end];
                }
                else
                {
                    // One token: a run of letters/digits for subscripts (ΔS_int), a single character for powers.
                    end = i + 1;
                    if (sub) while (end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]) && char.IsLower(text[end + 1]) == char.IsLower(text[i + 1])) end++;
                    group = text[(i + 1)..(end + 1)];
                }
                if (Convert(sub ? ToSubscriptable(group) : group, sub ? SubFrom : SupFrom, sub ? SubTo : SupTo) is { } converted)
                    sb.Append(converted);
                else if (sub) sb.Append('_').Append(group);
                else sb.Append("^(").Append(group).Append(')');
                i = end;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string ToSubscriptable(string group) =>
        group.Length == 1 && char.IsUpper(group[0]) ? char.ToLowerInvariant(group[0]).ToString() : group;

    private static string? Convert(string group, string from, string to)
    {
        if (group.Length == 0) return null;
        var sb = new StringBuilder(group.Length);
        foreach (char c in group)
        {
            int k = from.IndexOf(c, StringComparison.Ordinal);
            if (k < 0) return null;
            sb.Append(to[k]);
        }
        return sb.ToString();
    }
}
