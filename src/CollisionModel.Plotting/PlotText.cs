using System.Text;

namespace CollisionModel.Plotting;

/// <summary>
/// The plain-text markup of labels (σ_E, W_0, ΔS_int, e^{−ηT}): <see cref="Parse"/> splits a label into runs on the
/// baseline, subscripts and superscripts, which <see cref="RichText"/> draws with a smaller, shifted font, so a
/// subscript that Unicode lacks (every capital: the E of σ_E, the R of E_R, the AB of S_AB) is a real subscript.
/// <see cref="Render"/> is for text that ScottPlot draws itself (tick labels, 10¹²), where only Unicode's sub- and
/// superscript characters are available.
/// </summary>
public static class PlotText
{
    private const string SubFrom = "0123456789+-−=()aehijklmnoprstuvxβγρφχ";
    private const string SubTo = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";
    private const string SupFrom = "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ";
    private const string SupTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡ";

    /// <summary>
    /// The runs of <paramref name="text"/>: _x, _{xy}, ^x and ^{xy} become subscript and superscript runs, everything
    /// else stays on the baseline. An unbraced subscript takes a run of letters and digits of one case (ΔS_int → int,
    /// S_AB → AB, W_0 → 0); an unbraced superscript takes one character. Adjacent runs of one script are merged; a
    /// marker with nothing after it, or after a space, is kept as text. O(length).
    /// </summary>
    public static IReadOnlyList<TextRun> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<TextRun>();
        var plain = new StringBuilder();
        foreach (var (piece, script) in Tokens(text))
        {
            if (script == TextScript.Normal) { plain.Append(piece); continue; }
            if (plain.Length > 0) { runs.Add(new TextRun(plain.ToString(), TextScript.Normal)); plain.Clear(); }
            if (runs.Count > 0 && runs[^1].Script == script) runs[^1] = runs[^1] with { Text = runs[^1].Text + piece };
            else runs.Add(new TextRun(piece, script));
        }
        if (plain.Length > 0) runs.Add(new TextRun(plain.ToString(), TextScript.Normal));
        return runs;
    }

    /// <summary>
    /// The label as one string of Unicode characters, for text ScottPlot draws itself: a script run where every
    /// character has a Unicode sub- or superscript is converted (10^{−3} → 10⁻³, W_0 → W₀), any other stays as markup
    /// (σ_E, e^(−ηT)) rather than being drawn with a wrong letter.
    /// </summary>
    public static string Render(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var run in Parse(text))
        {
            if (run.Script == TextScript.Normal) { sb.Append(run.Text); continue; }
            bool sub = run.Script == TextScript.Subscript;
            if (Convert(run.Text, sub ? SubFrom : SupFrom, sub ? SubTo : SupTo) is { } converted) sb.Append(converted);
            else if (sub) sb.Append('_').Append(run.Text);
            else sb.Append("^(").Append(run.Text).Append(')');
        }
        return sb.ToString();
    }

    private static IEnumerable<(string Piece, TextScript Script)> Tokens(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c == '_' || c == '^') && i > 0 && i + 1 < text.Length && !char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i + 1]))
            {
                bool sub = c == '_';
                string group;
                int end;
                if (text[i + 1] == '{')
                {
                    end = text.IndexOf('}', i + 2);
                    if (end < 0 || end == i + 2) { yield return (c.ToString(), TextScript.Normal); continue; }
                    group = text[(i + 2)..end];
                }
                else
                {
                    end = i + 1;
                    if (sub) while (end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]) && char.IsLower(text[end + 1]) == char.IsLower(text[i + 1])) end++;
                    group = text[(i + 1)..(end + 1)];
                }
                yield return (group, sub ? TextScript.Subscript : TextScript.Superscript);
                i = end;
                continue;
            }
            yield return (c.ToString(), TextScript.Normal);
        }
    }

    private static string? Convert(string group, string from, string to)
    {
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
