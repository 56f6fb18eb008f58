namespace CollisionModel.Measures;

/// <summary>Unit of entropies and informations. The library's default everywhere is nats (natural log).</summary>
public enum InformationUnit
{
    /// <summary>Natural logarithm (the default).</summary>
    Nats,

    /// <summary>Base-2 logarithm: the nats value divided by ln 2.</summary>
    Bits,
}

internal static class InformationUnitExtensions
{
    public static double Convert(this InformationUnit unit, double nats) => unit == InformationUnit.Bits ? nats / Math.Log(2) : nats;
}
