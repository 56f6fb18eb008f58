namespace CollisionModel.Plotting;

/// <summary>A piece of a label drawn in one script: "σ" then subscript "E" for σ_E.</summary>
/// <param name="Text">The characters, without markup.</param>
/// <param name="Script">On the baseline, subscript or superscript.</param>
public sealed record TextRun(string Text, TextScript Script);
