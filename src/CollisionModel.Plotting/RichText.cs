using ScottPlot;
using SkiaSharp;

namespace CollisionModel.Plotting;

/// <summary>
/// A label with real sub- and superscripts, laid out once and drawn on any Skia canvas (PNG or SVG): each
/// <see cref="TextRun"/> in one typeface that covers the whole label, scripts at <see cref="ScriptScale"/> of the size,
/// subscripts lowered by <see cref="SubscriptDrop"/> and superscripts raised by <see cref="SuperscriptRise"/> (fractions
/// of the size, the usual typesetting proportions). Lines are separated by '\n'. Sizes and positions are pixels, y down.
/// </summary>
public sealed class RichText
{
    /// <summary>Size of a sub- or superscript relative to the text size.</summary>
    public const float ScriptScale = 0.7f;

    /// <summary>How far a subscript's baseline lies below the text's, as a fraction of the text size.</summary>
    public const float SubscriptDrop = 0.22f;

    /// <summary>How far a superscript's baseline lies above the text's, as a fraction of the text size.</summary>
    public const float SuperscriptRise = 0.38f;

    private const float LineGap = 0.25f;

    /// <summary>Lays out <paramref name="markup"/> (see <see cref="PlotText.Parse"/>) at <paramref name="size"/> pixels.</summary>
    public RichText(string markup, float size, bool bold, Color color)
    {
        ArgumentNullException.ThrowIfNull(markup);
        Markup = markup;
        Size = size;
        Color = color;
        // The plot's sans-serif face (that of the tick labels) when it has every character, else one that has.
        string characters = markup.Replace("\n", "", StringComparison.Ordinal);
        var sans = Fonts.GetTypeface(Fonts.Default, bold, false);
        Typeface = sans.ContainsGlyphs(characters) ? sans : Fonts.GetTypeface(Fonts.Detect(characters), bold, false);
        var lines = new List<RichTextLine>();
        float top = 0;
        foreach (string line in markup.Split('\n'))
        {
            var placed = new List<PlacedRun>();
            float x = 0, ascent = 0, descent = 0;
            foreach (var run in PlotText.Parse(line))
            {
                float runSize = run.Script == TextScript.Normal ? size : size * ScriptScale;
                float shift = run.Script switch { TextScript.Subscript => SubscriptDrop * size, TextScript.Superscript => -SuperscriptRise * size, _ => 0 };
                using var font = new SKFont(Typeface, runSize);
                float width = font.MeasureText(run.Text);
                placed.Add(new PlacedRun(run.Text, run.Script, x, shift, runSize));
                ascent = Math.Max(ascent, -font.Metrics.Ascent - shift);
                descent = Math.Max(descent, font.Metrics.Descent + shift);
                x += width;
            }
            lines.Add(new RichTextLine(placed, x, top + ascent));
            top += ascent + descent + LineGap * size;
            Height = top - LineGap * size;
            Width = Math.Max(Width, x);
        }
        Lines = lines;
    }

    /// <summary>The markup the text was built from.</summary>
    public string Markup { get; }

    /// <summary>Size of the text on the baseline, in pixels.</summary>
    public float Size { get; }

    /// <summary>Colour of every run.</summary>
    public Color Color { get; }

    /// <summary>The typeface of every run (one that has all of the label's characters).</summary>
    public SKTypeface Typeface { get; }

    /// <summary>The lines, each with its runs placed relative to the line's start and baseline.</summary>
    public IReadOnlyList<RichTextLine> Lines { get; }

    /// <summary>Width of the widest line, in pixels.</summary>
    public float Width { get; }

    /// <summary>Height from the top of the first line's highest glyph extent to the bottom of the last line's.</summary>
    public float Height { get; }

    /// <summary>
    /// Draws the text with its top at <paramref name="top"/>: each line centred on <paramref name="x"/>, or starting at it
    /// when <paramref name="centred"/> is false.
    /// </summary>
    public void Draw(SKCanvas canvas, float x, float top, bool centred)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var paint = new SKPaint { Color = new SKColor(Color.R, Color.G, Color.B, Color.A), IsAntialias = true };
        foreach (var line in Lines)
        {
            float start = centred ? x - line.Width / 2 : x;
            foreach (var run in line.Runs)
            {
                using var font = new SKFont(Typeface, run.Size) { Subpixel = true };
                canvas.DrawText(run.Text, start + run.X, top + line.Baseline + run.Shift, SKTextAlign.Left, font, paint);
            }
        }
    }
}
