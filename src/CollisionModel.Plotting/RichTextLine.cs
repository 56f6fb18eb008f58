namespace CollisionModel.Plotting;

/// <summary>One line of a <see cref="RichText"/>.</summary>
/// <param name="Runs">The runs, left to right.</param>
/// <param name="Width">The line's advance width, in pixels.</param>
/// <param name="Baseline">The line's baseline below the text's top, in pixels.</param>
public sealed record RichTextLine(IReadOnlyList<PlacedRun> Runs, float Width, float Baseline);
