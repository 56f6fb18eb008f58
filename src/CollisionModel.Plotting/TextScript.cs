namespace CollisionModel.Plotting;

/// <summary>Where a run of label text sits: on the baseline, lowered and smaller, or raised and smaller.</summary>
public enum TextScript
{
    /// <summary>Ordinary text on the baseline.</summary>
    Normal,

    /// <summary>A subscript (the E of σ_E): smaller, below the baseline.</summary>
    Subscript,

    /// <summary>A superscript (the −ηT of e^{−ηT}): smaller, above the baseline.</summary>
    Superscript,
}
