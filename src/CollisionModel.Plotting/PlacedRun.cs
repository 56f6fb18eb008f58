namespace CollisionModel.Plotting;

/// <summary>A run placed on its line.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Script">Baseline, subscript or superscript.</param>
/// <param name="X">Start of the run from the start of the line, in pixels.</param>
/// <param name="Shift">The run's baseline below the line's (negative: above), in pixels.</param>
/// <param name="Size">The run's font size, in pixels.</param>
public sealed record PlacedRun(string Text, TextScript Script, float X, float Shift, float Size);
